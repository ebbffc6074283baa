import { describe, expect, it } from 'vitest';
import { arr, isObject, num, numOrNull, obj, str, stringRecord, strings } from './json_read';

// What JSON.parse can give, and undefined for a missing field.
const OTHERS: Record<string, unknown> = {
  missing: undefined,
  null: null,
  string: 'text',
  emptyString: '',
  number: 3,
  zero: 0,
  true: true,
  false: false,
  list: [1, 'a'],
  object: { a: 1 },
};

const othersBut = (...kinds: string[]) =>
  Object.entries(OTHERS).filter(([kind]) => !kinds.includes(kind));

describe('isObject', () => {
  it('accepts an object, even an empty one', () => {
    expect(isObject({ a: 1 })).toBe(true);
    expect(isObject({})).toBe(true);
  });
  it.each(othersBut('object'))('refuses %s', (_, v) => {
    expect(isObject(v)).toBe(false);
  });
});

describe('obj', () => {
  it('gives the object itself', () => {
    const o = { a: 1 };
    expect(obj(o)).toBe(o);
  });
  it.each(othersBut('object'))('reads %s as an empty object', (_, v) => {
    expect(obj(v)).toEqual({});
  });
  it('lets a chain of missing fields read as empty', () => {
    expect(str(obj(obj({}).a).b)).toBe('');
  });
});

describe('arr', () => {
  it('gives the list itself, whatever it holds', () => {
    const list = [1, 'a', null];
    expect(arr(list)).toBe(list);
    expect(arr([])).toEqual([]);
  });
  it.each(othersBut('list'))('reads %s as an empty list', (_, v) => {
    expect(arr(v)).toEqual([]);
  });
});

describe('str', () => {
  it('gives the string itself', () => {
    expect(str('text')).toBe('text');
    expect(str('')).toBe('');
  });
  it.each(othersBut('string', 'emptyString'))('reads %s as ""', (_, v) => {
    expect(str(v)).toBe('');
  });
});

describe('numOrNull', () => {
  it('gives a finite number itself, 0 and negatives too', () => {
    expect(numOrNull(3)).toBe(3);
    expect(numOrNull(0)).toBe(0);
    expect(numOrNull(-1.5)).toBe(-1.5);
  });
  it('reads a number that is not finite as null', () => {
    expect(numOrNull(NaN)).toBeNull();
    expect(numOrNull(Infinity)).toBeNull();
    expect(numOrNull(-Infinity)).toBeNull();
  });
  it.each(othersBut('number', 'zero'))('reads %s as null', (_, v) => {
    expect(numOrNull(v)).toBeNull();
  });
  it('does not read a number written as a string', () => {
    expect(numOrNull('3')).toBeNull();
  });
});

describe('num', () => {
  it('gives a finite number itself', () => {
    expect(num(3)).toBe(3);
    expect(num(-1.5)).toBe(-1.5);
  });
  it('reads a number that is not finite as 0', () => {
    expect(num(NaN)).toBe(0);
    expect(num(Infinity)).toBe(0);
  });
  it.each(othersBut('number', 'zero'))('reads %s as 0', (_, v) => {
    expect(num(v)).toBe(0);
  });
});

describe('strings', () => {
  it('keeps the strings of a list, in order, leaving out the rest', () => {
    expect(strings(['a', 1, null, 'b', { c: 'd' }, ''])).toEqual(['a', 'b', '']);
  });
  it.each(othersBut('list'))('reads %s as an empty list', (_, v) => {
    expect(strings(v)).toEqual([]);
  });
  it('does not split a string', () => {
    expect(strings('a,b')).toEqual([]);
  });
});

describe('stringRecord', () => {
  it('keeps the string fields of an object, leaving out the rest', () => {
    expect(stringRecord({ en: 'Yes', fr: 'Oui', es: 1, pt: null, de: { x: 'y' } })).toEqual({
      en: 'Yes',
      fr: 'Oui',
    });
  });
  it.each(othersBut('object'))('reads %s as an empty object', (_, v) => {
    expect(stringRecord(v)).toEqual({});
  });
  it('gives a new object, not the one read', () => {
    const o = { en: 'Yes' };
    expect(stringRecord(o)).not.toBe(o);
  });
});
