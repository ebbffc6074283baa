// @vitest-environment jsdom
// The case page's lineage, review trail, older versions and "Record a transfer" form.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, setCsrfToken } from '../api';
import { setLang } from '../i18n/i18n';
import {
  CASE_ID,
  CASE_RECORD,
  FRAMEWORK,
  LINEAGE,
  REVIEWS,
  SEARCH,
  SIMILAR,
  TRANSFER,
  VERSIONS,
} from '../knowledge.fixture';
import { SessionStore } from '../session';
import { KnowledgeCasePage } from './knowledge_case_page';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });

function session(signedIn: boolean): SessionStore {
  return new SessionStore(
    {
      me: async () => {
        if (!signedIn) throw new ApiError(401, 'unauthenticated', 'sign in');
        return {
          who: 'user:u1',
          user: null,
          roles: [{ role: 'member', scope: 'actor:cwmpas' }],
          read_only: false,
          csrf_token: 'csrf-1',
        };
      },
      signIn: async () => {
        throw new Error('not used');
      },
      signOut: async () => undefined,
    },
    setCsrfToken,
  );
}

type Asked = { method: string; url: string; body: unknown; csrf: string | null };

function fakeFetch(transfers: (body: unknown) => Response = () => json(201, TRANSFER)): Asked[] {
  const asked: Asked[] = [];
  vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
    const body = init?.body ? JSON.parse(String(init.body)) : null;
    const headers = (init?.headers ?? {}) as Record<string, string>;
    asked.push({ method: init?.method ?? 'GET', url, body, csrf: headers['X-CSRF-Token'] ?? null });
    if (url.includes('/context-framework')) return json(200, FRAMEWORK);
    if (url.endsWith('/versions')) return json(200, VERSIONS);
    if (url.includes('/versions/1?')) {
      return json(200, { ...CASE_RECORD, version: 1, status: 'published' });
    }
    if (url.includes('/similar')) return json(200, SIMILAR);
    if (url.endsWith('/lineage')) return json(200, LINEAGE);
    if (url.endsWith('/reviews')) return json(200, REVIEWS);
    if (url.endsWith('/transfers')) return transfers(body);
    if (url.includes('/knowledge/cases?')) return json(200, SEARCH);
    // The other cases of the lineage: one the reader may read, one they may not.
    if (url.includes('/cases/delhi-pink-autos?')) {
      const doc = {
        ...CASE_RECORD.doc,
        id: 'delhi-pink-autos',
        title: { en: 'Pink autos', fr: 'Autos roses' },
      };
      return json(200, { ...CASE_RECORD, id: 'delhi-pink-autos', doc });
    }
    if (url.includes('/cases/za-groups?')) {
      return json(404, { error: { code: 'not_found', message: 'not published' } });
    }
    return json(200, CASE_RECORD);
  });
  return asked;
}

const q = <T extends Element = HTMLElement>(root: ParentNode, id: string) =>
  root.querySelector<T>(`[data-testid="${id}"]`);
const all = <T extends Element = HTMLElement>(root: ParentNode, id: string) => [
  ...root.querySelectorAll<T>(`[data-testid="${id}"]`),
];
const texts = (root: ParentNode, id: string) => all(root, id).map((e) => e.textContent);

/** The element, or a failed test naming what is missing. */
function need<T>(el: T | null | undefined, what: string): T {
  if (el === null || el === undefined) throw new Error(`missing: ${what}`);
  return el;
}

async function open(signedIn: boolean, version: number | null = null) {
  const s = session(signedIn);
  await s.ready();
  const page = new KnowledgeCasePage(CASE_ID, s, version);
  document.body.replaceChildren(page.element);
  await vi.waitFor(() => {
    expect(q(page.element, 'lineage')).not.toBeNull();
    expect(q(page.element, 'knowledge-review-entry')).not.toBeNull();
    expect(q(page.element, 'knowledge-version')).not.toBeNull();
  });
  return page;
}

function setValue(el: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement, v: string) {
  el.value = v;
  el.dispatchEvent(new Event('change', { bubbles: true }));
}

/** Finds "za" in the form's case search and chooses the first case found. */
async function chooseCase(page: KnowledgeCasePage): Promise<void> {
  const el = page.element;
  need(q<HTMLInputElement>(el, 'record-case-search'), 'search').value = 'za';
  q<HTMLButtonElement>(el, 'record-case-find')?.click();
  await vi.waitFor(() => expect(q(el, 'record-choose')).not.toBeNull());
  // The case shown is not offered as its own transfer.
  expect(all(el, 'record-found-case').map((li) => li.dataset.case)).toEqual(['draft-case']);
  q<HTMLButtonElement>(el, 'record-choose')?.click();
}

describe('KnowledgeCasePage lineage', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    setLang('en', null);
  });

  it('shows where the case came from and went, with FRAME tables and flag counts', async () => {
    const asked = fakeFetch();
    const page = await open(false);
    const el = page.element;
    expect(asked.some((a) => a.url === `/api/v1/knowledge/cases/${CASE_ID}/lineage`)).toBe(true);
    const origin = need(q(el, 'lineage-origin'), 'origin');
    // The other cases by their titles, asked once each; one the reader cannot see by its id.
    await vi.waitFor(() => expect(texts(origin, 'lineage-case')).toEqual(['Pink autos']));
    expect(texts(origin, 'lineage-case-id')).toEqual(['(delhi-pink-autos)']);
    expect(asked.filter((a) => a.url.includes('/cases/delhi-pink-autos?')).length).toBe(1);
    expect(q(origin, 'lineage-outcome')?.textContent).toBe('Outcomesuccess');
    expect(q(origin, 'lineage-flags')?.textContent).toBe('Risk flags raised beforenone recorded');

    const went = need(q(el, 'lineage-transfers'), 'transfers');
    const link = need(q<HTMLAnchorElement>(went, 'lineage-case'), 'case link');
    expect(link.getAttribute('href')).toBe('#/knowledge/cases/za-groups');
    expect(link.textContent).toBe('za-groups');
    expect(q(went, 'lineage-case-id')).toBeNull();
    expect(q(went, 'lineage-outcome')?.textContent).toBe('Outcomefailure');
    expect(q(went, 'lineage-flags')?.textContent).toContain(
      'trust_dependency, gender_norms_barrier',
    );
    expect(went.textContent).toContain('2024-03');
    expect(q(went, 'lineage-outcome-note')?.textContent).toBe('Stopped after a year.');
    const rows = all(went, 'lineage-adaptation').map((tr) =>
      [...tr.children].map((c) => c.textContent),
    );
    expect(rows).toEqual([
      [
        'Women drivers organised in self-help groups',
        'before implementation, 2024-02-01',
        'planned',
        'members, federation',
        'content · organisation · substituting',
        'A stokvel replaces microfinance',
        'yes',
        'the people it serves, organisation',
        'No microfinance lender nearby',
      ],
      [
        'the whole model',
        'during implementation',
        'reactive',
        '—',
        'adding',
        'Night shifts added',
        'unknown',
        '—',
        '—',
      ],
    ]);

    // Counts flag by flag, never one score.
    expect(q(el, 'lineage-history')?.firstElementChild?.textContent).toBe(
      'Over the 4 recorded transfers of the commons with a known outcome, 2 failed or were abandoned.',
    );
    expect(texts(el, 'lineage-flag-history')).toEqual([
      'trust_dependency preceded 3 transfers, 2 failed. (raised before a transfer of this case)',
      'scale_mismatch preceded 1 transfers, 0 failed.',
    ]);
    expect(q(el, 'record-signin')?.getAttribute('href')).toBe(
      `#/signin?next=${encodeURIComponent(`#/knowledge/cases/${CASE_ID}`)}`,
    );
    expect(q(el, 'record-form')).toBeNull();
  });

  it('redraws the lineage in the reader’s language', async () => {
    fakeFetch();
    const page = await open(false);
    setLang('fr', null);
    page.onLanguageChange();
    const row = need(q(page.element, 'lineage-adaptation'), 'row');
    expect(row.children[5]?.textContent).toBe('Un stokvel remplace le microcrédit');
    expect(row.children[1]?.textContent).toBe('avant la mise en œuvre, 2024-02-01');
    expect(q(page.element, 'lineage-outcome')?.textContent).toBe('Issueréussite');
  });

  it('shows the review trail and links each older version', async () => {
    fakeFetch();
    const page = await open(false);
    expect(texts(page.element, 'knowledge-review-entry')).toEqual([
      '2026-11-02Return to the author1user:1Add sources',
      '2026-11-01Submit for review1user:7',
    ]);
    const links = all<HTMLAnchorElement>(page.element, 'knowledge-version-link');
    expect(links.map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['1', `#/knowledge/cases/${CASE_ID}?version=1`],
    ]);
    expect(links[0]?.getAttribute('aria-label')).toBe('Read version 1');
  });

  it('reads an older version from /versions/{n}, with no review or record form', async () => {
    const asked = fakeFetch();
    const page = await open(true, 1);
    expect(asked[0]?.url).toBe(`/api/v1/knowledge/cases/${CASE_ID}/versions/1?lang=en`);
    const el = page.element;
    expect(q(el, 'knowledge-old-version')?.textContent).toBe(
      'You are reading version 1 of this case, as it was then. Read the current version.',
    );
    expect(q(el, 'knowledge-current-version')?.getAttribute('href')).toBe(
      `#/knowledge/cases/${CASE_ID}`,
    );
    expect(q(el, 'knowledge-review-panel')?.hidden).toBe(true);
    expect(q(el, 'record-form')).toBeNull();
    // The newest version links to the case itself; the shown one is not a link.
    expect(
      all<HTMLAnchorElement>(el, 'knowledge-version-link').map((a) => a.getAttribute('href')),
    ).toEqual([`#/knowledge/cases/${CASE_ID}`]);
    expect(texts(el, 'knowledge-version')[1]).toContain('1 (shown)');
  });

  it('sends the target context described, so that the server computes the flags', async () => {
    const asked = fakeFetch();
    const page = await open(true);
    const el = page.element;
    await chooseCase(page);
    const target = need(q(el, 'record-target'), 'target form');
    await vi.waitFor(() => expect(target.querySelector('#context-trust')).not.toBeNull());
    // A case's origin profile and a recorded target have no territory.
    expect(q(target, 'context-territory')).toBeNull();
    setValue(need(target.querySelector<HTMLSelectElement>('#context-trust'), 'trust'), 'low');
    setValue(need(q<HTMLInputElement>(target, 'context-name'), 'name'), 'Rural district');
    q<HTMLFormElement>(el, 'record-form')?.requestSubmit();
    await vi.waitFor(() => expect(q(el, 'record-done')).not.toBeNull());
    const post = asked.find((a) => a.method === 'POST');
    expect(post?.body).toMatchObject({
      target: { name: 'Rural district', socio_cultural: { trust: 'low' } },
    });
    expect(post?.body).not.toHaveProperty('flags');
  });

  it('sends the flags ticked, and refuses an unreadable target value before sending', async () => {
    const asked = fakeFetch();
    const page = await open(true);
    const el = page.element;
    await chooseCase(page);
    const target = need(q(el, 'record-target'), 'target form');
    await vi.waitFor(() => expect(target.querySelector('#context-informal_share')).not.toBeNull());
    setValue(
      need(target.querySelector<HTMLInputElement>('#context-informal_share'), 'share'),
      '150%',
    );
    // One box per flag of the catalogue.
    expect(all<HTMLInputElement>(el, 'record-flag').map((b) => b.value)).toEqual(
      FRAMEWORK.flags.map((f) => f.id),
    );
    const flag = all<HTMLInputElement>(el, 'record-flag').find(
      (b) => b.value === 'trust_dependency',
    );
    need(flag, 'flag').checked = true;
    q<HTMLFormElement>(el, 'record-form')?.requestSubmit();
    await vi.waitFor(() => expect(q(el, 'record-problems')).not.toBeNull());
    expect(q(el, 'record-problems')?.textContent).toContain(
      'informal_share: this value of the target',
    );
    expect(asked.some((a) => a.method === 'POST')).toBe(false);

    setValue(need(target.querySelector<HTMLInputElement>('#context-informal_share'), 'share'), '');
    q<HTMLFormElement>(el, 'record-form')?.requestSubmit();
    await vi.waitFor(() => expect(q(el, 'record-done')).not.toBeNull());
    const post = asked.find((a) => a.method === 'POST');
    expect(post?.body).toMatchObject({ flags: ['trust_dependency'] });
    expect(post?.body).not.toHaveProperty('target');
    expect(all<HTMLInputElement>(el, 'record-flag').some((b) => b.checked)).toBe(false);
  });

  it('records a transfer with its adaptations and shows it in the lineage', async () => {
    const asked = fakeFetch();
    const page = await open(true);
    const el = page.element;
    await chooseCase(page);
    expect(q(el, 'record-chosen')?.textContent).toBe('Adapted case: A draft');
    setValue(need(q<HTMLInputElement>(el, 'record-started'), 'started'), '2024-03');
    setValue(need(q<HTMLSelectElement>(el, 'record-outcome'), 'outcome'), 'partial');
    setValue(need(q<HTMLTextAreaElement>(el, 'record-outcome-note'), 'note'), 'Half of it');
    q<HTMLButtonElement>(el, 'record-add-adaptation')?.click();
    q<HTMLButtonElement>(el, 'record-add-adaptation')?.click();
    const [first, second] = all(el, 'record-adaptation');
    expect(second?.querySelector('legend')?.textContent).toBe('Adaptation 2');
    const row = need(first, 'row');
    setValue(need(q<HTMLSelectElement>(row, 'record-element'), 'element'), 'women_drivers');
    setValue(need(q<HTMLSelectElement>(row, 'record-when'), 'when'), 'implementation');
    setValue(need(q<HTMLSelectElement>(row, 'record-planned'), 'planned'), 'reactive');
    setValue(need(q<HTMLInputElement>(row, 'record-decided-by'), 'who'), 'drivers, members');
    setValue(need(q<HTMLSelectElement>(row, 'record-change'), 'change'), 'adding');
    setValue(need(q<HTMLTextAreaElement>(row, 'record-description'), 'what'), 'Night shifts');
    setValue(need(q<HTMLSelectElement>(row, 'record-fidelity'), 'fidelity'), 'true');
    const reason = all<HTMLInputElement>(row, 'record-reason').find((r) => r.value === 'recipient');
    need(reason, 'reason').checked = true;
    // The second row is removed: the first is numbered alone.
    q<HTMLButtonElement>(need(second, 'second'), 'record-remove-adaptation')?.click();
    expect(all(el, 'record-adaptation')).toHaveLength(1);

    q<HTMLFormElement>(el, 'record-form')?.requestSubmit();
    await vi.waitFor(() => expect(q(el, 'record-done')).not.toBeNull());
    const post = asked.find((a) => a.method === 'POST');
    expect(post).toEqual({
      method: 'POST',
      url: '/api/v1/knowledge/transfers',
      csrf: 'csrf-1',
      body: {
        origin_case: CASE_ID,
        case: 'draft-case',
        started: '2024-03',
        outcome: 'partial',
        outcome_note: { en: 'Half of it' },
        adaptations: [
          {
            element: 'women_drivers',
            when: 'implementation',
            planned: 'reactive',
            decided_by: ['drivers', 'members'],
            change: 'adding',
            description: { en: 'Night shifts' },
            fidelity_consistent: true,
            reasons: ['recipient'],
          },
        ],
      },
    });
    expect(q(el, 'record-done')?.textContent).toBe('The transfer to za-groups is recorded.');
    // The lineage is asked again, and the form is ready for another transfer.
    await vi.waitFor(() => expect(asked.filter((a) => a.url.endsWith('/lineage')).length).toBe(2));
    expect(all(el, 'record-adaptation')).toHaveLength(0);
    expect(q<HTMLInputElement>(el, 'record-started')?.value).toBe('');
  });

  it('says what is missing before sending anything', async () => {
    const asked = fakeFetch();
    const page = await open(true);
    const el = page.element;
    setValue(need(q<HTMLInputElement>(el, 'record-started'), 'started'), 'spring');
    q<HTMLButtonElement>(el, 'record-add-adaptation')?.click();
    setValue(need(q<HTMLSelectElement>(el, 'record-when'), 'when'), 'maintenance');
    q<HTMLFormElement>(el, 'record-form')?.requestSubmit();
    const problems = need(q(el, 'record-problems'), 'problems').querySelectorAll('li');
    expect([...problems].map((li) => li.textContent)).toEqual([
      'Choose the case that describes the transfer where it went.',
      'Started: write a date as YYYY-MM or YYYY-MM-DD.',
      'Adaptation 1: say what was done.',
    ]);
    expect(q(el, 'record-description')?.getAttribute('aria-invalid')).toBe('true');
    expect(q(el, 'record-started')?.getAttribute('aria-invalid')).toBe('true');
    expect(asked.some((a) => a.method === 'POST')).toBe(false);
  });

  it('shows the API’s refusal beside the form and keeps what was typed', async () => {
    fakeFetch(() =>
      json(400, {
        error: {
          code: 'invalid_argument',
          message: "transfer '': case 'draft-case' is not in the knowledge commons",
        },
      }),
    );
    const page = await open(true);
    const el = page.element;
    await chooseCase(page);
    setValue(need(q<HTMLInputElement>(el, 'record-started'), 'started'), '2024-03');
    q<HTMLButtonElement>(el, 'record-add-adaptation')?.click();
    setValue(need(q<HTMLTextAreaElement>(el, 'record-description'), 'what'), 'Night shifts');
    q<HTMLFormElement>(el, 'record-form')?.requestSubmit();
    await vi.waitFor(() =>
      expect(q(el, 'record-error-detail')?.textContent).toBe(
        "transfer '': case 'draft-case' is not in the knowledge commons",
      ),
    );
    expect(q(el, 'record-error')?.closest('[data-testid="record-transfer"]')).not.toBeNull();
    expect(q<HTMLInputElement>(el, 'record-started')?.value).toBe('2024-03');
    expect(q<HTMLTextAreaElement>(el, 'record-description')?.value).toBe('Night shifts');
    expect(q(el, 'record-chosen')?.textContent).toBe('Adapted case: A draft');
    expect(q<HTMLButtonElement>(el, 'record-submit')?.disabled).toBe(false);
  });
});
