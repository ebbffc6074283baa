// Search snippets: the API marks each matched word as [[word]] in plain text. The text is escaped
// first and only then are the markers turned into <mark>, so nothing from the data becomes markup.

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Escaped HTML of a snippet with [[...]] turned into <mark>...</mark>; unpaired markers stay text. */
export function highlightSnippet(snippet: string): string {
  return escapeHtml(snippet).replace(/\[\[(.+?)\]\]/gs, '<mark>$1</mark>');
}
