// Background jobs (#/jobs): the jobs the server keeps in its database and any server or `ecosol
// worker` process runs (the screening of the whole registry, imports of files sent with
// background=true, and reports and network measures prepared in the background, whose files are
// downloaded from here). JobsPage lists them, narrows them by state, lets an admin start a
// screening of every actor, and refreshes itself while a job is unfinished. How a job is read and
// summed up is in job_model.ts.

import { ApiError, jobsApi } from './api';
import { signInPrompt } from './components/access_notice';
import { apiRefusal } from './components/api_refusal';
import { notice, pageForm, selectField, statusLine } from './components/form_field';
import { rejectedTable } from './components/import_report';
import { madeOutcome } from './components/job_download';
import { panel } from './components/panel';
import { h } from './dom';
import { formatDate, formatNumber } from './format';
import { getLang, t, tMaybe, translateTree, type MessageKey } from './i18n/i18n';
import {
  importSummary,
  JOB_STATES,
  keepRefreshing,
  parseJob,
  parseJobList,
  progressBar,
  progressText,
  REFRESH_MS,
  resultSummary,
  stateParam,
  withJobFirst,
  type Job,
  type JobState,
} from './job_model';
import { obj } from './json_read';
import type { Page, PageContext } from './pages/page';
import { jobsHref, type Route } from './router';
import type { SessionStore } from './session';
import type { ImportReport } from './types';

/** How many jobs the page asks for (the API's default). */
const LIST_LIMIT = 100;

const STATE_CHOICES: readonly (readonly [string, MessageKey])[] = [
  ['', 'jobs.stateAll'],
  ...JOB_STATES.map((state) => [state, `jobs.state.${state}`] as const),
];

/** What a reader looks for first (how far, how it ended) comes before the bookkeeping. */
const COLUMNS: readonly MessageKey[] = [
  'jobs.col.kind',
  'jobs.col.state',
  'jobs.col.progress',
  'jobs.col.outcome',
  'jobs.col.attempts',
  'jobs.col.worker',
  'jobs.col.created',
  'jobs.col.updated',
  'jobs.col.who',
];

/**
 * #/jobs: the signed-in user's background jobs (everyone's for admins), newest first. It asks
 * again every REFRESH_MS while a listed job is queued or running; one timer at most, cleared when
 * the page is left.
 */
export class JobsPage implements Page {
  readonly element: HTMLElement;
  private readonly body = h('div');
  private readonly status = statusLine('jobs-status');
  private readonly errorSlot = h('div');
  private readonly listSlot = h('div');
  private readonly startResult = h('div', { attrs: { 'aria-live': 'polite' } });
  private readonly filter = selectField({
    id: 'jobs-state',
    label: 'jobs.stateFilter',
    choices: STATE_CHOICES,
    value: '',
    testId: 'jobs-state-filter',
  });
  private readonly controller = new AbortController();
  private state: JobState | '';
  private jobs: Job[] = [];
  private loaded = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** Answers of loads started before this number are stale (the filter changed, a job started). */
  private generation = 0;
  private destroyed = false;
  /** The job this page started last, named in the notice under the button. */
  private started = '';

  constructor(
    route: Route,
    private readonly session: SessionStore,
    private readonly ctx: PageContext,
  ) {
    this.state = stateParam(route.params);
    this.filter.select.value = this.state;
    this.filter.select.addEventListener('change', () => {
      this.ctx.navigate(jobsHref(this.filter.select.value), { replace: true });
    });
    this.element = h(
      'section',
      { className: 'page jobs-page', testId: 'jobs-page', attrs: { 'aria-busy': 'true' } },
      h('h1', { i18n: 'jobs.title', attrs: { tabindex: -1 } }),
      h('p', { i18n: 'jobs.intro' }),
      this.body,
    );
    this.body.append(h('p', { className: 'status', i18n: 'status.loading' }));
    void this.session.ready().then(() => this.render());
  }

  title(): string {
    return t('jobs.title');
  }

  update(route: Route): boolean {
    if (route.page !== 'jobs') return false;
    this.state = stateParam(route.params);
    this.filter.select.value = this.state;
    if (this.session.signedIn) void this.load();
    return true;
  }

  onLanguageChange(): void {
    translateTree(this.element);
    this.showStarted();
    if (this.loaded) this.showJobs();
  }

  onSessionChange(): void {
    this.render();
  }

  destroy(): void {
    this.destroyed = true;
    this.stopTimer();
    this.controller.abort();
  }

  private render(): void {
    if (this.destroyed) return;
    this.element.removeAttribute('aria-busy');
    this.stopTimer();
    this.generation++;
    if (!this.session.signedIn) {
      this.body.replaceChildren(signInPrompt(jobsHref(this.state), 'jobs.signIn'));
      return;
    }
    const refresh = h('button', {
      className: 'secondary',
      i18n: 'jobs.refresh',
      attrs: { type: 'submit' },
      testId: 'jobs-refresh',
    });
    const form = pageForm(
      { className: 'inline-form', label: 'jobs.filterLabel', testId: 'jobs-filter' },
      () => void this.load(),
      this.filter.field,
      refresh,
    );
    this.body.replaceChildren(
      this.session.isAdmin() ? this.screenPanel() : '',
      panel('jobs.listTitle', 'jobs-list', form, this.status, this.errorSlot, this.listSlot),
    );
    void this.load();
  }

  private screenPanel(): HTMLElement {
    const button = h('button', {
      i18n: 'jobs.screenAll',
      attrs: { type: 'button' },
      testId: 'jobs-screen-all',
      on: { click: () => void this.screenAll(button) },
    });
    return panel(
      'jobs.screenAllTitle',
      'jobs-screen-panel',
      h('p', { i18n: 'jobs.screenAllIntro' }),
      button,
      this.startResult,
    );
  }

  /** Asks for the list; only the answer to the latest request is shown. */
  private async load(): Promise<void> {
    this.stopTimer();
    const generation = ++this.generation;
    if (!this.loaded) this.status.textContent = t('status.loading');
    try {
      const answer = await jobsApi.list(this.state, LIST_LIMIT, this.controller.signal);
      if (generation !== this.generation || this.destroyed) return;
      this.jobs = parseJobList(answer);
      this.loaded = true;
      this.errorSlot.replaceChildren();
      this.showJobs();
      this.schedule();
    } catch (error) {
      if (generation !== this.generation || this.destroyed) return;
      if (error instanceof ApiError && error.status === 401) {
        this.body.replaceChildren(signInPrompt(jobsHref(this.state), 'jobs.signIn'));
        return;
      }
      this.status.textContent = '';
      this.errorSlot.replaceChildren(apiRefusal('jobs.loadFailed', error, 'jobs-error'));
    }
  }

  /** One timer at most; none when nothing can change or the page is gone. */
  private schedule(): void {
    this.stopTimer();
    if (this.destroyed || !keepRefreshing(this.jobs)) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.load();
    }, REFRESH_MS);
  }

  private stopTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private async screenAll(button: HTMLButtonElement): Promise<void> {
    button.disabled = true;
    this.started = '';
    this.startResult.replaceChildren(notice(t('jobs.starting')));
    try {
      const answer = await jobsApi.screenAll({ lang: getLang() });
      if (this.destroyed) return;
      const job = parseJob(obj(answer).job);
      if (!job) throw new ApiError(202, 'bad_response', 'expected {"job": {...}}');
      this.started = job.id;
      this.showStarted();
      if (this.state && this.state !== job.state) {
        // The new job would be hidden by the filter: show every state instead.
        this.ctx.navigate(jobsHref(''), { replace: true });
        return;
      }
      this.generation++; // a list asked for before the job existed would hide it
      this.jobs = withJobFirst(this.jobs, job);
      this.loaded = true;
      this.showJobs();
      this.schedule();
    } catch (error) {
      if (this.destroyed) return;
      this.startResult.replaceChildren(apiRefusal('jobs.startFailed', error, 'jobs-start-error'));
    } finally {
      button.disabled = false;
    }
  }

  private showStarted(): void {
    if (!this.started) return;
    const text = t('jobs.started', { id: this.started });
    this.startResult.replaceChildren(notice(text, 'jobs-started'));
  }

  private showJobs(): void {
    const lang = getLang();
    const n = formatNumber(this.jobs.length, lang);
    this.status.textContent = t(keepRefreshing(this.jobs) ? 'jobs.watching' : 'jobs.count', { n });
    if (this.jobs.length === 0) {
      const key = this.state ? 'jobs.emptyFiltered' : 'jobs.empty';
      this.listSlot.replaceChildren(
        h('p', { className: 'empty', i18n: key, testId: 'jobs-empty' }),
      );
      return;
    }
    this.listSlot.replaceChildren(jobsTable(this.jobs, lang, this.session.current?.who ?? ''));
  }
}

/** The table of jobs; `me` (the caller, as jobs name who started them) reads as "You". */
function jobsTable(jobs: readonly Job[], lang: string, me: string): HTMLElement {
  return h(
    'div',
    { className: 'table-wrapper' },
    h(
      'table',
      { className: 'data-table jobs-table', testId: 'jobs-table' },
      h(
        'thead',
        {},
        h('tr', {}, ...COLUMNS.map((key) => h('th', { i18n: key, attrs: { scope: 'col' } }))),
      ),
      h('tbody', {}, ...jobs.map((job) => jobRow(job, lang, me))),
    ),
  );
}

function jobRow(job: Job, lang: string, me: string): HTMLElement {
  const row = h(
    'tr',
    { testId: 'job-row' },
    h(
      'td',
      {},
      h('span', { text: tMaybe(`jobs.kind.${job.kind}`) ?? job.kind }),
      h('br'),
      h('code', { text: job.id, testId: 'job-id' }),
    ),
    h('td', { text: t(`jobs.state.${job.state}`), testId: 'job-state' }),
    h('td', {}, progressCell(job, lang)),
    h('td', { testId: 'job-outcome' }, ...outcome(job, lang)),
    h('td', { className: 'number', text: formatNumber(job.attempts, lang) }),
    h('td', { text: job.worker || t('jobs.noWorker') }),
    h('td', {}, timeElement(job.created_at, lang)),
    h('td', {}, timeElement(job.updated_at, lang)),
    h('td', { text: job.who && job.who === me ? t('jobs.you') : job.who, testId: 'job-who' }),
  );
  row.dataset.id = job.id;
  row.dataset.state = job.state;
  return row;
}

/** A <progress> named after the job, with "done / total" in words beside it. */
function progressCell(job: Job, lang: string): HTMLElement {
  const bar = progressBar(job);
  const text = progressText(job, lang);
  const progress = h('progress', {
    attrs: {
      max: bar?.max,
      value: bar?.value,
      'aria-label': t('jobs.progressOf', { id: job.id }),
      'aria-valuetext': text,
    },
  });
  return h('span', {}, progress, ' ', h('span', { text, testId: 'job-progress' }));
}

function timeElement(value: string, lang: string): HTMLElement {
  return h('time', { text: formatDate(value, lang), attrs: { datetime: value || undefined } });
}

function outcome(job: Job, lang: string): HTMLElement[] {
  if (job.error) {
    return [h('p', { className: 'job-error', text: t('jobs.error', { message: job.error }) })];
  }
  if (job.report) return importOutcome(job.report, lang);
  if (job.made) return madeOutcome(job.id, job.made, lang);
  if (!job.result) return [];
  const [headline = '', ...frameworks] = resultSummary(job.result, lang);
  if (frameworks.length === 0) return [h('p', { text: headline })];
  // The verdicts per framework on demand: the table stays a line per job.
  return [
    h(
      'details',
      {},
      h('summary', { text: headline }),
      ...frameworks.map((line) => h('p', { text: line })),
    ),
  ];
}

/** The counts of an import, the rejected rows on demand, and a line when nothing was written. */
function importOutcome(report: ImportReport, lang: string): HTMLElement[] {
  const [headline = '', ...notes] = importSummary(report, lang);
  const table = rejectedTable(report.rejected);
  const counts = table
    ? h('details', {}, h('summary', { text: headline }), table)
    : h('p', { text: headline });
  return [
    counts,
    ...notes.map((note) => h('p', { testId: 'job-import-note' }, h('strong', { text: note }))),
  ];
}
