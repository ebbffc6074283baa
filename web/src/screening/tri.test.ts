import { describe, expect, it } from 'vitest';
import { evaluate, evalNode } from './tri';

const data = {
  legal_form: 'cooperative',
  zero: 0,
  nothing: null,
  governance: { voting_rule: 'one_member_one_vote', colleges: [{ name: 'workers', weight: 0.4 }] },
  list: [1, 2, 3],
};

describe('var', () => {
  it('reads a known path', () => {
    expect(evaluate({ var: 'governance.voting_rule' }, data)).toMatchObject({
      kind: 'true',
      value: 'one_member_one_vote',
      missing: [],
    });
  });

  it('is unknown for an absent path, with that path', () => {
    expect(evaluate({ var: 'purpose.social' }, data)).toEqual({
      kind: 'unknown',
      value: null,
      missing: ['purpose.social'],
    });
  });

  it('is unknown for a null value', () => {
    expect(evaluate({ var: 'nothing' }, data).missing).toEqual(['nothing']);
  });

  it('takes the default for an absent or null path', () => {
    expect(evaluate({ var: ['purpose.social', false] }, data)).toMatchObject({
      kind: 'false',
      value: false,
    });
    expect(evaluate({ var: ['nothing', []] }, data).value).toEqual([]);
  });

  it('keeps a known falsy value (0 is not missing)', () => {
    expect(evaluate({ var: 'zero' }, data)).toMatchObject({ kind: 'false', value: 0 });
  });

  it('reads array elements by index and the whole data with ""', () => {
    expect(evaluate({ var: 'list.1' }, data).value).toBe(2);
    expect(evaluate({ var: 'list.01' }, data).kind).toBe('unknown');
    expect(evaluate({ var: '' }, data).value).toBe(data);
  });
});

describe('missing and missing_some', () => {
  it('are evaluated as in standard JSON Logic', () => {
    expect(evaluate({ missing: ['legal_form', 'purpose.social'] }, data).value).toEqual([
      'purpose.social',
    ]);
    expect(evaluate({ missing_some: [1, ['legal_form', 'x']] }, data)).toMatchObject({
      kind: 'false',
      value: [],
    });
  });
});

describe('and / or', () => {
  const unknownFact = { var: 'a' };

  it('and: a known false operand decides, wherever it is', () => {
    expect(evaluate({ and: [unknownFact, { '==': [1, 2] }] }, data)).toMatchObject({
      kind: 'false',
      value: false,
    });
  });

  it('and: unknown when no operand is false and one is unknown', () => {
    expect(evaluate({ and: [true, unknownFact, { var: 'b' }] }, data)).toEqual({
      kind: 'unknown',
      value: null,
      missing: ['a', 'b'],
    });
  });

  it('and: the last value when all are known and truthy', () => {
    expect(evaluate({ and: [true, 'x', 3] }, data).value).toBe(3);
  });

  it('or: a known true operand decides, wherever it is', () => {
    expect(evaluate({ or: [unknownFact, 'yes'] }, data)).toMatchObject({
      kind: 'true',
      value: 'yes',
    });
  });

  it('or: unknown when no operand is true and one is unknown', () => {
    expect(evaluate({ or: [false, unknownFact] }, data).missing).toEqual(['a']);
  });

  it('or: the last value when all are known and falsy', () => {
    expect(evaluate({ or: [false, 0] }, data)).toMatchObject({ kind: 'false', value: 0 });
  });
});

describe('if', () => {
  it('takes the branch of a known condition, evaluated three-valued', () => {
    expect(evaluate({ if: [true, { var: 'legal_form' }, 'no'] }, data).value).toBe('cooperative');
    expect(evaluate({ if: [false, 'yes', { var: 'x' }] }, data).missing).toEqual(['x']);
    expect(evaluate({ '?:': [{ var: 'zero' }, 'yes', 'no'] }, data).value).toBe('no');
  });

  it("is unknown when the condition is unknown, with that condition's missing paths", () => {
    expect(evaluate({ if: [{ var: 'x' }, { var: 'y' }, true] }, data)).toEqual({
      kind: 'unknown',
      value: null,
      missing: ['x'],
    });
    expect(evaluate({ if: [{ var: 'x' }, true, false] }, data).missing).toEqual(['x']);
  });

  it('is known when every branch that could be chosen is known and equal', () => {
    expect(evaluate({ if: [{ var: 'x' }, true, true] }, data)).toMatchObject({
      kind: 'true',
      value: true,
    });
    // From the unknown x: its branch, then y's (unknown), then the else: all 1.
    expect(evaluate({ if: [{ var: 'x' }, 1, { var: 'y' }, 1.0, 1] }, data).value).toBe(1);
    // A later condition known true ends the chain there: the else is never reached.
    expect(evaluate({ if: [{ var: 'x' }, 'a', true, 'a', 'b'] }, data).value).toBe('a');
    // A known false condition's branch cannot be chosen.
    expect(evaluate({ if: [{ var: 'x' }, 'a', false, 'b', 'a'] }, data).value).toBe('a');
    // No else: null is a possible result.
    expect(evaluate({ if: [{ var: 'x' }, null] }, data)).toMatchObject({ kind: 'false' });
    expect(evaluate({ if: [{ var: 'x' }, 'a'] }, data).kind).toBe('unknown');
    // A branch that is unknown or raises an error makes the result unknown.
    expect(evaluate({ if: [{ var: 'x' }, 1, { '/': [1, 0] }] }, data).missing).toEqual(['x']);
  });

  it('goes on to else-if chains and gives null without an else', () => {
    expect(evaluate({ if: [false, 1, true, 2, 3] }, data).value).toBe(2);
    expect(evaluate({ if: [false, 1] }, data).value).toBeNull();
  });
});

describe('negation', () => {
  it('! and !! of unknown are unknown', () => {
    expect(evaluate({ '!': [{ var: 'x' }] }, data).kind).toBe('unknown');
    expect(evaluate({ '!!': [{ var: 'x' }] }, data).kind).toBe('unknown');
  });

  it('! and !! of known values follow JSON Logic truthiness', () => {
    expect(evaluate({ '!': [[]] }, data).value).toBe(true);
    expect(evaluate({ '!!': ['0'] }, data).value).toBe(true);
  });
});

describe('iterators', () => {
  it('read absent element fields as null inside their scope (standard rules)', () => {
    const rows = { rows: [{ a: 1 }, {}] };
    expect(evaluate({ map: [{ var: 'rows' }, { var: 'a' }] }, rows).value).toEqual([1, null]);
    expect(evaluate({ map: [{ var: 'rows' }, { var: ['a', 0] }] }, rows).value).toEqual([1, 0]);
  });

  it('take the unknown array first, then an unknown initial value', () => {
    const count = { '+': [{ var: 'accumulator' }, 1] };
    expect(evaluate({ reduce: [{ var: 'xs' }, count, { var: 'y' }] }, data).missing).toEqual([
      'xs',
    ]);
  });

  it('are unknown when their array is unknown', () => {
    expect(
      evaluate(
        { all: [{ var: 'governance.colleges2' }, { '<=': [{ var: 'weight' }, 0.5] }] },
        data,
      ),
    ).toEqual({ kind: 'unknown', value: null, missing: ['governance.colleges2'] });
  });

  it('evaluate the element logic with standard rules', () => {
    expect(
      evaluate({ all: [{ var: 'governance.colleges' }, { '<=': [{ var: 'weight' }, 0.5] }] }, data)
        .kind,
    ).toBe('true');
    expect(evaluate({ all: [[], true] }, data).kind).toBe('false');
    expect(evaluate({ some: [{ var: 'list' }, { '>': [{ var: '' }, 2] }] }, data).kind).toBe(
      'true',
    );
    expect(evaluate({ none: [{ var: 'list' }, { '>': [{ var: '' }, 5] }] }, data).kind).toBe(
      'true',
    );
    expect(evaluate({ map: [{ var: 'list' }, { '*': [{ var: '' }, 2] }] }, data).value).toEqual([
      2, 4, 6,
    ]);
    expect(evaluate({ filter: [{ var: 'list' }, { '>': [{ var: '' }, 1] }] }, data).value).toEqual([
      2, 3,
    ]);
  });

  it('reduce counts elements from a known initial value; unknown initial is unknown', () => {
    const count = { '+': [{ var: 'accumulator' }, 1] };
    expect(evaluate({ reduce: [{ var: 'governance.colleges' }, count, 0] }, data).value).toBe(1);
    expect(evaluate({ reduce: [{ var: ['x', []] }, count, 0] }, data).value).toBe(0);
    expect(evaluate({ reduce: [[1], count, { var: 'y' }] }, data).missing).toEqual(['y']);
  });

  it('pass element values that look like operations as values', () => {
    const items = { xs: [{ var: 'not logic' }] };
    expect(evaluate({ map: [{ var: 'xs' }, { var: 'var' }] }, items).value).toEqual(['not logic']);
  });
});

describe('other operators', () => {
  it('are unknown when an operand is, with the union of the missing paths', () => {
    expect(evaluate({ '==': [{ var: 'b' }, { var: 'a' }] }, data)).toEqual({
      kind: 'unknown',
      value: null,
      missing: ['a', 'b'],
    });
    expect(evaluate({ in: [{ var: 'x' }, ['a']] }, data).missing).toEqual(['x']);
  });

  it('list each missing path once, sorted', () => {
    expect(evaluate({ '+': [{ var: 'b' }, { var: 'a' }, { var: 'b' }] }, data).missing).toEqual([
      'a',
      'b',
    ]);
  });

  it('apply json-logic-js to known values', () => {
    expect(evaluate({ in: [{ var: 'legal_form' }, ['cooperative', 'mutual']] }, data).kind).toBe(
      'true',
    );
    expect(evaluate({ '==': [1, '1'] }, data).value).toBe(true);
    expect(evaluate({ '===': [1, '1'] }, data).value).toBe(false);
    expect(evaluate({ '<=': [{ var: 'zero' }, 0.5] }, data).value).toBe(true);
    expect(evaluate({ '<': [1, 2, 3] }, data).value).toBe(true);
    expect(evaluate({ '/': [6, 4] }, data).value).toBe(1.5);
    expect(evaluate({ cat: ['a', 1] }, data).value).toBe('a1');
    expect(evaluate({ in: ['op', 'coop'] }, data).value).toBe(true);
    expect(evaluate({ merge: [[1], 2] }, data).value).toEqual([1, 2]);
    expect(evaluate({ max: [1, 3, 2] }, data).value).toBe(3);
    expect(evaluate({ substr: ['cooperative', 0, 4] }, data).value).toBe('coop');
  });

  it('treat a division by zero as an error: unknown with no missing fact', () => {
    expect(evaluate({ '<=': [{ '/': [1, { var: 'zero' }] }, 12] }, data)).toMatchObject({
      kind: 'unknown',
      missing: [],
      error: expect.stringContaining('NaN'),
    });
  });

  it('let an error win over an unknown operand', () => {
    expect(evaluate({ '+': [{ var: 'x' }, { '/': [1, 0] }] }, data)).toMatchObject({
      kind: 'unknown',
      missing: [],
      error: expect.stringContaining('by zero'),
    });
  });

  it('stop a comparison chain before an operand that raises an error', () => {
    expect(evaluate({ '==': [3, 2, { '/': [1, 0] }] }, data).kind).toBe('false');
    expect(evaluate({ '==': [2, 2, { '/': [1, 0] }] }, data).error).toContain('by zero');
  });

  it('reproduce the server where json-logic-js differs', () => {
    const value = (rule: unknown) => evaluate(rule, data).value;
    expect(value({ '==': [null, 0] })).toBe(true);
    expect(value({ '>': [3, 2, 1] })).toBe(true);
    expect(value({ '>': [3, 2, 5] })).toBe(false);
    expect(value({ '-': [10, 2, 3] })).toBe(5);
    expect(value({ '/': 4 })).toBe(0.25);
    expect(value({ '*': [] })).toBe(1);
    expect(value({ cat: ['a', null, 'b'] })).toBe('ab');
    expect(
      value({
        '===': [
          [1, 2],
          [1, 2],
        ],
      }),
    ).toBe(true);
    expect(value({ in: [[1], [[1], [2]]] })).toBe(true);
    expect(value({ max: { var: 'list' } })).toBe(3);
    expect(value({ '+': '3' })).toBe(3);
    expect(evaluate({ '<': ['abc', 1] }, data).error).toContain('NaN');
    expect(evaluate({ '==': [[], 0] }, data).error).toContain('NaN');
    expect(evaluate({ '+': [[1], 1] }, data).error).toContain('NaN');
    expect(evaluate({ some: [1, true] }, data).error).toContain('needs an array');
    expect(evaluate({ min: [] }, data).error).toContain('Invalid Arguments');
  });

  it('report an unknown operator as an error', () => {
    expect(evaluate({ frobnicate: [1] }, data)).toMatchObject({
      kind: 'unknown',
      error: expect.stringContaining('frobnicate'),
    });
  });

  it('keep literals, arrays and multi-key objects as values', () => {
    expect(evalNode(3, data)).toEqual({ known: true, value: 3 });
    expect(evalNode([{ var: 'zero' }, 'a'], data)).toEqual({ known: true, value: [0, 'a'] });
    expect(evalNode({ a: 1, b: 2 }, data)).toEqual({ known: true, value: { a: 1, b: 2 } });
  });
});
