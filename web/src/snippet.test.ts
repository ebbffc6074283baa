import { describe, expect, it } from 'vitest';
import { escapeHtml, highlightSnippet } from './snippet';

describe('highlightSnippet', () => {
  it('marks the matched words', () => {
    expect(highlightSnippet('the [[cooperative]] runs a [[bakery]]')).toBe(
      'the <mark>cooperative</mark> runs a <mark>bakery</mark>',
    );
  });

  it('escapes markup in the text before highlighting', () => {
    const html = highlightSnippet('<img src=x onerror="alert(1)"> [[<script>alert(2)</script>]]');
    expect(html).toBe(
      '&lt;img src=x onerror=&quot;alert(1)&quot;&gt; <mark>&lt;script&gt;alert(2)&lt;/script&gt;</mark>',
    );
    expect(html).not.toMatch(/<(img|script)/);
  });

  it('leaves unpaired markers as text', () => {
    expect(highlightSnippet('a [[b and c]] d ]] e [[')).toBe('a <mark>b and c</mark> d ]] e [[');
  });

  it('escapes quotes and ampersands', () => {
    expect(escapeHtml(`Tom & Jerry's "co-op"`)).toBe('Tom &amp; Jerry&#39;s &quot;co-op&quot;');
  });
});
