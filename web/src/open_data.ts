// The open-data formats of GET /export and POST /imports: what each one is, the extension of its
// file, which ones the server imports, and the guesses the import form makes from a file's name.

import type { MessageKey } from './i18n/i18n';
import { arr, num, obj, str } from './json_read';
import type { ImportReport, RejectedRow } from './types';

export interface DataFormat {
  /** The `format` parameter of the API. */
  id: string;
  /** The extension of the exported file (ecosol.<extension>). */
  extension: string;
  name: MessageKey;
  about: MessageKey;
  /** Whether POST /imports reads it (Kumu blueprints are only exported). */
  importable: boolean;
}

export const DATA_FORMATS: readonly DataFormat[] = [
  {
    id: 'essglobal-csv',
    extension: 'csv',
    name: 'dataFormat.essglobalCsv',
    about: 'dataFormat.essglobalCsvAbout',
    importable: true,
  },
  {
    id: 'geojson',
    extension: 'geojson',
    name: 'dataFormat.geojson',
    about: 'dataFormat.geojsonAbout',
    importable: true,
  },
  {
    id: 'murmurations',
    extension: 'csv',
    name: 'dataFormat.murmurations',
    about: 'dataFormat.murmurationsAbout',
    importable: true,
  },
  {
    id: 'essglobal-ttl',
    extension: 'ttl',
    name: 'dataFormat.essglobalTtl',
    about: 'dataFormat.essglobalTtlAbout',
    importable: true,
  },
  {
    id: 'essglobal-jsonld',
    extension: 'jsonld',
    name: 'dataFormat.essglobalJsonld',
    about: 'dataFormat.essglobalJsonldAbout',
    importable: true,
  },
  {
    id: 'kumu',
    extension: 'json',
    name: 'dataFormat.kumu',
    about: 'dataFormat.kumuAbout',
    importable: false,
  },
];

/** Formats the server imports but does not export. */
export const IMPORT_ONLY_FORMATS: readonly DataFormat[] = [
  {
    id: 'csv',
    extension: 'csv',
    name: 'dataFormat.csvMapped',
    about: 'dataFormat.csvMappedAbout',
    importable: true,
  },
  {
    id: 'coops-uk',
    extension: 'csv',
    name: 'dataFormat.coopsUk',
    about: 'dataFormat.coopsUkAbout',
    importable: true,
  },
  {
    id: 'coops-uk-economy',
    extension: 'csv',
    name: 'dataFormat.coopsUkEconomy',
    about: 'dataFormat.coopsUkEconomyAbout',
    importable: true,
  },
];

export const IMPORT_FORMATS = [...DATA_FORMATS.filter((f) => f.importable), ...IMPORT_ONLY_FORMATS];

/** Formats read through a YAML mapping file, sent with the file as a multipart form. */
export function needsMapping(format: string): boolean {
  return format === 'csv';
}

/** Plain JSON files are taken for Murmurations profiles: Kumu blueprints are not imported. */
const FORMAT_OF_EXTENSION: Record<string, string> = {
  csv: 'essglobal-csv',
  geojson: 'geojson',
  ttl: 'essglobal-ttl',
  jsonld: 'essglobal-jsonld',
  json: 'murmurations',
};

/** The extension of a file name, lower-cased, without the dot ("" when it has none). */
export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot > 0 ? fileName.slice(dot + 1).toLowerCase() : '';
}

/** The file name without its extension: the default source of an import. */
export function fileStem(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot > 0 ? fileName.slice(0, dot) : fileName;
}

/** The import format a file's extension suggests, or null when it suggests none. */
export function guessFormat(fileName: string): string | null {
  return FORMAT_OF_EXTENSION[extensionOf(fileName)] ?? null;
}

/**
 * The Content-Type to send a file with. Never a form type: the server would read the body as
 * form fields instead of the file.
 */
export function importMediaType(format: string, fileName: string): string {
  switch (format) {
    case 'essglobal-csv':
    case 'csv':
      return 'text/csv';
    case 'geojson':
      return 'application/geo+json';
    case 'essglobal-ttl':
      return 'text/turtle';
    case 'essglobal-jsonld':
      return 'application/ld+json';
    case 'murmurations':
      return extensionOf(fileName) === 'csv' ? 'text/csv' : 'application/json';
    default:
      return 'application/octet-stream';
  }
}

/** "cooperative, mutual" -> ["cooperative", "mutual"]: trimmed, without blanks or repeats. */
export function parseClaims(text: string): string[] {
  const claims = text
    .split(',')
    .map((c) => c.trim())
    .filter((c) => c !== '');
  return [...new Set(claims)];
}

/** Whether a value (e.g. the details of an error) has the shape of an import report. */
export function isImportReport(value: unknown): value is ImportReport {
  const r = value as Partial<ImportReport> | null;
  return (
    typeof r === 'object' &&
    r !== null &&
    typeof r.imported === 'number' &&
    typeof r.updated === 'number' &&
    typeof r.unchanged === 'number' &&
    Array.isArray(r.rejected)
  );
}

/**
 * An import report read defensively (e.g. the result of a background "import" job), or null
 * when the value does not have a report's shape. Counts are whole numbers of zero or more;
 * a rejected row's missing fields read as empty (line 0: not tied to one line).
 */
export function parseImportReport(value: unknown): ImportReport | null {
  if (!isImportReport(value)) return null;
  const count = (n: unknown) => Math.max(0, Math.floor(num(n)));
  const rejected = arr(value.rejected).map((row): RejectedRow => ({
    line: count(obj(row).line),
    field: str(obj(row).field),
    message: str(obj(row).message),
  }));
  return {
    imported: count(value.imported),
    updated: count(value.updated),
    unchanged: count(value.unchanged),
    rejected,
    committed: value.committed === true,
  };
}
