// Reports and network measures made in the background (POST /api/v1/jobs, kinds "report" and
// "analytics"): the params the report and network pages send, the results a finished job stores
// (what was made, and the file kept as its output), and the link that downloads that file from
// GET /api/v1/jobs/{id}/output. Pure functions, no DOM.

import { API_BASE } from './api';
import { LANGUAGE_NAMES, isLang, t } from './i18n/i18n';
import { formatBytes, formatNumber } from './format';
import { isObject, num, obj, str } from './json_read';
import { networkParams, type NetworkQuery } from './network';
import type { ReportFormat } from './report';

export const ANALYSIS_KINDS = ['report', 'analytics'] as const;
export type AnalysisKind = (typeof ANALYSIS_KINDS)[number];

export const isAnalysisKind = (kind: string): kind is AnalysisKind =>
  (ANALYSIS_KINDS as readonly string[]).includes(kind);

/** The params of a "report" job: those of GET /ecosystem/report. */
export interface ReportJobParams {
  territory: string;
  lang: string;
  format: ReportFormat;
}

/** The params of an "analytics" job: those of GET /ecosystem/metrics, as JSON values. */
export interface AnalyticsJobParams {
  territory?: string;
  /** Relationship types, comma-separated; absent for every type. */
  type?: string;
  as_of?: string;
  with_partners: boolean;
  lang: string;
}

/** The body of POST /jobs. */
export type AnalysisRequest =
  { kind: 'report'; params: ReportJobParams } | { kind: 'analytics'; params: AnalyticsJobParams };

/** A report of the territory (trimmed) in `lang`, as a file in `format`. */
export function reportJobRequest(
  territory: string,
  lang: string,
  format: ReportFormat,
): AnalysisRequest {
  return { kind: 'report', params: { territory: territory.trim(), lang, format } };
}

/**
 * The network page's filters as an analytics job: the values the page sends to GET
 * /ecosystem/metrics (networkParams leaves out what is empty, and the types when all are chosen),
 * with with_partners as a boolean, and the language of the measures' texts.
 */
export function analyticsJobRequest(query: NetworkQuery, lang: string): AnalysisRequest {
  const fromQuery = networkParams(query);
  const params: AnalyticsJobParams = { with_partners: query.withPartners, lang };
  const territory = fromQuery.get('territory');
  const type = fromQuery.get('type');
  const asOf = fromQuery.get('as_of');
  if (territory) params.territory = territory;
  if (type) params.type = type;
  if (asOf) params.as_of = asOf;
  return { kind: 'analytics', params };
}

/** The file a finished job kept (GET /jobs/{id}/output sends it). */
export interface JobOutput {
  /** The file name the server gives it ("ecosol-report-CA-QC-fr.html"). */
  name: string;
  contentType: string;
  bytes: number;
}

export interface ReportMade {
  kind: 'report';
  territory: string;
  lang: string;
  format: string;
  title: string;
  output: JobOutput | null;
}

export interface AnalyticsMade {
  kind: 'analytics';
  /** The territory the measures were narrowed to; "" for the whole registry. */
  territory: string;
  nodes: number;
  edges: number;
  output: JobOutput | null;
}

/** What a finished "report" or "analytics" job made. */
export type AnalysisMade = ReportMade | AnalyticsMade;

/** The output a result names, or null when it names none (it cannot be downloaded). */
export function parseJobOutput(value: unknown): JobOutput | null {
  if (!isObject(value)) return null;
  const name = str(value.name);
  if (!name) return null;
  return {
    name,
    contentType: str(value.content_type),
    bytes: Math.max(0, Math.floor(num(value.bytes))),
  };
}

/**
 * The result of a job of `kind` read defensively, or null when the job has none yet (it is not
 * done) or is of another kind. Missing fields read as empty.
 */
export function parseAnalysisResult(kind: string, value: unknown): AnalysisMade | null {
  if (!isObject(value) || !isAnalysisKind(kind)) return null;
  const output = parseJobOutput(value.output);
  if (kind === 'report') {
    return {
      kind,
      territory: str(value.territory),
      lang: str(value.lang),
      format: str(value.format),
      title: str(value.title),
      output,
    };
  }
  const summary = obj(value.summary);
  return {
    kind,
    territory: str(obj(value.filter).territory),
    nodes: Math.max(0, Math.floor(num(summary.nodes))),
    edges: Math.max(0, Math.floor(num(summary.edges))),
    output,
  };
}

/** GET /jobs/{id}/output: the file the finished job made, sent as an attachment. */
export function jobOutputUrl(id: string): string {
  return `${API_BASE}/jobs/${encodeURIComponent(id)}/output`;
}

/** "Download ecosol-report-CA-QC-fr.html (12 kB)". */
export function downloadLabel(output: JobOutput, lang: string): string {
  return t('jobs.download', { name: output.name, size: formatBytes(output.bytes, lang) });
}

/** What was made in a line: the report's title, territory, language and format, or the counts. */
export function madeSummary(made: AnalysisMade, lang: string): string {
  if (made.kind === 'report') {
    return t('jobs.reportMade', {
      title: made.title || made.territory,
      territory: made.territory,
      lang: isLang(made.lang) ? LANGUAGE_NAMES[made.lang] : made.lang,
      format: made.format.toUpperCase(),
    });
  }
  const counts = { nodes: formatNumber(made.nodes, lang), edges: formatNumber(made.edges, lang) };
  return made.territory
    ? t('jobs.analyticsMadeIn', { ...counts, territory: made.territory })
    : t('jobs.analyticsMade', counts);
}
