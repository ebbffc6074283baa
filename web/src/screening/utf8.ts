// The server gives statutes evidence as byte offsets into the UTF-8 text; JavaScript strings
// count UTF-16 code units. These convert one to the other.

/** Converts byte offsets into `text`'s UTF-8 form to string indexes, one per offset. */
export function byteOffsetsToIndexes(text: string, offsets: readonly number[]): number[] {
  const bytes = new TextEncoder().encode(text);
  const decoder = new TextDecoder();
  return offsets.map((offset) => {
    const end = Math.max(0, Math.min(offset, bytes.length));
    // An offset inside a character counts up to the start of that character.
    let start = end;
    while (start > 0 && start < bytes.length && ((bytes[start] ?? 0) & 0xc0) === 0x80) start--;
    return decoder.decode(bytes.subarray(0, start)).length;
  });
}

export interface TextPiece {
  text: string;
  /** The index of the span this piece is, or null for plain text between spans. */
  span: number | null;
}

/**
 * Cuts `text` into plain pieces and the pieces of the given byte spans, in order. Spans that
 * overlap one already taken are left out (the first, by start, wins).
 */
export function splitBySpans(
  text: string,
  spans: readonly { start: number; end: number }[],
): TextPiece[] {
  const indexes = byteOffsetsToIndexes(
    text,
    spans.flatMap((s) => [s.start, s.end]),
  );
  const order = spans
    .map((_, i) => i)
    .sort((a, b) => (indexes[2 * a] ?? 0) - (indexes[2 * b] ?? 0));
  const pieces: TextPiece[] = [];
  let at = 0;
  for (const i of order) {
    const start = indexes[2 * i] ?? 0;
    const end = indexes[2 * i + 1] ?? 0;
    if (start < at || end <= start) continue;
    if (start > at) pieces.push({ text: text.slice(at, start), span: null });
    pieces.push({ text: text.slice(start, end), span: i });
    at = end;
  }
  if (at < text.length) pieces.push({ text: text.slice(at), span: null });
  return pieces;
}

/** The part of `text` between two byte offsets of its UTF-8 form. */
export function sliceBytes(text: string, start: number, end: number): string {
  const [from, to] = byteOffsetsToIndexes(text, [start, end]);
  return text.slice(from ?? 0, to ?? 0);
}
