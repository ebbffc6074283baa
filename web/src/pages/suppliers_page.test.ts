// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, setCsrfToken } from '../api';
import { setLang } from '../i18n/i18n';
import { parseRoute } from '../router';
import { SessionStore } from '../session';
import { ANSWER } from '../suppliers.fixture';
import { SuppliersPage } from './suppliers_page';

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
          roles: [{ role: 'admin', scope: '' }],
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

type Answer = (url: string, init?: RequestInit) => Response;

/** Answers the territory list, the buyer's access and then `answer` for the rest. */
function fakeFetch(answer: Answer) {
  const asked: { url: string; body: unknown }[] = [];
  vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
    if (url.startsWith('/api/v1/territories')) return json(200, { items: [] });
    if (url.endsWith('/access')) return json(200, { sees: 'public', can_edit: true });
    asked.push({ url, body: init?.body ? JSON.parse(String(init.body)) : null });
    return answer(url, init);
  });
  return asked;
}

const q = <T extends Element = HTMLElement>(root: ParentNode, id: string) =>
  root.querySelector<T>(`[data-testid="${id}"]`);

function fill(page: SuppliersPage, values: Record<string, string>): void {
  for (const [id, value] of Object.entries(values)) {
    const el = q<HTMLInputElement | HTMLSelectElement>(page.element, id);
    if (!el) throw new Error(id);
    el.value = value;
  }
}

async function submit(page: SuppliersPage): Promise<void> {
  q<HTMLFormElement>(page.element, 'tender-form')?.requestSubmit();
  await vi.waitFor(() => {
    expect(q(page.element, 'suppliers-results-panel')?.hasAttribute('aria-busy')).toBe(false);
    expect(q(page.element, 'suppliers-status')?.textContent).not.toBe('Loading…');
  });
}

async function open(signedIn: boolean): Promise<SuppliersPage> {
  const s = session(signedIn);
  await s.ready();
  const page = new SuppliersPage(parseRoute('#/suppliers'), s);
  document.body.replaceChildren(page.element);
  fill(page, {
    'tender-buyer': 'cardiff-cc',
    'tender-title': 'Home care',
    'tender-date': '2026-11-29',
    'tender-activities': 'ICA140',
    'tender-territory': 'GB/wales',
    'tender-reservation': 'eu-2014-24-art77',
    'tender-max-duration': '3',
  });
  return page;
}

describe('SuppliersPage', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    setLang('en', null);
  });

  it('sends the tender and lists the suppliers with their verdict and evidence', async () => {
    const asked = fakeFetch(() => json(200, ANSWER));
    const page = await open(false);
    await submit(page);
    expect(asked[0]).toEqual({
      url: '/api/v1/ecosystem/suppliers',
      body: {
        buyer: 'cardiff-cc',
        title: 'Home care',
        date: '2026-11-29',
        activities: ['ICA140'],
        territory: 'GB/wales',
        reservation: 'eu-2014-24-art77',
        max_duration_years: 3,
      },
    });
    const item = q(page.element, 'supplier-item');
    expect(item?.dataset.supplier).toBe('care-coop');
    expect(item?.dataset.verdict).toBe('not_eligible');
    expect(item?.querySelector('[data-testid="supplier-verdict"]')?.textContent).toContain(
      'Not eligible',
    );
    expect(q(page.element, 'suppliers-counts')?.textContent).toBe(
      'Candidates: 1 · eligible: 0 · not eligible: 1 · insufficient evidence: 0.',
    );
    const rows = [...page.element.querySelectorAll('[data-testid="supplier-fact"]')].map((r) =>
      [...r.children].map((c) => c.textContent),
    );
    expect(rows).toEqual([
      ['tender.art77_award_within_3_years', 'yes', 'recorded awards'],
      ['purpose.general_interest', 'missing', ''],
      ['governance.voting', 'hidden', 'statutes, user:3, 2026-05-01'],
    ]);
    expect(q(page.element, 'award-button')).toBeNull();
    expect(q(page.element, 'award-note')?.textContent).toContain('Sign in');

    setLang('fr', null);
    page.onLanguageChange();
    expect(q(page.element, 'supplier-summary')?.textContent).toBe('Non éligible.');
    expect(asked).toHaveLength(1);
  });

  it("shows the API's message for a bad tender", async () => {
    const message = "tender: buyer: 'x' is not a public body";
    fakeFetch(() => json(400, { error: { code: 'invalid_argument', message } }));
    const page = await open(false);
    await submit(page);
    expect(q(page.element, 'error-message-detail')?.textContent).toBe(message);
    expect(q(page.element, 'suppliers-list')).toBeNull();
  });

  it('lets those who may edit the buyer award, and shows a refusal', async () => {
    const asked = fakeFetch((url) =>
      url.endsWith('/awards')
        ? json(409, { error: { code: 'conflict', message: 'the same award twice' } })
        : json(200, ANSWER),
    );
    const page = await open(true);
    await submit(page);
    await vi.waitFor(() => expect(q(page.element, 'award-button')).not.toBeNull());
    q<HTMLButtonElement>(page.element, 'award-button')?.click();
    await vi.waitFor(() => expect(q(page.element, 'award-error')).not.toBeNull());
    expect(q(page.element, 'award-error-detail')?.textContent).toBe('the same award twice');
    const award = asked.find((a) => a.url.endsWith('/awards'));
    expect(award?.body).toMatchObject({ supplier: 'care-coop', tender: { buyer: 'cardiff-cc' } });
    expect(q<HTMLButtonElement>(page.element, 'award-button')?.disabled).toBe(false);
  });

  it('shows an empty result in words', async () => {
    fakeFetch(() => json(200, { ...ANSWER, suppliers: [], counts: { candidates: 0 } }));
    const page = await open(false);
    await submit(page);
    expect(q(page.element, 'suppliers-none')?.textContent).toBe(
      'No supplier of this territory matches these activities.',
    );
  });
});
