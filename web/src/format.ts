// Formatting of dates, numbers and URLs for display.

/** A date ("2019-05-01") or timestamp in the reader's language; unparseable input comes back as is. */
export function formatDate(value: string | null | undefined, lang: string): string {
  if (!value) return '';
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
  // Only ISO 8601 dates and timestamps: Date.parse accepts too much ("around 1990").
  if (!dateOnly && !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return value;
  const date = new Date(dateOnly ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(date.getTime())) return value;
  const options: Intl.DateTimeFormatOptions = dateOnly
    ? { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }
    : { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(lang, options).format(date);
}

export function formatNumber(value: number, lang: string): string {
  return new Intl.NumberFormat(lang).format(value);
}

export function formatCoordinates(lat: number, lon: number): string {
  return `${lat.toFixed(5)}, ${lon.toFixed(5)}`;
}

/** The URL if it is http(s), else null: data must never produce a javascript: link. */
export function safeHttpUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  const candidate = /^[a-z][a-z0-9+.-]*:/i.test(value) ? value : `https://${value}`;
  try {
    const url = new URL(candidate);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** A text in the reader's language from a {lang: text} record, else English, else any. */
export function pickLocalized(
  texts: Record<string, string> | null | undefined,
  lang: string,
): string | null {
  if (!texts) return null;
  return texts[lang] ?? texts.en ?? Object.values(texts)[0] ?? null;
}

/** A file size in the reader's language with SI units: "850 bytes", "12 kB", "2.1 MB". */
export function formatBytes(bytes: number, lang: string): string {
  const units = [
    ['megabyte', 1e6],
    ['kilobyte', 1e3],
  ] as const;
  for (const [unit, size] of units) {
    if (bytes >= size) {
      const digits = bytes >= 10 * size ? 0 : 1;
      return new Intl.NumberFormat(lang, {
        style: 'unit',
        unit,
        maximumFractionDigits: digits,
      }).format(bytes / size);
    }
  }
  return new Intl.NumberFormat(lang, { style: 'unit', unit: 'byte', unitDisplay: 'long' }).format(
    bytes,
  );
}
