// Background jobs as the web app reads them: the pure part of the jobs page (#/jobs, jobs.ts),
// also used where a job is started (the import form, "Prepare in the background"). It reads
// GET /jobs answers defensively and says how to show a job: its progress, and what it stored
// (a screening's verdicts, an import's report, a report's or network measures' file).

import { isAnalysisKind, parseAnalysisResult, type AnalysisMade } from './analysis_jobs';
import { ApiError } from './api';
import { formatNumber } from './format';
import { t, tMaybe } from './i18n/i18n';
import { isObject, num, obj, str } from './json_read';
import { parseImportReport } from './open_data';
import type { ImportReport } from './types';

export const JOB_STATES = ['queued', 'running', 'done', 'failed'] as const;
export type JobState = (typeof JOB_STATES)[number];

export const isJobState = (value: unknown): value is JobState =>
  typeof value === 'string' && (JOB_STATES as readonly string[]).includes(value);

/** What a finished screening job stored: counts, and verdicts per framework. */
export interface JobResult {
  actors: number;
  assessments: number;
  /** framework id → verdict → number of actors. */
  verdicts: Record<string, Record<string, number>>;
}

export interface Job {
  id: string;
  kind: string;
  state: JobState;
  done: number;
  total: number;
  attempts: number;
  /** "host:pid/thread" of the process running (or that ran) it; "" before any picked it up. */
  worker: string;
  created_at: string;
  updated_at: string;
  /** Who started it, as the audit log names callers. */
  who: string;
  /** Why it failed; "" when it did not. */
  error: string;
  /** What a finished "screening" job (or one of an unknown kind) stored: its counts, else null. */
  result: JobResult | null;
  /** What a finished "import" job stored: the report of the import, else null. */
  report: ImportReport | null;
  /** What a finished "report" or "analytics" job made, with the file it kept, else null. */
  made: AnalysisMade | null;
}

/** How often the page asks again while a job is queued or running. */
export const REFRESH_MS = 2000;

/**
 * A job from the API, or null when it has no id or an unknown state (it cannot be shown).
 * Missing or mistyped fields read as empty, so that another server version still gives a list.
 */
export function parseJob(value: unknown): Job | null {
  if (!isObject(value)) return null;
  const id = str(value.id);
  if (!id || !isJobState(value.state)) return null;
  const kind = str(value.kind);
  // The result's shape depends on the kind; a job of an unknown kind is read as a screening was.
  const isImport = kind === 'import';
  const isAnalysis = isAnalysisKind(kind);
  return {
    id,
    kind,
    state: value.state,
    done: count(value.done),
    total: count(value.total),
    attempts: count(value.attempts),
    worker: str(value.worker),
    created_at: str(value.created_at),
    updated_at: str(value.updated_at),
    who: str(value.who),
    error: str(value.error),
    result: isImport || isAnalysis ? null : parseResult(value.result),
    report: isImport ? parseImportReport(value.result) : null,
    made: parseAnalysisResult(kind, value.result),
  };
}

/** The jobs of a GET /jobs answer ({"items": [...]}), leaving out those that cannot be read. */
export function parseJobList(value: unknown): Job[] {
  const items = obj(value).items;
  if (!Array.isArray(items)) throw new ApiError(200, 'bad_response', 'expected {"items": [...]}');
  return items.map(parseJob).filter((job): job is Job => job !== null);
}

/** A whole number of zero or more (counts never go negative), else 0. */
const count = (value: unknown): number => Math.max(0, Math.floor(num(value)));

function parseResult(value: unknown): JobResult | null {
  if (!isObject(value)) return null;
  const verdicts: Record<string, Record<string, number>> = {};
  for (const [framework, counts] of Object.entries(obj(value.verdicts))) {
    if (!isObject(counts)) continue;
    const own: Record<string, number> = {};
    for (const [verdict, n] of Object.entries(counts)) own[verdict] = count(n);
    verdicts[framework] = own;
  }
  return { actors: count(value.actors), assessments: count(value.assessments), verdicts };
}

/** Whether the job may still change (so the page keeps asking). */
export const isActive = (job: Job): boolean => job.state === 'queued' || job.state === 'running';

/** Whether the page should ask again: while any listed job is queued or running. */
export const keepRefreshing = (jobs: readonly Job[]): boolean => jobs.some(isActive);

/** "1,200 / 7,426"; the total is "?" until the job has counted its work. */
export function progressText(job: Job, lang: string): string {
  const total = job.total > 0 ? formatNumber(job.total, lang) : '?';
  return `${formatNumber(job.done, lang)} / ${total}`;
}

/** The value and maximum of the job's <progress>, or null when unknown (an indeterminate bar). */
export function progressBar(job: Job): { value: number; max: number } | null {
  if (job.total > 0) return { value: Math.min(job.done, job.total), max: job.total };
  return job.state === 'done' ? { value: 1, max: 1 } : null;
}

/** Verdicts in the order of the scale, then any other in the order of their names. */
const VERDICT_ORDER = [
  'consistent',
  'partially_consistent',
  'inconsistent',
  'insufficient_evidence',
  'not_applicable',
];

const verdictRank = (verdict: string): number => {
  const i = VERDICT_ORDER.indexOf(verdict);
  return i < 0 ? VERDICT_ORDER.length : i;
};

/**
 * A result in a few lines: "7,426 actors, 14,852 assessments", then one line per framework with
 * its verdicts counted ("un-ilo: Consistent 120, Inconsistent 7").
 */
export function resultSummary(result: JobResult, lang: string): string[] {
  const lines = [
    t('jobs.result', {
      actors: formatNumber(result.actors, lang),
      assessments: formatNumber(result.assessments, lang),
    }),
  ];
  for (const framework of Object.keys(result.verdicts).sort()) {
    const counts = Object.entries(result.verdicts[framework] ?? {})
      .sort(([a], [b]) => verdictRank(a) - verdictRank(b) || a.localeCompare(b))
      .map(([verdict, n]) => `${tMaybe(`verdict.${verdict}`) ?? verdict} ${formatNumber(n, lang)}`);
    if (counts.length > 0) {
      lines.push(t('jobs.frameworkVerdicts', { framework, counts: counts.join(', ') }));
    }
  }
  return lines;
}

/**
 * An import's report in a line or two: "2 imported, 0 updated, 0 unchanged, 1 rejected", then,
 * when nothing was written, why: rows were rejected (the file was refused), or it was a dry run.
 */
export function importSummary(report: ImportReport, lang: string): string[] {
  const rejected = report.rejected.length;
  const lines = [
    t('jobs.importResult', {
      imported: formatNumber(report.imported, lang),
      updated: formatNumber(report.updated, lang),
      unchanged: formatNumber(report.unchanged, lang),
      rejected: formatNumber(rejected, lang),
    }),
  ];
  if (report.committed) return lines;
  if (rejected === 0) lines.push(t('jobs.importChecked'));
  else if (rejected === 1) lines.push(t('jobs.importRefusedOne'));
  else lines.push(t('jobs.importRefused', { n: formatNumber(rejected, lang) }));
  return lines;
}

/** The list with `job` first (a job just started), replacing an older copy of it. */
export function withJobFirst(jobs: readonly Job[], job: Job): Job[] {
  return [job, ...jobs.filter((other) => other.id !== job.id)];
}

/** The state the route narrows the list to (?state=), or "" for all of them. */
export function stateParam(params: URLSearchParams): JobState | '' {
  const state = params.get('state') ?? '';
  return isJobState(state) ? state : '';
}
