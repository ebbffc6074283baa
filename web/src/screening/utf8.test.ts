import { describe, expect, it } from 'vitest';
import { byteOffsetsToIndexes, sliceBytes, splitBySpans } from './utf8';

describe('byteOffsetsToIndexes', () => {
  it('counts multi-byte characters once and astral ones twice', () => {
    // "é" is 2 bytes and 1 unit; "𝄞" is 4 bytes and 2 units.
    const text = 'aé𝄞b';
    expect(byteOffsetsToIndexes(text, [0, 1, 3, 7, 8])).toEqual([0, 1, 2, 4, 5]);
  });

  it('clamps offsets past the end and moves offsets inside a character to its start', () => {
    expect(byteOffsetsToIndexes('é', [2, 9])).toEqual([1, 1]);
    expect(byteOffsetsToIndexes('aé', [2])).toEqual([1]);
  });
});

describe('splitBySpans', () => {
  it('cuts the text into plain and highlighted pieces', () => {
    const text = 'Art. 5 — chaque associé dispose d’une voix.';
    const start = new TextEncoder().encode('Art. 5 — ').length;
    const end = start + new TextEncoder().encode('chaque associé dispose d’une voix').length;
    expect(splitBySpans(text, [{ start, end }])).toEqual([
      { text: 'Art. 5 — ', span: null },
      { text: 'chaque associé dispose d’une voix', span: 0 },
      { text: '.', span: null },
    ]);
  });

  it('orders spans by position and leaves out overlapping ones', () => {
    expect(
      splitBySpans('abcdef', [
        { start: 3, end: 5 },
        { start: 0, end: 2 },
        { start: 1, end: 4 },
      ]),
    ).toEqual([
      { text: 'ab', span: 1 },
      { text: 'c', span: null },
      { text: 'de', span: 0 },
      { text: 'f', span: null },
    ]);
  });
});

describe('sliceBytes', () => {
  it('cuts a text at byte offsets', () => {
    const text = 'Société coopérative';
    expect(sliceBytes(text, 0, new TextEncoder().encode('Société').length)).toBe('Société');
  });
});
