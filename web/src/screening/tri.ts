// The missing-aware, three-valued evaluation of JSON Logic rules: the browser's side of the
// contract in docs/rules-language.md ("Missing-aware evaluation"), the twin of src/rules/tri.cc.
// A rule that depends on a fact absent from the data (or null there) is unknown, with the paths
// that made it so, instead of true or false:
//
//   - var of an absent or null path: unknown (with a default: the default);
//   - missing, missing_some: standard, always known;
//   - and: the first known falsy operand; else unknown if an operand is; else the last value;
//     or: the same with truthy;
//   - if / ?: an unknown condition makes the result unknown, unless every branch that could
//     still be chosen is known and they are all equal;
//   - iterators: an unknown array (or reduce initial value) makes the result unknown; the element
//     expression is evaluated with standard semantics;
//   - every other operator: unknown if an operand is (missing = the union of their paths), else
//     the operator on the known values (ops.ts: json-logic-js, with the server's differences).
//
// Errors (a division by zero, an unknown operator...) make the outcome unknown with an `error`
// and no missing paths, even when an operand is also unknown.

import jsonLogic from 'json-logic-js';
import { applyOperator, RuleError, SPREAD_OPERATORS } from './ops';

export type Tri = { known: true; value: unknown } | { known: false; missing: string[] };

export interface Outcome {
  kind: 'true' | 'false' | 'unknown';
  /** The value when known; null when unknown. */
  value: unknown;
  /** The paths whose absence made the outcome unknown: sorted, without duplicates. */
  missing: string[];
  /** When evaluation raised an error (the outcome is then unknown, with no missing paths). */
  error?: string;
}

/** Three-valued at the root; standard (absent facts read as null) inside iterator scopes. */
type Mode = 'tri' | 'standard';

const ITERATORS = new Set(['map', 'filter', 'reduce', 'all', 'some', 'none']);

const known = (value: unknown): Tri => ({ known: true, value });
const unknown = (missing: string[]): Tri => ({ known: false, missing });

/** JSON Logic truthiness: false, null, 0, "" and [] are falsy. */
export function truthy(value: unknown): boolean {
  return jsonLogic.truthy(value);
}

/** An operation: an object with exactly one key. */
function isOperation(node: unknown): node is Record<string, unknown> {
  return (
    typeof node === 'object' &&
    node !== null &&
    !Array.isArray(node) &&
    Object.keys(node).length === 1
  );
}

/** Evaluates `rule` on `data` three-valued, and says whether the result is true, false or unknown. */
export function evaluate(rule: unknown, data: unknown): Outcome {
  let result: Tri;
  try {
    result = evalNode(rule, data);
  } catch (e) {
    const error = e instanceof Error ? e.message : String(e);
    return { kind: 'unknown', value: null, missing: [], error };
  }
  if (!result.known) {
    const missing = [...new Set(result.missing)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return { kind: 'unknown', value: null, missing };
  }
  return { kind: truthy(result.value) ? 'true' : 'false', value: result.value, missing: [] };
}

/** Evaluates one node; throws RuleError (or json-logic-js's Error) on an evaluation error. */
export function evalNode(node: unknown, data: unknown, mode: Mode = 'tri'): Tri {
  if (Array.isArray(node)) {
    return evalOperands(node, data, mode, (values, _count, pending) => {
      if (pending) throw pending;
      return values;
    });
  }
  if (!isOperation(node)) return known(node);
  const op = Object.keys(node)[0] as string;
  const raw = node[op];
  const operands = Array.isArray(raw) ? raw : [raw];
  if (op === 'var') return evalVar(operands, data, mode);
  if (op === 'missing' || op === 'missing_some') return known(jsonLogic.apply(node, data));
  if (op === 'if' || op === '?:') return evalIf(operands, data, mode);
  if (op === 'and' || op === 'or') return evalAndOr(op === 'or', operands, data, mode);
  if (ITERATORS.has(op)) return evalIterator(op, operands, data, mode);
  if (SPREAD_OPERATORS.has(op) && isOperation(raw)) return evalSpread(op, raw, data, mode);
  return evalOperands(operands, data, mode, (values, count, pending) =>
    applyOperator(op, values, count, pending),
  );
}

/**
 * Evaluates the operands in order, then applies `apply` to their values. Unknown operands make
 * the result unknown; an error wins over unknown operands before it, and is otherwise handed to
 * `apply` (as `pending`), which raises it unless it stops before that operand.
 */
function evalOperands(
  operands: unknown[],
  data: unknown,
  mode: Mode,
  apply: (values: unknown[], count: number, pending?: Error) => unknown,
): Tri {
  const values: unknown[] = [];
  const missing: string[] = [];
  let pending: Error | undefined;
  for (const operand of operands) {
    try {
      const result = evalNode(operand, data, mode);
      if (result.known) values.push(result.value);
      else missing.push(...result.missing);
    } catch (e) {
      if (missing.length > 0) throw e;
      pending = e instanceof Error ? e : new RuleError(String(e));
      break;
    }
  }
  if (missing.length > 0) return unknown(missing);
  return known(apply(values, operands.length, pending));
}

/** {"max": {"var": "xs"}}: the operation's array value supplies the operands. */
function evalSpread(op: string, operation: unknown, data: unknown, mode: Mode): Tri {
  const whole = evalNode(operation, data, mode);
  if (!whole.known) return whole;
  const values = Array.isArray(whole.value) ? whole.value : [whole.value];
  return known(applyOperator(op, values));
}

function evalVar(operands: unknown[], data: unknown, mode: Mode): Tri {
  const path = evalNode(operands[0], data, mode);
  if (!path.known) return path;
  const text = path.value === null || path.value === undefined ? '' : String(path.value);
  if (text === '') return known(data);
  const found = resolve(data, text.split('.'));
  const usable = mode === 'standard' ? found !== undefined : found !== undefined && found !== null;
  if (usable) return known(found);
  if (operands.length > 1) return evalNode(operands[1], data, mode);
  return mode === 'standard' ? known(null) : unknown([text]);
}

/** The value at `segments` (object keys, canonical array indexes), or undefined. */
export function resolve(data: unknown, segments: string[]): unknown {
  let at: unknown = data;
  for (const segment of segments) {
    if (Array.isArray(at)) {
      if (!/^(0|[1-9][0-9]*)$/.test(segment)) return undefined;
      at = at[Number(segment)];
    } else if (typeof at === 'object' && at !== null) {
      if (!Object.prototype.hasOwnProperty.call(at, segment)) return undefined;
      at = (at as Record<string, unknown>)[segment];
    } else {
      return undefined;
    }
    if (at === undefined) return undefined;
  }
  return at;
}

function evalIf(operands: unknown[], data: unknown, mode: Mode): Tri {
  let i = 0;
  for (; i + 1 < operands.length; i += 2) {
    const condition = evalNode(operands[i], data, mode);
    if (!condition.known) {
      const common = commonBranch(operands, i, data);
      return common ? known(common.value) : condition;
    }
    if (truthy(condition.value)) return evalNode(operands[i + 1], data, mode);
  }
  if (i < operands.length) return evalNode(operands[i], data, mode);
  return known(null);
}

function knownOrNothing(node: unknown, data: unknown): Tri | null {
  try {
    const result = evalNode(node, data);
    return result.known ? result : null;
  } catch {
    return null;
  }
}

/**
 * The value of an if-chain whose condition `i` is unknown, when every branch that could still be
 * chosen is known and all are equal; else null.
 */
function commonBranch(operands: unknown[], i: number, data: unknown): { value: unknown } | null {
  let common: { value: unknown } | null = null;
  const agrees = (node: unknown) => {
    const result = knownOrNothing(node, data);
    if (!result?.known) return false;
    common ??= { value: result.value };
    return sameJson(common.value, result.value);
  };
  if (!agrees(operands[i + 1])) return null;
  for (let k = i + 2; ; k += 2) {
    if (k + 1 >= operands.length)
      return agrees(k < operands.length ? operands[k] : null) ? common : null;
    let condition: Tri;
    try {
      condition = evalNode(operands[k], data);
    } catch {
      return null;
    }
    const surely = condition.known && truthy(condition.value);
    if ((surely || !condition.known) && !agrees(operands[k + 1])) return null;
    if (surely) return common;
  }
}

/** JSON equality (1 equals 1.0, objects by content). */
function sameJson(a: unknown, b: unknown): boolean {
  if (typeof a !== typeof b || Array.isArray(a) !== Array.isArray(b)) return false;
  if (typeof a !== 'object' || a === null || b === null) return a === b;
  const ka = Object.keys(a);
  const kb = Object.keys(b as object);
  return (
    ka.length === kb.length &&
    ka.every((k) => sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
  );
}

function evalAndOr(isOr: boolean, operands: unknown[], data: unknown, mode: Mode): Tri {
  const missing: string[] = [];
  let last: unknown = false;
  for (const operand of operands) {
    const result = evalNode(operand, data, mode);
    if (!result.known) {
      missing.push(...result.missing);
      continue;
    }
    if (truthy(result.value) === isOr) return result;
    last = result.value;
  }
  return missing.length > 0 ? unknown(missing) : known(last);
}

/** The array (and reduce's initial value) in the current mode; each element with standard rules. */
function evalIterator(op: string, operands: unknown[], data: unknown, mode: Mode): Tri {
  const source = evalNode(operands[0], data, mode);
  if (!source.known) return source;
  const initial =
    op === 'reduce' && operands.length > 2 ? evalNode(operands[2], data, mode) : known(null);
  if (!initial.known) return initial;
  return known(iterate(op, source.value, operands[1], initial.value));
}

function iterate(op: string, source: unknown, expression: unknown, initial: unknown): unknown {
  const each = (element: unknown) => {
    const result = evalNode(expression, element, 'standard');
    return result.known ? result.value : null;
  };
  if (op === 'reduce') {
    if (!Array.isArray(source)) return initial;
    return source.reduce(
      (accumulator: unknown, current: unknown) => each({ current, accumulator }),
      initial,
    );
  }
  if (op === 'map') return Array.isArray(source) ? source.map(each) : [];
  if (op === 'filter') return Array.isArray(source) ? source.filter((e) => truthy(each(e))) : [];
  if (!Array.isArray(source)) {
    throw new RuleError(`Invalid Arguments: "${op}" needs an array, got ${JSON.stringify(source)}`);
  }
  if (op === 'all') return source.length > 0 && source.every((e) => truthy(each(e)));
  if (op === 'some') return source.some((e) => truthy(each(e)));
  return !source.some((e) => truthy(each(e)));
}
