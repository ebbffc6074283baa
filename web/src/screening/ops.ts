// The value operators of JSON Logic as the server computes them (docs/rules-language.md,
// "Values" and "Differences from json-logic-js"): json-logic-js for the operators where both
// agree, and the server's semantics where they differ, so that the browser reproduces them:
// errors where JavaScript gives NaN, Infinity or false (non-numbers in arithmetic and
// comparisons, division by zero), `null == 0`, comparison chains over every pair, arrays compared
// by content, `cat` skipping null, `-`, `/`, `%` folding over every operand.

import jsonLogic from 'json-logic-js';

/** An evaluation error, with the server's error type first ("NaN: ..."). */
export class RuleError extends Error {}

const nanError = (what: string) => new RuleError(`NaN: ${what}`);
const arityError = (op: string, needed: number, got: number) =>
  new RuleError(`Invalid Arguments: "${op}" needs at least ${needed} operands, got ${got}`);

/** Operators whose single operation argument, when its value is an array, gives the operands. */
export const SPREAD_OPERATORS = new Set(['+', '-', '*', '/', '%', 'min', 'max', 'cat', 'merge']);

const COMPARISONS = new Set(['==', '!=', '===', '!==', '<', '<=', '>', '>=']);

const isStructured = (v: unknown) => typeof v === 'object' && v !== null;

/** JavaScript's Number(), except that arrays, objects and non-numeric strings are errors. */
function toNumber(v: unknown, what: string): number {
  if (isStructured(v)) throw nanError(`${what} is ${JSON.stringify(v)}, not a number`);
  const n = v === null ? 0 : Number(v);
  if (Number.isNaN(n)) throw nanError(`${what} is ${JSON.stringify(v)}, not a number`);
  return n;
}

function jsonType(v: unknown): string {
  if (v === null) return 'null';
  return Array.isArray(v) ? 'array' : typeof v;
}

/** Same JSON type and same value; arrays and objects by content. */
export function strictEquals(a: unknown, b: unknown): boolean {
  if (jsonType(a) !== jsonType(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((x, i) => strictEquals(x, b[i]));
  }
  if (isStructured(a) && isStructured(b)) {
    const ka = Object.keys(a as object);
    const kb = Object.keys(b as object);
    return (
      ka.length === kb.length &&
      ka.every(
        (k) =>
          Object.prototype.hasOwnProperty.call(b, k) &&
          strictEquals((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
      )
    );
  }
  return a === b;
}

function looseEquals(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a === b;
  if (typeof a === 'string' && typeof b === 'string') return a === b;
  if (isStructured(a) || isStructured(b)) {
    throw nanError(`cannot compare ${JSON.stringify(a)} with ${JSON.stringify(b)}`);
  }
  if (jsonType(a) === jsonType(b)) return a === b;
  return toNumber(a, 'an operand') === toNumber(b, 'an operand');
}

/** -1, 0 or 1; strings by code point, anything else as numbers. */
function order(a: unknown, b: unknown): number {
  if (typeof a === 'string' && typeof b === 'string') {
    const x = [...a].map((c) => c.codePointAt(0) ?? 0);
    const y = [...b].map((c) => c.codePointAt(0) ?? 0);
    for (let i = 0; i < Math.min(x.length, y.length); i++) {
      if (x[i] !== y[i]) return (x[i] ?? 0) < (y[i] ?? 0) ? -1 : 1;
    }
    return Math.sign(x.length - y.length);
  }
  const x = toNumber(a, 'an operand');
  const y = toNumber(b, 'an operand');
  return x < y ? -1 : x > y ? 1 : 0;
}

function holds(op: string, a: unknown, b: unknown): boolean {
  switch (op) {
    case '==':
      return looseEquals(a, b);
    case '!=':
      return !looseEquals(a, b);
    case '===':
      return strictEquals(a, b);
    case '!==':
      return !strictEquals(a, b);
    case '<':
      return order(a, b) < 0;
    case '<=':
      return order(a, b) <= 0;
    case '>':
      return order(a, b) > 0;
    default:
      return order(a, b) >= 0;
  }
}

/**
 * a op b op c ...: every adjacent pair holds. Stops at the first pair that does not; `pending`
 * is the error of an operand after the known ones, raised only if the chain reaches it.
 */
function compare(op: string, values: unknown[], count: number, pending?: Error): boolean {
  if (count < 2) throw arityError(op, 2, count);
  for (let i = 1; i < count; i++) {
    if (i >= values.length) throw pending ?? arityError(op, 2, values.length);
    if (!holds(op, values[i - 1], values[i])) return false;
  }
  return true;
}

function arithmetic(op: string, values: unknown[]): number {
  const nums = values.map((v, i) => toNumber(v, `operand ${i} of "${op}"`));
  switch (op) {
    case '+':
      return nums.reduce((a, b) => a + b, 0);
    case '*':
      return nums.reduce((a, b) => a * b, 1);
    case '-':
      if (nums.length === 0) throw arityError(op, 1, 0);
      return nums.length === 1 ? -(nums[0] ?? 0) : nums.reduce((a, b) => a - b);
    case 'min':
    case 'max':
      if (nums.length === 0) throw arityError(op, 1, 0);
      return op === 'min' ? Math.min(...nums) : Math.max(...nums);
    default:
      return divide(op, nums);
  }
}

/** a / b / c and a % b % c; one operand x of "/" is 1 / x; by zero is an error. */
function divide(op: string, nums: number[]): number {
  const needed = op === '%' ? 2 : 1;
  if (nums.length < needed) throw arityError(op, needed, nums.length);
  const [first, ...rest] = nums.length === 1 ? [1, ...nums] : nums;
  return rest.reduce((acc, x) => {
    if (x === 0) throw nanError(`"${op}" by zero`);
    return op === '%' ? acc % x : acc / x;
  }, first ?? 0);
}

/** JavaScript's String(), with null adding nothing. */
function cat(values: unknown[]): string {
  return values
    .filter((v) => v !== null)
    .map((v) => (isStructured(v) && !Array.isArray(v) ? '[object Object]' : String(v)))
    .join('');
}

function inOperator(needle: unknown, haystack: unknown): boolean {
  if (typeof haystack === 'string') return haystack.includes(cat([needle]));
  if (Array.isArray(haystack)) return haystack.some((e) => strictEquals(e, needle));
  return false;
}

/**
 * Applies a value operator to known operand values. `count` is the number of operands written
 * (more than values.length when operand values.length raised `pending`).
 */
export function applyOperator(
  op: string,
  values: unknown[],
  count = values.length,
  pending?: Error,
): unknown {
  if (COMPARISONS.has(op)) return compare(op, values, count, pending);
  if (pending) throw pending;
  let result: unknown;
  if (['+', '-', '*', '/', '%', 'min', 'max'].includes(op)) result = arithmetic(op, values);
  else if (op === 'cat') result = cat(values);
  else if (op === 'in') result = inOperator(values[0], values[1]);
  else {
    // Values go in through `var`, so that a value that looks like an operation stays a value.
    const logic = { [op]: values.map((_, i) => ({ var: String(i) })) } as jsonLogic.RulesLogic;
    result = jsonLogic.apply(logic, values);
  }
  if (typeof result === 'number' && !Number.isFinite(result)) {
    throw nanError(`"${op}" gives a result that is not a finite number`);
  }
  return result;
}
