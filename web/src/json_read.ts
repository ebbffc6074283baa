// Readers of API answers (the `unknown` of fetch().json()) into typed values, shared by the
// modules that parse the ecosystem's answers (blocks, trends, partners, suppliers).
//
// They are lenient on purpose: a field that is missing or of another type reads as empty (an
// empty object, list or string, 0, or null), never as a crash, so that an older or newer server
// that adds or drops a field still gives a page to read. Each parser checks the few fields
// without which the answer is not what it asked for and throws naming them itself.

/** A JSON object, its fields not yet read. */
export type Json = Record<string, unknown>;

/** A JSON object: not null, not a list. */
export const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The object, or {} for anything else, so that its fields read as missing. */
export const obj = (v: unknown): Json => (isObject(v) ? v : {});

/** The list, or [] for anything else. */
export const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** The string, or "" for anything else. */
export const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** A finite number, or null: null where the server says "unknown" is not a 0. */
export const numOrNull = (v: unknown): number | null =>
  typeof v === 'number' && Number.isFinite(v) ? v : null;

/** A finite number, or 0 (counts and scores the server always sends). */
export const num = (v: unknown): number => numOrNull(v) ?? 0;

/** The strings of a list, leaving out anything else; [] when it is not a list. */
export const strings = (v: unknown): string[] =>
  arr(v).filter((s): s is string => typeof s === 'string');

/** The string fields of an object, leaving out the others; {} when it is not an object. */
export function stringRecord(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, s] of Object.entries(obj(v))) if (typeof s === 'string') out[key] = s;
  return out;
}
