import { describe, expect, it } from 'vitest';
import { ancestorIds } from './territories_page';

describe('ancestorIds', () => {
  it('lists the chain from the country down', () => {
    expect(ancestorIds('')).toEqual([]);
    expect(ancestorIds('GB')).toEqual(['GB']);
    expect(ancestorIds('GB/wales/cardiff')).toEqual(['GB', 'GB/wales', 'GB/wales/cardiff']);
  });
});
