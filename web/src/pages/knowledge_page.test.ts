// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setLang } from '../i18n/i18n';
import { SEARCH } from '../knowledge.fixture';
import { parseRoute } from '../router';
import { SessionStore } from '../session';
import { KnowledgePage } from './knowledge_page';

/** No one signed in: the page asks for no watches. */
const signedOut = () =>
  new SessionStore({
    me: () => Promise.reject(new Error('not used')),
    signIn: () => Promise.reject(new Error('not used')),
    signOut: async () => undefined,
  });

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });

function fakeFetch(answer: () => Response): string[] {
  const asked: string[] = [];
  vi.stubGlobal('fetch', async (url: string) => {
    asked.push(url);
    return answer();
  });
  return asked;
}

const q = <T extends Element = HTMLElement>(root: ParentNode, id: string) =>
  root.querySelector<T>(`[data-testid="${id}"]`);
const all = (root: ParentNode, id: string) => [...root.querySelectorAll(`[data-testid="${id}"]`)];

/** The element, or a failed test naming what is missing. */
function need<T>(el: T | null | undefined, what: string): T {
  if (el === null || el === undefined) throw new Error(`missing: ${what}`);
  return el;
}

async function open(hash: string, navigate = vi.fn()): Promise<KnowledgePage> {
  const page = new KnowledgePage(parseRoute(hash), { navigate }, signedOut());
  document.body.replaceChildren(page.element);
  await settle(page);
  return page;
}

async function settle(page: KnowledgePage): Promise<void> {
  await vi.waitFor(() => {
    expect(q(page.element, 'knowledge-results-area')?.hasAttribute('aria-busy')).toBe(false);
    expect(q(page.element, 'knowledge-status')?.textContent).not.toBe('Loading…');
  });
}

describe('KnowledgePage', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    setLang('en', null);
  });

  it('asks for the search of the URL and shows results, total and facets', async () => {
    const asked = fakeFetch(() => json(200, SEARCH));
    const page = await open('#/knowledge?q=rickshaw&sdg=5');
    expect(asked).toEqual(['/api/v1/knowledge/cases?q=rickshaw&sdg=5&limit=20&offset=0&lang=en']);
    expect(q<HTMLInputElement>(page.element, 'knowledge-search')?.value).toBe('rickshaw');
    expect(q(page.element, 'knowledge-total')?.textContent).toBe('Cases 1 to 2 of 3');
    const first = all(page.element, 'knowledge-result')[0] as HTMLElement;
    expect(first.querySelector('a')?.getAttribute('href')).toBe(
      '#/knowledge/cases/in-up-erickshaw-safe-network',
    );
    expect(q(first, 'knowledge-result-facts')?.textContent).toBe(
      'case study · 2019 · India · SDG 5, SDG 11',
    );
    // The matched word is marked; the data's own markup stays text.
    expect(q(first, 'knowledge-result-snippet')?.innerHTML).toBe(
      "Women's e-<mark>rickshaw</mark> network &lt;b&gt;Lucknow&lt;/b&gt;",
    );
    expect(q(page.element, 'knowledge-result-status')?.textContent).toBe('draft');
    // The API counts more cases than it sent: there is a next page, and no previous one.
    expect(q(page.element, 'knowledge-next')?.getAttribute('href')).toBe(
      '#/knowledge?q=rickshaw&sdg=5&offset=20',
    );
    expect(q(page.element, 'knowledge-previous')).toBeNull();
    // Anyone may follow the search's Atom feed; following it needs signing in.
    expect(q(page.element, 'knowledge-feed-link')?.getAttribute('href')).toBe(
      '/api/v1/knowledge/feed?q=rickshaw&sdg=5&lang=en',
    );
    expect(q(page.element, 'knowledge-watch-signin')?.getAttribute('href')).toBe(
      `#/signin?next=${encodeURIComponent('#/knowledge?q=rickshaw&sdg=5')}`,
    );
    expect(q(page.element, 'knowledge-watch-form')).toBeNull();
  });

  it('toggles facets through links, shows active filters and removes them', async () => {
    fakeFetch(() => json(200, SEARCH));
    const page = await open('#/knowledge?q=rickshaw&sdg=5');
    const value = (facet: string, v: string) =>
      page.element.querySelector<HTMLAnchorElement>(
        `[data-testid="knowledge-facet-value"][data-facet="${facet}"][data-value="${v}"]`,
      );
    expect(value('sdg', '5')?.getAttribute('aria-current')).toBe('true');
    expect(value('sdg', '5')?.getAttribute('href')).toBe('#/knowledge?q=rickshaw');
    expect(value('sdg', '11')?.getAttribute('href')).toBe('#/knowledge?q=rickshaw&sdg=5&sdg=11');
    expect(value('country', 'IN')?.textContent).toBe('India (2)');
    expect(value('policy_field', 'transport')?.textContent).toBe('transport and mobility (1)');
    // A facet with no values is not drawn.
    expect(page.element.querySelector('[data-facet="strength"]')).toBeNull();
    const active = all(page.element, 'knowledge-active-filter');
    expect(active.map((a) => a.getAttribute('aria-label'))).toEqual([
      'Remove the filter Sustainable Development Goal: SDG 5',
    ]);
    expect(active[0]?.getAttribute('href')).toBe('#/knowledge?q=rickshaw');
    expect(q(page.element, 'knowledge-clear-filters')?.getAttribute('href')).toBe(
      '#/knowledge?q=rickshaw',
    );
  });

  it('follows a new route without rebuilding and searches from the form', async () => {
    const asked = fakeFetch(() => json(200, { ...SEARCH, total: 45 }));
    const navigate = vi.fn();
    const page = await open('#/knowledge', navigate);
    expect(q(page.element, 'knowledge-next')?.getAttribute('href')).toBe('#/knowledge?offset=20');
    expect(page.update(parseRoute('#/knowledge?country=IN&offset=20'))).toBe(true);
    await settle(page);
    expect(asked[1]).toBe('/api/v1/knowledge/cases?country=IN&limit=20&offset=20&lang=en');
    expect(q(page.element, 'knowledge-feed-link')?.getAttribute('href')).toBe(
      '/api/v1/knowledge/feed?country=IN&lang=en',
    );
    expect(q(page.element, 'knowledge-previous')?.getAttribute('href')).toBe(
      '#/knowledge?country=IN',
    );
    // The same search again asks nothing.
    page.update(parseRoute('#/knowledge?country=IN&offset=20'));
    expect(asked).toHaveLength(2);
    need(q<HTMLInputElement>(page.element, 'knowledge-search'), 'search').value = 'coop';
    q<HTMLFormElement>(page.element, 'knowledge-form')?.requestSubmit();
    expect(navigate).toHaveBeenCalledWith('#/knowledge?q=coop&country=IN');
    expect(page.update(parseRoute('#/map'))).toBe(false);
  });

  it('says when nothing matches', async () => {
    fakeFetch(() => json(200, { total: 0, items: [], facets: {} }));
    const page = await open('#/knowledge?q=zzz');
    expect(q(page.element, 'knowledge-none')?.textContent).toContain('No case matches');
    expect(q(page.element, 'knowledge-facets')).toBeNull();
  });

  it("shows the API's refusal and a malformed answer as errors", async () => {
    const message = "sdg: '18' is not a goal from 1 to 17";
    fakeFetch(() => json(400, { error: { code: 'invalid_argument', message, field: 'sdg' } }));
    const page = await open('#/knowledge?sdg=18');
    expect(q(page.element, 'error-message-detail')?.textContent).toBe(message);
    expect(q(page.element, 'knowledge-results')).toBeNull();

    fakeFetch(() => json(200, { items: [] }));
    const broken = await open('#/knowledge');
    expect(q(broken.element, 'error-message-detail')?.textContent).toContain(
      'not a case search: total and items are required',
    );
  });

  it('asks again in the new language', async () => {
    const asked = fakeFetch(() => json(200, SEARCH));
    const page = await open('#/knowledge?sdg=5');
    setLang('fr', null);
    page.onLanguageChange();
    await settle(page);
    expect(asked[1]).toBe('/api/v1/knowledge/cases?sdg=5&limit=20&offset=0&lang=fr');
    expect(q(page.element, 'knowledge-total')?.textContent).toBe('Cas 1 à 2 sur 3');
    expect(
      page.element.querySelector('[data-testid="knowledge-facet-value"][data-value="5"]')
        ?.textContent,
    ).toBe('ODD 5 (2)');
  });

  it('offers "Write a case" only to those who may write', async () => {
    fakeFetch(() => json(200, SEARCH));
    const page = await open('#/knowledge');
    const link = need(q<HTMLAnchorElement>(page.element, 'knowledge-write-link'), 'link');
    expect(link.getAttribute('href')).toBe('#/knowledge/new');
    expect(link.closest('p')?.hidden).toBe(true);
  });
});
