// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, setCsrfToken } from '../api';
import { setLang } from '../i18n/i18n';
import { SessionStore } from '../session';
import type { Grant, ImportReport } from '../types';
import { DataPage } from './data_page';

/** A session of someone holding `roles`, or of no one (null); its CSRF token goes to the API. */
function sessionOf(roles: Grant[] | null): SessionStore {
  return new SessionStore(
    {
      me: async () => {
        if (!roles) throw new ApiError(401, 'unauthenticated', 'sign in');
        return { who: 'user:u1', user: null, roles, read_only: false, csrf_token: 'csrf-1' };
      },
      signIn: async () => {
        throw new Error('not used');
      },
      signOut: async () => undefined,
    },
    setCsrfToken,
  );
}

async function open(roles: Grant[] | null): Promise<HTMLElement> {
  const session = sessionOf(roles);
  const page = new DataPage(session);
  document.body.replaceChildren(page.element);
  await session.ready();
  await vi.waitFor(() =>
    expect(page.element.querySelector('[data-testid="import-loading"]')).toBeNull(),
  );
  return page.element;
}

const ADMIN: Grant[] = [{ role: 'admin', scope: '' }];

const byTestId = <T extends HTMLElement = HTMLElement>(root: ParentNode, id: string) => {
  const el = root.querySelector<T>(`[data-testid="${id}"]`);
  if (!el) throw new Error(`no [data-testid="${id}"]`);
  return el;
};

/** Puts `file` in the file input as a browser does when the user picks it. */
function chooseFile(root: HTMLElement, file: File): void {
  const input = byTestId<HTMLInputElement>(root, 'import-file');
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  input.dispatchEvent(new Event('change'));
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });

/**
 * Replaces fetch with one that answers `response` and records what it is asked. The federation
 * panel's list of peers (federation.test.ts tests it) gets an empty answer, not recorded.
 */
function fakeFetch(response: () => Response | Promise<Response>) {
  const fetch = vi.fn<(url: string, init?: RequestInit) => Promise<Response>>(async () =>
    response(),
  );
  vi.stubGlobal('fetch', async (url: string, init?: RequestInit) =>
    url === '/api/v1/sync/peers' ? json(200, { feed: '', items: [] }) : fetch(url, init),
  );
  return fetch;
}

const report = (over: Partial<ImportReport> = {}): ImportReport => ({
  imported: 2,
  updated: 1,
  unchanged: 3,
  rejected: [],
  committed: true,
  ...over,
});

const submit = (root: HTMLElement) => byTestId<HTMLButtonElement>(root, 'import-submit').click();

describe('DataPage exports', () => {
  beforeEach(() => vi.restoreAllMocks());

  it('links every format to its download, each explained, with the licence note', async () => {
    const root = await open(null);
    const items = [...root.querySelectorAll<HTMLElement>('[data-testid="export-format"]')];
    expect(items.map((li) => li.dataset.format)).toEqual([
      'essglobal-csv',
      'geojson',
      'murmurations',
      'essglobal-ttl',
      'essglobal-jsonld',
      'kumu',
    ]);
    const geojson = byTestId<HTMLAnchorElement>(root, 'export-geojson');
    expect(geojson.getAttribute('href')).toBe('/api/v1/export?format=geojson');
    expect(geojson.textContent).toContain('ecosol.geojson');
    expect(byTestId(root, 'export-kumu').getAttribute('href')).toBe('/api/v1/export?format=kumu');
    const about = document.getElementById(geojson.getAttribute('aria-describedby') ?? '');
    expect(about?.textContent).toContain('TransforMap');
    expect(byTestId(root, 'export-note').textContent).toContain(
      'only public actors, as the public sees them',
    );
  });
});

describe('DataPage import access', () => {
  beforeEach(() => vi.restoreAllMocks());

  it('asks an anonymous visitor to sign in, and shows no form', async () => {
    const root = await open(null);
    expect(byTestId(root, 'signin-required').textContent).toContain('Sign in as an admin');
    expect(root.querySelector('[data-testid="import-form"]')).toBeNull();
  });

  it('tells someone without the role which roles may import', async () => {
    const root = await open([{ role: 'steward', scope: 'network:diesis' }]);
    expect(byTestId(root, 'forbidden').textContent).toContain(
      'admin role, or the steward role over the whole instance',
    );
    expect(root.querySelector('[data-testid="import-form"]')).toBeNull();
  });

  it.each([
    ['an admin', ADMIN],
    ['an instance-wide steward', [{ role: 'steward', scope: '' }] as Grant[]],
  ])('shows the form to %s', async (_who, roles) => {
    const root = await open(roles);
    expect(root.querySelector('[data-testid="import-form"]')).not.toBeNull();
    expect(root.querySelector('[data-testid="forbidden"]')).toBeNull();
  });
});

describe('DataPage import form', () => {
  beforeEach(() => vi.restoreAllMocks());
  afterEach(() => {
    vi.unstubAllGlobals();
    setCsrfToken(null);
  });

  it.each([
    ['coops.csv', 'essglobal-csv'],
    ['map.GeoJSON', 'geojson'],
    ['linked.ttl', 'essglobal-ttl'],
    ['linked.jsonld', 'essglobal-jsonld'],
    ['profiles.json', 'murmurations'],
  ])('guesses the format of %s and takes its name as the source', async (name, format) => {
    const root = await open(ADMIN);
    chooseFile(root, new File(['x'], name));
    expect(byTestId<HTMLSelectElement>(root, 'import-format').value).toBe(format);
    expect(byTestId<HTMLInputElement>(root, 'import-source').value).toBe(name.split('.')[0]);
  });

  it('labels every control of the form', async () => {
    const root = await open(ADMIN);
    const controls = [...root.querySelectorAll<HTMLElement>('form input, form select')];
    expect(controls.length).toBeGreaterThanOrEqual(8);
    for (const control of controls) {
      expect(root.querySelector(`label[for="${control.id}"]`)?.textContent).not.toBe('');
    }
  });

  it('asks for a file before sending anything', async () => {
    const fetch = fakeFetch(() => json(200, report()));
    const root = await open(ADMIN);
    submit(root);
    expect(byTestId(root, 'import-file-error').hidden).toBe(false);
    expect(byTestId(root, 'import-file').getAttribute('aria-invalid')).toBe('true');
    expect(fetch).not.toHaveBeenCalled();
  });

  it('sends the file as the body, the options in the query, with the CSRF token', async () => {
    const fetch = fakeFetch(() => json(200, report({ committed: false })));
    const root = await open(ADMIN);
    const file = new File(['{"type":"FeatureCollection","features":[]}'], 'points.geojson');
    chooseFile(root, file);
    byTestId<HTMLInputElement>(root, 'import-claims').value = 'cooperative, mutual,';
    byTestId<HTMLSelectElement>(root, 'import-lang').value = 'fr';
    byTestId<HTMLInputElement>(root, 'import-dry-run').checked = true;
    submit(root);
    await vi.waitFor(() => expect(fetch).toHaveBeenCalledOnce());
    const [url, init] = fetch.mock.calls[0] ?? [];
    const query = new URL(url ?? '', 'http://x').searchParams;
    expect(url).toMatch(/^\/api\/v1\/imports\?/);
    expect(query.get('format')).toBe('geojson');
    expect(query.get('source')).toBe('points');
    expect(query.get('lang')).toBe('fr');
    expect(query.getAll('claim')).toEqual(['cooperative', 'mutual']);
    expect(query.get('dry_run')).toBe('true');
    expect(query.has('skip_invalid')).toBe(false);
    expect(query.has('background')).toBe(false);
    expect(init?.method).toBe('POST');
    expect(init?.body).toBe(file);
    const headers = init?.headers as Record<string, string>;
    expect(headers['X-CSRF-Token']).toBe('csrf-1');
    expect(headers['Content-Type']).toBe('application/geo+json');
    await vi.waitFor(() =>
      expect(byTestId(root, 'import-summary').textContent).toContain('Checked'),
    );
    expect(byTestId(root, 'import-status').textContent).toBe(
      'points.geojson: checked, nothing written.',
    );
  });

  it('is busy while the import runs, then shows the counts of the report', async () => {
    let answer: (r: Response) => void = () => {};
    fakeFetch(() => new Promise<Response>((resolve) => (answer = resolve)));
    const root = await open(ADMIN);
    chooseFile(root, new File([new Uint8Array(2_100_000)], 'ecosol.csv'));
    submit(root);
    const status = byTestId(root, 'import-status');
    expect(status.getAttribute('aria-live')).toBe('polite');
    expect(status.textContent).toBe('Importing ecosol.csv (2.1 MB)…');
    expect(byTestId(root, 'import-form').getAttribute('aria-busy')).toBe('true');
    expect(byTestId<HTMLButtonElement>(root, 'import-submit').disabled).toBe(true);

    answer(json(200, report()));
    await vi.waitFor(() =>
      expect(root.querySelector('[data-testid="import-report"]')).not.toBeNull(),
    );
    expect(byTestId(root, 'report-imported').textContent).toBe('2');
    expect(byTestId(root, 'report-updated').textContent).toBe('1');
    expect(byTestId(root, 'report-unchanged').textContent).toBe('3');
    expect(byTestId(root, 'report-rejected').textContent).toBe('0');
    expect(byTestId(root, 'import-summary').textContent).toContain('written to the registry');
    expect(root.querySelector('[data-testid="rejected-table"]')).toBeNull();
    expect(status.textContent).toBe('ecosol.csv: imported.');
    expect(byTestId(root, 'import-form').hasAttribute('aria-busy')).toBe(false);
    expect(byTestId<HTMLButtonElement>(root, 'import-submit').disabled).toBe(false);
  });

  it('lists the rejected rows of a refused file (422) from the error details', async () => {
    const rejected = [
      { line: 3, field: 'name', message: 'is required' },
      { line: 7, field: 'location.lat', message: 'latitude must be between -90 and 90' },
    ];
    const details = report({ imported: 0, updated: 0, unchanged: 0, rejected, committed: false });
    const message = '2 rows rejected, nothing imported';
    fakeFetch(() => json(422, { error: { code: 'invalid_argument', message, details } }));
    const root = await open(ADMIN);
    chooseFile(root, new File(['a,b'], 'bad.csv'));
    submit(root);
    await vi.waitFor(() =>
      expect(root.querySelector('[data-testid="rejected-table"]')).not.toBeNull(),
    );
    const rows = [...root.querySelectorAll('[data-testid="rejected-row"]')].map((tr) =>
      [...tr.querySelectorAll('td')].map((td) => td.textContent),
    );
    expect(rows).toEqual([
      ['3', 'name', 'is required'],
      ['7', 'location.lat', 'latitude must be between -90 and 90'],
    ]);
    expect(byTestId(root, 'import-summary').textContent).toContain('Nothing was written: 2 rows');
    expect(byTestId(root, 'import-summary').getAttribute('role')).toBe('alert');
    expect(byTestId(root, 'import-status').textContent).toBe('bad.csv: nothing was imported.');
  });

  it('keeps the valid rows when asked, and says which row was left out', async () => {
    const rejected = [{ line: 4, field: 'name', message: 'is required' }];
    const fetch = fakeFetch(() => json(200, report({ rejected })));
    const root = await open(ADMIN);
    chooseFile(root, new File(['a,b'], 'mixed.csv'));
    byTestId<HTMLInputElement>(root, 'import-skip-invalid').checked = true;
    submit(root);
    await vi.waitFor(() =>
      expect(root.querySelector('[data-testid="rejected-table"]')).not.toBeNull(),
    );
    const query = new URL(fetch.mock.calls[0]?.[0] ?? '', 'http://x').searchParams;
    expect(query.get('skip_invalid')).toBe('true');
    expect(query.has('dry_run')).toBe(false);
    expect(byTestId(root, 'import-summary').textContent).toBe(
      'The import is written to the registry, without the rejected row listed below.',
    );
  });

  it('redraws the report in the new language', async () => {
    fakeFetch(() => json(200, report()));
    const session = sessionOf(ADMIN);
    const page = new DataPage(session);
    document.body.replaceChildren(page.element);
    await session.ready();
    await vi.waitFor(() => expect(page.element.querySelector('form')).not.toBeNull());
    chooseFile(page.element, new File(['x'], 'a.csv'));
    submit(page.element);
    await vi.waitFor(() =>
      expect(page.element.querySelector('[data-testid="import-summary"]')).not.toBeNull(),
    );
    setLang('fr', null);
    try {
      page.onLanguageChange();
      expect(byTestId(page.element, 'import-summary').textContent).toBe(
        'L’import est enregistré dans le registre.',
      );
      expect(byTestId(page.element, 'import-status').textContent).toBe('a.csv : importé.');
      expect(page.element.querySelector('h1')?.textContent).toBe('Données ouvertes');
    } finally {
      setLang('en', null);
    }
  });

  it("shows the server's message for an error without a report", async () => {
    const message = 'import data into the registry (admins and instance-wide stewards may)';
    fakeFetch(() => json(403, { error: { code: 'permission_denied', message } }));
    const root = await open(ADMIN);
    chooseFile(root, new File(['x'], 'a.ttl'));
    submit(root);
    await vi.waitFor(() =>
      expect(root.querySelector('[data-testid="error-message"]')).not.toBeNull(),
    );
    expect(byTestId(root, 'error-message').textContent).toContain(message);
    expect(root.querySelector('[data-testid="import-report"]')).toBeNull();
  });

  it('offers a labelled, described checkbox to run the import in the background', async () => {
    const root = await open(ADMIN);
    const box = byTestId<HTMLInputElement>(root, 'import-background');
    expect(box.type).toBe('checkbox');
    expect(box.checked).toBe(false);
    expect(box.closest('form')).toBe(byTestId(root, 'import-form'));
    expect(root.querySelector('label[for="import-background"]')?.textContent).toBe(
      'Run in the background',
    );
    const hint = document.getElementById(box.getAttribute('aria-describedby') ?? '');
    expect(hint?.textContent).toContain('Background jobs page');
  });

  it('queues the import in the background and links to the job, not a report', async () => {
    const job = {
      id: 'job-42',
      kind: 'import',
      state: 'queued',
      done: 0,
      total: 0,
      attempts: 0,
      worker: '',
      created_at: '2026-11-30T10:00:00Z',
      updated_at: '2026-11-30T10:00:00Z',
      who: 'user:u1',
    };
    const fetch = fakeFetch(() => json(202, { job }));
    const root = await open(ADMIN);
    const file = new File(['{"type":"FeatureCollection","features":[]}'], 'big.geojson');
    chooseFile(root, file);
    // As a user does: by its label, which toggles the box.
    root.querySelector<HTMLLabelElement>('label[for="import-background"]')?.click();
    expect(byTestId<HTMLInputElement>(root, 'import-background').checked).toBe(true);
    submit(root);
    await vi.waitFor(() =>
      expect(root.querySelector('[data-testid="import-queued"]')).not.toBeNull(),
    );
    expect(fetch).toHaveBeenCalledOnce();
    const [url, init] = fetch.mock.calls[0] ?? [];
    const query = new URL(url ?? '', 'http://x').searchParams;
    expect(url).toMatch(/^\/api\/v1\/imports\?/);
    expect(query.get('background')).toBe('true');
    expect(query.get('format')).toBe('geojson');
    expect(query.get('source')).toBe('big');
    expect(init?.method).toBe('POST');
    expect(init?.body).toBe(file);
    expect((init?.headers as Record<string, string>)['X-CSRF-Token']).toBe('csrf-1');

    expect(byTestId(root, 'import-queued').textContent).toBe(
      'Job job-42 is queued: the server imports the file in the background.',
    );
    const link = byTestId<HTMLAnchorElement>(root, 'import-jobs-link');
    expect(link.getAttribute('href')).toBe('#/jobs');
    expect(link.textContent).toBe('Follow it on the Background jobs page');
    expect(byTestId(root, 'import-status').textContent).toBe(
      'big.geojson: queued, to be imported in the background.',
    );
    expect(root.querySelector('[data-testid="import-report"]')).toBeNull();
    expect(byTestId<HTMLButtonElement>(root, 'import-submit').disabled).toBe(false);
  });

  it('sends a spreadsheet and its mapping in the background as one form', async () => {
    const job = { id: 'job-43', kind: 'import', state: 'queued' };
    const fetch = fakeFetch(() => json(202, { job }));
    const root = await open(ADMIN);
    byTestId<HTMLSelectElement>(root, 'import-format').value = 'csv';
    byTestId(root, 'import-format').dispatchEvent(new Event('change'));
    chooseFile(root, new File(['a;b'], 'members.csv'));
    const mapping = byTestId<HTMLInputElement>(root, 'import-mapping');
    Object.defineProperty(mapping, 'files', { value: [new File(['id: {column: a}'], 'm.yaml')] });
    byTestId<HTMLInputElement>(root, 'import-background').checked = true;
    submit(root);
    await vi.waitFor(() => expect(byTestId(root, 'import-queued').textContent).toContain('job-43'));
    const [url, init] = fetch.mock.calls[0] ?? [];
    const query = new URL(url ?? '', 'http://x').searchParams;
    expect(query.get('background')).toBe('true');
    expect(query.get('format')).toBe('csv');
    const form = init?.body as FormData;
    expect(form).toBeInstanceOf(FormData);
    expect((form.get('file') as File).name).toBe('members.csv');
    expect((form.get('mapping') as File).name).toBe('m.yaml');
  });

  it('shows a refused background import as any other error', async () => {
    const message = 'background: unknown parameter (known: claim, format)';
    fakeFetch(() => json(400, { error: { code: 'invalid_argument', message } }));
    const root = await open(ADMIN);
    chooseFile(root, new File(['x'], 'a.ttl'));
    byTestId<HTMLInputElement>(root, 'import-background').checked = true;
    submit(root);
    await vi.waitFor(() =>
      expect(root.querySelector('[data-testid="error-message"]')).not.toBeNull(),
    );
    expect(byTestId(root, 'error-message').textContent).toContain(message);
    expect(root.querySelector('[data-testid="import-queued"]')).toBeNull();
    expect(byTestId(root, 'import-status').textContent).toBe('a.ttl: nothing was imported.');
  });

  it('says plainly when the file is too large', async () => {
    fakeFetch(() => new Response('Payload Too Large', { status: 413 }));
    const root = await open(ADMIN);
    chooseFile(root, new File(['x'], 'huge.csv'));
    submit(root);
    await vi.waitFor(() =>
      expect(root.querySelector('[data-testid="import-too-large"]')).not.toBeNull(),
    );
    expect(byTestId(root, 'import-too-large').textContent).toContain(
      'larger than the server accepts',
    );
  });
});
