// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, setCsrfToken } from '../api';
import { setLang } from '../i18n/i18n';
import { CASE_ID, CASE_RECORD, FRAMEWORK, SIMILAR, VERSIONS } from '../knowledge.fixture';
import { SessionStore } from '../session';
import type { Role } from '../types';
import { KnowledgeCasePage } from './knowledge_case_page';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });

function session(roles: Role[] | null): SessionStore {
  return new SessionStore(
    {
      me: async () => {
        if (!roles) throw new ApiError(401, 'unauthenticated', 'sign in');
        return {
          who: 'user:u1',
          user: null,
          roles: roles.map((role) => ({ role, scope: role === 'admin' ? '' : 'network:diesis' })),
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

type Asked = { method: string; url: string; body: unknown };

function fakeFetch(
  record: unknown = CASE_RECORD,
  review: (body: unknown) => Response = () => json(200, { ...CASE_RECORD, status: 'published' }),
): Asked[] {
  const asked: Asked[] = [];
  vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
    const body = init?.body ? JSON.parse(String(init.body)) : null;
    asked.push({ method: init?.method ?? 'GET', url, body });
    if (url.includes('/context-framework')) return json(200, FRAMEWORK);
    if (url.endsWith('/versions')) return json(200, VERSIONS);
    if (url.includes('/similar')) return json(200, SIMILAR);
    if (url.endsWith('/review')) return review(body);
    if (record === 404) return json(404, { error: { code: 'not_found', message: 'no case' } });
    return json(200, record);
  });
  return asked;
}

const q = <T extends Element = HTMLElement>(root: ParentNode, id: string) =>
  root.querySelector<T>(`[data-testid="${id}"]`);
const texts = (root: ParentNode, id: string) =>
  [...root.querySelectorAll(`[data-testid="${id}"]`)].map((e) => e.textContent);

/** The element, or a failed test naming what is missing. */
function need<T>(el: T | null | undefined, what: string): T {
  if (el === null || el === undefined) throw new Error(`missing: ${what}`);
  return el;
}

async function open(roles: Role[] | null): Promise<KnowledgeCasePage> {
  const s = session(roles);
  await s.ready();
  const page = new KnowledgeCasePage(CASE_ID, s);
  document.body.replaceChildren(page.element);
  await vi.waitFor(() => {
    expect(q(page.element, 'knowledge-version')).not.toBeNull();
    expect(q(page.element, 'knowledge-result')).not.toBeNull();
    // The catalogue's words have arrived.
    expect(texts(page.element, 'knowledge-dependency')[1]).toContain('trust and social capital');
  });
  return page;
}

describe('KnowledgeCasePage', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    setLang('en', null);
  });

  it('shows every part of the case, with links out marked noopener', async () => {
    const asked = fakeFetch();
    const page = await open(null);
    const el = page.element;
    expect(asked[0]?.url).toBe(`/api/v1/knowledge/cases/${CASE_ID}?lang=en`);
    expect(q(el, 'knowledge-case-title')?.textContent).toBe(
      "Women's e-rickshaw safe transport network",
    );
    expect(q(el, 'knowledge-lang-note')).toBeNull();
    expect(q(el, 'knowledge-case-meta')?.textContent).toBe(
      'Status: in review · version 2 · updated on 2026-11-30 by user:7',
    );
    expect(q(el, 'knowledge-about')?.textContent).toContain('transport and mobility');
    expect(q(el, 'knowledge-root-causes')?.textContent).toBe('Root causesFew women drivers');
    expect(texts(el, 'knowledge-dependency')).toEqual([
      'legal forms available: includes self-help group (why: drivers join through recognised groups)',
      'trust and social capital: at least medium (severity: high)',
    ]);
    const actors = el.querySelectorAll('[data-testid="knowledge-actor"]');
    expect(actors[0]?.querySelector('a')?.getAttribute('href')).toBe('#/actors/sakha');
    expect(actors[0]?.textContent).toBe('Sakha Consulting Wings (initiator)');
    expect(actors[1]?.querySelector('a')).toBeNull();
    expect(q(el, 'knowledge-si-drive')?.textContent).toContain('Safe mobility for women.');
    expect(q(el, 'knowledge-evidence')?.textContent).toBe('Evidence: monitoring data');
    const sources = el.querySelectorAll<HTMLAnchorElement>('[data-testid="knowledge-source-link"]');
    expect([...sources].map((a) => [a.href, a.rel])).toEqual([
      ['https://example.org/report', 'noopener'],
    ]);
    // A javascript: address is never a link.
    expect(q(el, 'knowledge-outcomes')?.textContent).toContain('Unsafe link');
    expect(q(el, 'knowledge-scaling')?.textContent).toContain('scaling out');
    expect(q(el, 'knowledge-strength')?.textContent).toContain('Sustained for five years.');
    expect(texts(el, 'knowledge-claim')).toEqual([
      'outcomes[0]research and practiceTIESS, Sakhacollaborating',
    ]);
    expect(texts(el, 'knowledge-context-value')).toEqual([
      'Socio-cultural · trust and social capitalmedium',
      'Socio-economic · informal share of the economy80%',
    ]);
    expect(q(el, 'knowledge-text-section')?.textContent?.endsWith('x…')).toBe(true);
    expect(q(el, 'knowledge-licence')?.textContent).toBe('LicenceCC-BY-4.0');
    expect(q<HTMLAnchorElement>(el, 'knowledge-source-url')?.rel).toBe('noopener');
    expect(q(el, 'knowledge-transfer-button')?.getAttribute('href')).toBe(
      `#/knowledge/transfer?case=${CASE_ID}`,
    );
    expect(texts(el, 'knowledge-version')).toEqual([
      '2 (shown)in review2026-11-30user:7outcomes',
      '1published2026-11-01user:1import',
    ]);
    expect(q(el, 'knowledge-result-link')?.getAttribute('href')).toBe(
      '#/knowledge/cases/other-rickshaw',
    );
    expect(q(el, 'knowledge-review-signin')).not.toBeNull();
  });

  it('says which language is shown when the case lacks the reader’s', async () => {
    fakeFetch();
    const page = await open(null);
    setLang('fr', null);
    page.onLanguageChange();
    expect(q(page.element, 'knowledge-lang-note')?.textContent).toBe(
      "Affiché en anglais : ce cas n'a pas de texte en français.",
    );
    expect(q(page.element, 'knowledge-case-title')?.getAttribute('lang')).toBe('en');
    expect(q(page.element, 'knowledge-evidence')?.textContent).toBe('Preuve : données de suivi');
  });

  it('lets a steward approve a case in review, and shows the new status', async () => {
    const asked = fakeFetch();
    const page = await open(['steward']);
    expect(
      [...page.element.querySelectorAll('[data-action]')].map((b) => b.getAttribute('data-action')),
    ).toEqual(['approve', 'return', 'withdraw']);
    q<HTMLButtonElement>(page.element, 'knowledge-review-approve')?.click();
    await vi.waitFor(() => expect(q(page.element, 'knowledge-review-done')).not.toBeNull());
    expect(asked.find((a) => a.method === 'POST')).toEqual({
      method: 'POST',
      url: `/api/v1/knowledge/cases/${CASE_ID}/review`,
      body: { action: 'approve' },
    });
    expect(q(page.element, 'knowledge-review-done')?.textContent).toBe(
      'Done: the case is now published (version 2).',
    );
    expect(q(page.element, 'knowledge-case-meta')?.dataset.status).toBe('published');
    expect(q(page.element, 'knowledge-review-withdraw')).not.toBeNull();
    expect(q(page.element, 'knowledge-review-approve')).toBeNull();
  });

  it('asks for a comment before returning a case, and shows a refusal', async () => {
    const asked = fakeFetch(CASE_RECORD, () =>
      json(409, { error: { code: 'conflict', message: 'the case changed meanwhile' } }),
    );
    const page = await open(['admin']);
    q<HTMLButtonElement>(page.element, 'knowledge-review-return')?.click();
    expect(q(page.element, 'knowledge-review-error')?.textContent).toContain('Write a comment');
    expect(asked.some((a) => a.method === 'POST')).toBe(false);

    need(q<HTMLTextAreaElement>(page.element, 'knowledge-review-comment'), 'comment').value =
      'Add sources';
    q<HTMLButtonElement>(page.element, 'knowledge-review-return')?.click();
    await vi.waitFor(() =>
      expect(q(page.element, 'knowledge-review-error-detail')?.textContent).toBe(
        'the case changed meanwhile',
      ),
    );
    expect(asked.find((a) => a.method === 'POST')?.body).toEqual({
      action: 'return',
      comment: 'Add sources',
    });
  });

  it('offers a member nothing on a case in review', async () => {
    fakeFetch();
    const page = await open(['member']);
    expect(q(page.element, 'knowledge-review-none')).not.toBeNull();
    expect(page.element.querySelector('[data-action]')).toBeNull();
  });

  it('shows an error for a missing case', async () => {
    fakeFetch(404);
    const s = session(null);
    await s.ready();
    const page = new KnowledgeCasePage('nope', s);
    await vi.waitFor(() => expect(q(page.element, 'error-message')).not.toBeNull());
    expect(q(page.element, 'knowledge-versions')?.closest('[hidden]')).not.toBeNull();
  });

  it('offers members an Edit link and says a draft waits for a steward', async () => {
    fakeFetch({ ...CASE_RECORD, status: 'draft' });
    const member = await open(['member']);
    expect(q(member.element, 'knowledge-edit-button')?.getAttribute('href')).toBe(
      `#/knowledge/cases/${CASE_ID}/edit`,
    );
    expect(q(member.element, 'knowledge-draft-note')?.textContent).toContain('draft');
    member.destroy();
    const visitor = await open(null);
    expect(q(visitor.element, 'knowledge-edit-button')).toBeNull();
  });
});
