// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, jobsApi, jobsUrl, requestHeaders, setCsrfToken } from './api';
import { AccountMenu } from './components/account_menu';
import { setLang } from './i18n/i18n';
import {
  importSummary,
  isActive,
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
} from './job_model';
import { JobsPage } from './jobs';
import { jobsHref, JOBS_HREF, parseRoute } from './router';
import { SessionStore } from './session';
import type { Grant, ImportReport } from './types';

const wire = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
  id: 'job-1',
  kind: 'screening',
  state: 'running',
  done: 1200,
  total: 7426,
  attempts: 1,
  worker: 'host:42/0',
  created_at: '2026-11-30T10:00:00Z',
  updated_at: '2026-11-30T10:00:05Z',
  who: 'user:usr-1',
  ...over,
});

const job = (over: Record<string, unknown> = {}): Job => {
  const parsed = parseJob(wire(over));
  if (!parsed) throw new Error('test job does not parse');
  return parsed;
};

describe('parseJob', () => {
  it('reads every documented field, with a result', () => {
    const parsed = parseJob(
      wire({
        state: 'done',
        done: 7426,
        result: {
          actors: 7426,
          assessments: 14852,
          verdicts: { 'un-ilo': { consistent: 100, inconsistent: 7 } },
        },
      }),
    );
    expect(parsed).toEqual({
      id: 'job-1',
      kind: 'screening',
      state: 'done',
      done: 7426,
      total: 7426,
      attempts: 1,
      worker: 'host:42/0',
      created_at: '2026-11-30T10:00:00Z',
      updated_at: '2026-11-30T10:00:05Z',
      who: 'user:usr-1',
      error: '',
      result: {
        actors: 7426,
        assessments: 14852,
        verdicts: { 'un-ilo': { consistent: 100, inconsistent: 7 } },
      },
      report: null,
      made: null,
    });
  });

  it('reads what a report or analytics job made, and no screening counts from it', () => {
    const output = { name: 'ecosol-metrics-GB.json', content_type: 'application/json', bytes: 90 };
    const analytics = parseJob(
      wire({
        kind: 'analytics',
        state: 'done',
        done: 1,
        total: 1,
        result: { filter: { territory: 'GB' }, summary: { nodes: 40, edges: 12 }, output },
      }),
    );
    expect(analytics?.made).toEqual({
      kind: 'analytics',
      territory: 'GB',
      nodes: 40,
      edges: 12,
      output: { name: 'ecosol-metrics-GB.json', contentType: 'application/json', bytes: 90 },
    });
    expect(analytics?.result).toBeNull();
    expect(analytics?.report).toBeNull();
    const running = parseJob(wire({ kind: 'report', state: 'running', done: 0, total: 0 }));
    expect(running?.made).toBeNull();
    expect(running?.result).toBeNull();
  });

  it('reads the result of an import job as the import report', () => {
    const rejected = [{ line: 4, field: 'name', message: 'is required' }];
    const parsed = parseJob(
      wire({
        kind: 'import',
        state: 'done',
        done: 3,
        total: 3,
        result: { imported: 2, updated: 0, unchanged: 0, rejected, committed: true },
      }),
    );
    expect(parsed?.report).toEqual({
      imported: 2,
      updated: 0,
      unchanged: 0,
      rejected,
      committed: true,
    });
    expect(parsed?.result).toBeNull();
    expect(parsed?.made).toBeNull();
  });

  it('reads an import report defensively, and no report from another shape', () => {
    const parsed = parseJob(
      wire({
        kind: 'import',
        state: 'done',
        result: {
          imported: 1.5,
          updated: -2,
          unchanged: 0,
          rejected: [{ line: '7', field: 3 }, 'junk', { line: 9, field: 'lat', message: 'range' }],
          committed: 'yes',
        },
      }),
    );
    expect(parsed?.report).toEqual({
      imported: 1,
      updated: 0,
      unchanged: 0,
      rejected: [
        { line: 0, field: '', message: '' },
        { line: 0, field: '', message: '' },
        { line: 9, field: 'lat', message: 'range' },
      ],
      committed: false,
    });
    // A screening's counts are not a report; a running import has no result yet.
    const screeningShaped = { actors: 3, assessments: 6, verdicts: {} };
    expect(parseJob(wire({ kind: 'import', result: screeningShaped }))?.report).toBeNull();
    expect(parseJob(wire({ kind: 'import', result: screeningShaped }))?.result).toBeNull();
    expect(parseJob(wire({ kind: 'import' }))?.report).toBeNull();
  });

  it('refuses what cannot be shown: no id, an unknown state, not an object', () => {
    expect(parseJob(wire({ id: '' }))).toBeNull();
    expect(parseJob(wire({ id: 7 }))).toBeNull();
    expect(parseJob(wire({ state: 'paused' }))).toBeNull();
    expect(parseJob(null)).toBeNull();
    expect(parseJob([wire()])).toBeNull();
  });

  it('reads missing or mistyped fields as empty, never crashing', () => {
    const parsed = parseJob({
      id: 'job-2',
      state: 'queued',
      done: '3',
      total: -5,
      attempts: 1.7,
      worker: null,
      error: 42,
      result: { actors: 'many', verdicts: { a: 'x', b: { met: 'two', not_met: 2 } } },
    });
    expect(parsed).toMatchObject({
      kind: '',
      done: 0,
      total: 0,
      attempts: 1,
      worker: '',
      error: '',
      result: { actors: 0, assessments: 0, verdicts: { b: { met: 0, not_met: 2 } } },
    });
    expect(parseJob(wire({ result: 'ok' }))?.result).toBeNull();
  });

  it('keeps the readable jobs of a list, and refuses an answer without items', () => {
    const jobs = parseJobList({ items: [wire(), { id: 'x' }, wire({ id: 'job-3' })] });
    expect(jobs.map((j) => j.id)).toEqual(['job-1', 'job-3']);
    expect(parseJobList({ items: [] })).toEqual([]);
    expect(() => parseJobList({ jobs: [] })).toThrow(ApiError);
    expect(() => parseJobList(null)).toThrow(/items/);
  });
});

describe('progress and result', () => {
  it('writes the progress as done / total in the reader’s language', () => {
    expect(progressText(job(), 'en')).toBe('1,200 / 7,426');
    expect(progressText(job(), 'fr')).toMatch(/^1\s200 \/ 7\s426$/);
    expect(progressText(job({ state: 'queued', done: 0, total: 0 }), 'en')).toBe('0 / ?');
  });

  it('gives the bar its value, an indeterminate bar before the total is known', () => {
    expect(progressBar(job())).toEqual({ value: 1200, max: 7426 });
    expect(progressBar(job({ done: 9000 }))).toEqual({ value: 7426, max: 7426 });
    expect(progressBar(job({ state: 'queued', done: 0, total: 0 }))).toBeNull();
    expect(progressBar(job({ state: 'done', done: 0, total: 0 }))).toEqual({ value: 1, max: 1 });
  });

  it('summarises a result: counts, then verdicts per framework in the scale’s order', () => {
    setLang('en', null);
    const lines = resultSummary(
      {
        actors: 7426,
        assessments: 14852,
        verdicts: {
          'un-ilo': { inconsistent: 7, consistent: 100, weird: 1 },
          'eu-sbi': { insufficient_evidence: 3 },
          empty: {},
        },
      },
      'en',
    );
    expect(lines).toEqual([
      '7,426 actors, 14,852 assessments',
      'eu-sbi: Insufficient evidence 3',
      'un-ilo: Consistent 100, Inconsistent 7, weird 1',
    ]);
  });

  it('summarises in the current language', () => {
    setLang('fr', null);
    try {
      const [line] = resultSummary({ actors: 2, assessments: 4, verdicts: {} }, 'fr');
      expect(line).toBe('2 acteurs, 4 évaluations');
    } finally {
      setLang('en', null);
    }
  });
});

describe('import summary', () => {
  const report = (over: Partial<ImportReport> = {}): ImportReport => ({
    imported: 2,
    updated: 0,
    unchanged: 0,
    rejected: [],
    committed: true,
    ...over,
  });
  const row = { line: 4, field: 'name', message: 'is required' };

  beforeEach(() => setLang('en', null));

  it('counts a written import in one line, the skipped rows among them', () => {
    expect(importSummary(report({ imported: 1200, unchanged: 3, rejected: [row] }), 'en')).toEqual([
      '1,200 imported, 0 updated, 3 unchanged, 1 rejected',
    ]);
  });

  it('says nothing was imported when rows were rejected', () => {
    const none = { imported: 0, committed: false };
    expect(importSummary(report({ ...none, rejected: [row] }), 'en')).toEqual([
      '0 imported, 0 updated, 0 unchanged, 1 rejected',
      'Nothing was imported: 1 row was rejected, so the file was refused.',
    ]);
    expect(importSummary(report({ ...none, rejected: [row, row, row] }), 'en')[1]).toBe(
      'Nothing was imported: 3 rows were rejected, so the file was refused.',
    );
  });

  it('says a dry run wrote nothing', () => {
    expect(importSummary(report({ imported: 0, committed: false }), 'en')).toEqual([
      '0 imported, 0 updated, 0 unchanged, 0 rejected',
      'Checked only (dry run): nothing was written.',
    ]);
  });

  it('summarises in the current language', () => {
    setLang('pt', null);
    try {
      expect(importSummary(report({ rejected: [row], committed: false }), 'pt')).toEqual([
        'Importados: 2, atualizados: 0, sem alterações: 0, rejeitadas: 1',
        'Nada foi importado: 1 linha foi rejeitada, por isso o ficheiro foi recusado.',
      ]);
    } finally {
      setLang('en', null);
    }
  });
});

describe('refreshing', () => {
  it('goes on while a job is queued or running, and stops when all have ended', () => {
    expect(isActive(job({ state: 'queued' }))).toBe(true);
    expect(isActive(job({ state: 'running' }))).toBe(true);
    expect(keepRefreshing([job({ state: 'done' }), job({ state: 'running' })])).toBe(true);
    expect(keepRefreshing([job({ state: 'done' }), job({ state: 'failed' })])).toBe(false);
    expect(keepRefreshing([])).toBe(false);
  });

  it('puts a job just started first, once', () => {
    const list = [job({ id: 'a' }), job({ id: 'b' })];
    const fresh = job({ id: 'b', state: 'queued' });
    expect(withJobFirst(list, fresh).map((j) => [j.id, j.state])).toEqual([
      ['b', 'queued'],
      ['a', 'running'],
    ]);
  });
});

describe('routes and URLs', () => {
  it('reads #/jobs and its state filter', () => {
    expect(parseRoute(JOBS_HREF).page).toBe('jobs');
    expect(jobsHref('done')).toBe('#/jobs?state=done');
    expect(jobsHref()).toBe('#/jobs');
    expect(stateParam(parseRoute(jobsHref('failed')).params)).toBe('failed');
    expect(stateParam(parseRoute('#/jobs?state=paused').params)).toBe('');
  });

  it('asks the API for a state and a limit', () => {
    expect(jobsUrl()).toBe('/api/v1/jobs');
    expect(jobsUrl('running', 50)).toBe('/api/v1/jobs?state=running&limit=50');
  });

  it('queues a report or analytics job with the CSRF token', async () => {
    setCsrfToken('tok');
    const fetch = vi
      .spyOn(globalThis, 'fetch')
      .mockResolvedValue(new Response(JSON.stringify({ job: wire() }), { status: 202 }));
    try {
      await jobsApi.create({
        kind: 'report',
        params: { territory: 'GB', lang: 'en', format: 'pdf' },
      });
      const [url, init] = fetch.mock.calls[0] ?? [];
      expect(url).toBe('/api/v1/jobs');
      expect(init?.method).toBe('POST');
      expect(JSON.parse(String(init?.body))).toEqual({
        kind: 'report',
        params: { territory: 'GB', lang: 'en', format: 'pdf' },
      });
      expect((init?.headers as Record<string, string>)['X-CSRF-Token']).toBe('tok');
    } finally {
      setCsrfToken(null);
      fetch.mockRestore();
    }
  });

  it('starts a screening of every actor with the CSRF token', async () => {
    setCsrfToken('tok');
    const fetch = vi
      .spyOn(globalThis, 'fetch')
      .mockResolvedValue(new Response(JSON.stringify({ job: wire() }), { status: 202 }));
    try {
      await jobsApi.screenAll({ lang: 'fr' });
      const [url, init] = fetch.mock.calls[0] ?? [];
      expect(url).toBe('/api/v1/screenings');
      expect(init?.method).toBe('POST');
      expect(JSON.parse(String(init?.body))).toEqual({ all: true, lang: 'fr' });
      expect(init?.headers).toEqual(requestHeaders('POST', true));
      expect((init?.headers as Record<string, string>)['X-CSRF-Token']).toBe('tok');
    } finally {
      setCsrfToken(null);
    }
  });
});

function sessionWith(roles: Grant[] | null): SessionStore {
  return new SessionStore({
    me: async () => {
      if (roles === null) throw new ApiError(401, 'unauthenticated', 'sign in');
      return { who: 'user:usr-1', user: null, roles, read_only: false };
    },
    signIn: async () => {
      throw new Error('not used');
    },
    signOut: async () => undefined,
  });
}

const ADMIN: Grant[] = [{ role: 'admin', scope: '' }];

async function mount(roles: Grant[] | null, hash = JOBS_HREF) {
  const session = sessionWith(roles);
  const navigate = vi.fn();
  const page = new JobsPage(parseRoute(hash), session, { navigate });
  document.body.replaceChildren(page.element);
  await session.ready();
  return { page, root: page.element, navigate };
}

const rows = (root: HTMLElement) =>
  [...root.querySelectorAll<HTMLElement>('[data-testid="job-row"]')].map((r) => [
    r.dataset.id,
    r.dataset.state,
  ]);

describe('JobsPage', () => {
  beforeEach(() => {
    vi.restoreAllMocks();
    setLang('en', null);
  });
  afterEach(() => vi.useRealTimers());

  it('asks a visitor to sign in, and asks the server nothing', async () => {
    const list = vi.spyOn(jobsApi, 'list');
    const { root } = await mount(null);
    await vi.waitFor(() =>
      expect(root.querySelector('[data-testid="signin-required"]')).not.toBeNull(),
    );
    expect(root.querySelector('a[href^="#/signin"]')?.getAttribute('href')).toBe(
      '#/signin?next=%23%2Fjobs',
    );
    expect(list).not.toHaveBeenCalled();
  });

  it('lists the jobs with a labelled progress bar and a result summary', async () => {
    vi.spyOn(jobsApi, 'list').mockResolvedValue({
      items: [
        wire({ id: 'job-2', state: 'failed', error: 'database is locked', who: 'user:usr-2' }),
        wire({
          state: 'done',
          done: 7426,
          result: { actors: 7426, assessments: 9, verdicts: { 'un-ilo': { consistent: 9 } } },
        }),
      ],
    });
    const { root } = await mount([{ role: 'member', scope: 'actor:x' }]);
    await vi.waitFor(() => expect(rows(root)).toHaveLength(2));
    expect(rows(root)).toEqual([
      ['job-2', 'failed'],
      ['job-1', 'done'],
    ]);
    const bar = root.querySelector('progress');
    expect(bar?.getAttribute('aria-label')).toBe('Progress of job job-2');
    expect(bar?.getAttribute('value')).toBe('1200');
    const outcomes = [...root.querySelectorAll('[data-testid="job-outcome"]')].map(
      (td) => td.textContent,
    );
    expect(outcomes).toEqual([
      'Error: database is locked',
      '7,426 actors, 9 assessmentsun-ilo: Consistent 9',
    ]);
    expect(root.querySelector('[data-testid="job-outcome"] summary')?.textContent).toBe(
      '7,426 actors, 9 assessments',
    );
    const who = [...root.querySelectorAll('[data-testid="job-who"]')].map((td) => td.textContent);
    expect(who).toEqual(['user:usr-2', 'You']);
    expect(root.querySelector('label[for="jobs-state"]')?.textContent).toBe('State');
    expect(root.querySelector('[data-testid="jobs-screen-all"]')).toBeNull();
    expect(root.querySelector('[data-testid="jobs-status"]')?.textContent).toBe('Jobs shown: 2.');
  });

  it('shows an import job’s counts, its rejected rows on demand, and why nothing was written', async () => {
    const rejected = [
      { line: 3, field: 'name', message: 'is required' },
      { line: 0, field: 'id', message: 'used twice in the file' },
    ];
    vi.spyOn(jobsApi, 'list').mockResolvedValue({
      items: [
        wire({
          id: 'job-7',
          kind: 'import',
          state: 'done',
          done: 5,
          total: 5,
          result: { imported: 0, updated: 0, unchanged: 0, rejected, committed: false },
        }),
        wire({
          id: 'job-6',
          kind: 'import',
          state: 'done',
          done: 2,
          total: 2,
          result: { imported: 2, updated: 0, unchanged: 0, rejected: [], committed: true },
        }),
        wire({ id: 'job-5', kind: 'import', state: 'running', done: 0, total: 0 }),
      ],
    });
    const { root } = await mount(ADMIN);
    await vi.waitFor(() => expect(rows(root)).toHaveLength(3));
    const [refused, written, running] = [
      ...root.querySelectorAll<HTMLElement>('[data-testid="job-row"]'),
    ];
    expect(refused?.querySelector('td')?.textContent).toBe('Import of a filejob-7');

    const details = refused?.querySelector('[data-testid="job-outcome"] details');
    expect(details?.hasAttribute('open')).toBe(false);
    expect(details?.querySelector('summary')?.textContent).toBe(
      '0 imported, 0 updated, 0 unchanged, 2 rejected',
    );
    const cells = [...(details?.querySelectorAll('[data-testid="rejected-row"]') ?? [])].map((tr) =>
      [...tr.querySelectorAll('td')].map((td) => td.textContent),
    );
    expect(cells).toEqual([
      ['3', 'name', 'is required'],
      ['–', 'id', 'used twice in the file'],
    ]);
    // Outside the <details>: seen without opening it.
    const note = refused?.querySelector('[data-testid="job-import-note"]');
    expect(note?.closest('details')).toBeNull();
    expect(note?.textContent).toBe(
      'Nothing was imported: 2 rows were rejected, so the file was refused.',
    );

    const outcome = written?.querySelector('[data-testid="job-outcome"]');
    expect(outcome?.textContent).toBe('2 imported, 0 updated, 0 unchanged, 0 rejected');
    expect(outcome?.querySelector('details, [data-testid="job-import-note"]')).toBeNull();
    expect(running?.querySelector('[data-testid="job-outcome"]')?.textContent).toBe('');
    expect(running?.querySelector('[data-testid="job-progress"]')?.textContent).toBe('0 / ?');
  });

  it('names what a report or analytics job made and links to its file', async () => {
    vi.spyOn(jobsApi, 'list').mockResolvedValue({
      items: [
        wire({ id: 'job-12', kind: 'report', state: 'running', done: 0, total: 0 }),
        wire({
          id: 'job-11',
          kind: 'analytics',
          state: 'done',
          done: 1,
          total: 1,
          result: {
            filter: { territory: 'CA/QC', types: [], as_of: '', with_partners: false },
            summary: { nodes: 1234, edges: 56, components: 1190, communities: 1185 },
            output: {
              name: 'ecosol-metrics-CA-QC.json',
              content_type: 'application/json; charset=utf-8',
              bytes: 2_100_000,
            },
          },
        }),
        wire({
          id: 'job-10',
          kind: 'report',
          state: 'done',
          done: 1,
          total: 1,
          result: {
            territory: 'CA/QC',
            lang: 'fr',
            format: 'html',
            title: 'Québec : rapport',
            output: {
              name: 'ecosol-report-CA-QC-fr.html',
              content_type: 'text/html; charset=utf-8',
              bytes: 12_345,
            },
          },
        }),
      ],
    });
    const { root, page } = await mount([{ role: 'member', scope: 'actor:x' }]);
    await vi.waitFor(() => expect(rows(root)).toHaveLength(3));
    const [running, analytics, report] = [
      ...root.querySelectorAll<HTMLElement>('[data-testid="job-row"]'),
    ];
    const kind = (row: HTMLElement | undefined) => row?.querySelector('td span')?.textContent;
    expect([running, analytics, report].map(kind)).toEqual([
      'Territory report',
      'Network measures',
      'Territory report',
    ]);
    expect(running?.querySelector('[data-testid="job-outcome"]')?.textContent).toBe('');
    expect(running?.querySelector('[data-testid="job-progress"]')?.textContent).toBe('0 / ?');

    const link = report?.querySelector<HTMLAnchorElement>('[data-testid="job-download"]');
    expect(report?.querySelector('[data-testid="job-made"]')?.textContent).toBe(
      'Québec : rapport (CA/QC, Français, HTML)',
    );
    expect(link?.getAttribute('href')).toBe('/api/v1/jobs/job-10/output');
    expect(link?.getAttribute('download')).toBe('ecosol-report-CA-QC-fr.html');
    expect(link?.textContent).toBe('Download ecosol-report-CA-QC-fr.html (12 kB)');

    const file = analytics?.querySelector<HTMLAnchorElement>('[data-testid="job-download"]');
    expect(analytics?.querySelector('[data-testid="job-made"]')?.textContent).toBe(
      'CA/QC: 1,234 actors, 56 relationships',
    );
    expect(file?.getAttribute('href')).toBe('/api/v1/jobs/job-11/output');
    expect(file?.getAttribute('download')).toBe('ecosol-metrics-CA-QC.json');
    expect(file?.textContent).toBe('Download ecosol-metrics-CA-QC.json (2.1 MB)');

    setLang('fr', null);
    page.onLanguageChange();
    expect(root.querySelector('[data-testid="job-download"]')?.textContent).toMatch(
      /^Télécharger ecosol-metrics-CA-QC\.json \(2,1\sMo\)$/,
    );
    expect(kind(root.querySelector<HTMLElement>('[data-testid="job-row"]') ?? undefined)).toBe(
      'Rapport de territoire',
    );
    page.destroy();
  });

  it('says so when there is no job, or none in the chosen state', async () => {
    const list = vi.spyOn(jobsApi, 'list').mockResolvedValue({ items: [] });
    const { root, page } = await mount(ADMIN);
    await vi.waitFor(() =>
      expect(root.querySelector('[data-testid="jobs-empty"]')?.textContent).toBe(
        'No background job yet.',
      ),
    );
    page.update(parseRoute(jobsHref('failed')));
    await vi.waitFor(() =>
      expect(root.querySelector('[data-testid="jobs-empty"]')?.textContent).toBe(
        'No job in this state.',
      ),
    );
    expect(list).toHaveBeenLastCalledWith('failed', 100, expect.any(AbortSignal));
    expect(root.querySelector<HTMLSelectElement>('#jobs-state')?.value).toBe('failed');
  });

  it('puts the filter in the address without moving focus', async () => {
    vi.spyOn(jobsApi, 'list').mockResolvedValue({ items: [] });
    const { root, navigate } = await mount(ADMIN);
    const select = await vi.waitFor(() => {
      const found = root.querySelector<HTMLSelectElement>('#jobs-state');
      expect(found).not.toBeNull();
      return found as HTMLSelectElement;
    });
    select.value = 'done';
    select.dispatchEvent(new Event('change'));
    expect(navigate).toHaveBeenCalledWith('#/jobs?state=done', { replace: true });
  });

  it('shows the server’s message when the list cannot be read', async () => {
    vi.spyOn(jobsApi, 'list').mockRejectedValue(
      new ApiError(400, 'invalid_argument', 'limit: expected a whole number'),
    );
    const { root } = await mount(ADMIN);
    await vi.waitFor(() =>
      expect(root.querySelector('[data-testid="jobs-error"]')?.textContent).toContain(
        'limit: expected a whole number',
      ),
    );
  });

  it('asks to sign in again when the session has ended', async () => {
    vi.spyOn(jobsApi, 'list').mockRejectedValue(new ApiError(401, 'unauthenticated', 'sign in'));
    const { root } = await mount(ADMIN);
    await vi.waitFor(() =>
      expect(root.querySelector('[data-testid="signin-required"]')).not.toBeNull(),
    );
  });

  it('refreshes every 2 s while a job runs, stops when it ends and when the page is left', async () => {
    vi.useFakeTimers();
    const answers = [
      { items: [wire({ state: 'running', done: 10 })] },
      { items: [wire({ state: 'running', done: 20 })] },
      { items: [wire({ state: 'done', done: 7426 })] },
    ];
    const list = vi
      .spyOn(jobsApi, 'list')
      .mockImplementation(async () => answers.shift() ?? { items: [] });
    const { root, page } = await mount(ADMIN);
    await vi.waitFor(() => expect(rows(root)).toEqual([['job-1', 'running']]));
    expect(root.querySelector('[data-testid="jobs-status"]')?.textContent).toContain(
      'Refreshed every 2 seconds',
    );
    await vi.advanceTimersByTimeAsync(REFRESH_MS);
    expect(root.querySelector('[data-testid="job-progress"]')?.textContent).toBe('20 / 7,426');
    await vi.advanceTimersByTimeAsync(REFRESH_MS);
    expect(rows(root)).toEqual([['job-1', 'done']]);
    expect(list).toHaveBeenCalledTimes(3);
    await vi.advanceTimersByTimeAsync(REFRESH_MS * 5);
    expect(list).toHaveBeenCalledTimes(3);
    expect(vi.getTimerCount()).toBe(0);
    page.destroy();
  });

  it('leaves no timer behind once destroyed', async () => {
    vi.useFakeTimers();
    const list = vi
      .spyOn(jobsApi, 'list')
      .mockResolvedValue({ items: [wire({ state: 'queued', done: 0, total: 0 })] });
    const { root, page } = await mount(ADMIN);
    await vi.waitFor(() => expect(rows(root)).toHaveLength(1));
    expect(vi.getTimerCount()).toBe(1);
    page.destroy();
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(REFRESH_MS * 3);
    expect(list).toHaveBeenCalledTimes(1);
  });

  it('lets an admin screen the whole registry and shows the new job first', async () => {
    vi.spyOn(jobsApi, 'list').mockResolvedValue({ items: [wire({ state: 'done' })] });
    const start = vi
      .spyOn(jobsApi, 'screenAll')
      .mockResolvedValue({ job: wire({ id: 'job-9', state: 'queued', done: 0, total: 0 }) });
    const { root, page } = await mount(ADMIN);
    await vi.waitFor(() => expect(rows(root)).toHaveLength(1));
    root.querySelector<HTMLButtonElement>('[data-testid="jobs-screen-all"]')?.click();
    await vi.waitFor(() => expect(rows(root)).toHaveLength(2));
    expect(start).toHaveBeenCalledWith({ lang: 'en' });
    expect(rows(root)[0]).toEqual(['job-9', 'queued']);
    expect(root.querySelector('[data-testid="jobs-started"]')?.textContent).toBe(
      'Job job-9 is queued.',
    );
    setLang('es', null);
    page.onLanguageChange();
    expect(root.querySelector('[data-testid="jobs-started"]')?.textContent).toBe(
      'La tarea job-9 está en cola.',
    );
    expect(root.querySelector('[data-testid="job-state"]')?.textContent).toBe('En cola');
    page.destroy();
  });

  it('shows a refusal to start with the server’s message', async () => {
    vi.spyOn(jobsApi, 'list').mockResolvedValue({ items: [] });
    vi.spyOn(jobsApi, 'screenAll').mockRejectedValue(
      new ApiError(403, 'permission_denied', 'screening the registry needs the admin role'),
    );
    const { root } = await mount(ADMIN);
    const button = await vi.waitFor(() => {
      const found = root.querySelector<HTMLButtonElement>('[data-testid="jobs-screen-all"]');
      expect(found).not.toBeNull();
      return found as HTMLButtonElement;
    });
    button.click();
    await vi.waitFor(() =>
      expect(root.querySelector('[data-testid="jobs-start-error"]')?.textContent).toContain(
        'needs the admin role',
      ),
    );
    expect(button.disabled).toBe(false);
  });
});

describe('navigation', () => {
  it('links admins to the background jobs', async () => {
    const session = sessionWith(ADMIN);
    await session.ready();
    const menu = new AccountMenu(session, () => {});
    const link = menu.element.querySelector('[data-testid="nav-jobs"]');
    expect(link?.getAttribute('href')).toBe('#/jobs');
    expect(link?.textContent).toBe('Background jobs');
  });
});
