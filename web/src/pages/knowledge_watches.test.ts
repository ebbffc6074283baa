// @vitest-environment jsdom
// Following searches from the knowledge search page: the follow form and "My watches".
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setCsrfToken } from '../api';
import { setLang } from '../i18n/i18n';
import { SEARCH, WATCHES } from '../knowledge.fixture';
import { parseRoute } from '../router';
import { SessionStore } from '../session';
import { KnowledgePage } from './knowledge_page';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });

async function signedIn(): Promise<SessionStore> {
  const s = new SessionStore(
    {
      me: async () => ({
        who: 'user:u1',
        user: null,
        roles: [{ role: 'member', scope: 'actor:cwmpas' }],
        read_only: false,
        csrf_token: 'csrf-1',
      }),
      signIn: () => Promise.reject(new Error('not used')),
      signOut: async () => undefined,
    },
    setCsrfToken,
  );
  await s.ready();
  return s;
}

type Asked = { method: string; url: string; body: unknown };

interface Answers {
  watches?: () => Response;
  follow?: (body: unknown) => Response;
  unfollow?: () => Response;
}

function fakeFetch(answers: Answers = {}): Asked[] {
  const asked: Asked[] = [];
  vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
    const method = init?.method ?? 'GET';
    const body = init?.body ? JSON.parse(String(init.body)) : null;
    asked.push({ method, url, body });
    if (url === '/api/v1/knowledge/watches' && method === 'GET') {
      return (answers.watches ?? (() => json(200, WATCHES)))();
    }
    if (url === '/api/v1/knowledge/watches' && method === 'POST') {
      const saved = { id: 'w-2', name: (body as { name: string }).name, query: body };
      return (answers.follow ?? (() => json(201, saved)))(body);
    }
    if (method === 'DELETE') {
      return (answers.unfollow ?? (() => json(200, { id: 'w-1', deleted: true })))();
    }
    return json(200, SEARCH);
  });
  return asked;
}

const q = <T extends Element = HTMLElement>(root: ParentNode, id: string) =>
  root.querySelector<T>(`[data-testid="${id}"]`);
const all = (root: ParentNode, id: string) => [
  ...root.querySelectorAll<HTMLElement>(`[data-testid="${id}"]`),
];

async function open(hash: string): Promise<KnowledgePage> {
  const page = new KnowledgePage(parseRoute(hash), { navigate: vi.fn() }, await signedIn());
  document.body.replaceChildren(page.element);
  await vi.waitFor(() => {
    expect(q(page.element, 'knowledge-results')).not.toBeNull();
    expect(q(page.element, 'knowledge-watches')?.textContent).not.toBe('Loading…');
  });
  return page;
}

describe('KnowledgePage watches', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    setLang('en', null);
  });

  it('lists my watches, each with its search, its feed and a delete button', async () => {
    fakeFetch();
    const page = await open('#/knowledge');
    const [watch] = all(page.element, 'knowledge-watch');
    expect(watch?.dataset.watch).toBe('w-1');
    expect(q(page.element, 'knowledge-watch-search')?.getAttribute('href')).toBe(
      '#/knowledge?q=rickshaw&sdg=5&sdg=11&country=IN',
    );
    expect(watch?.textContent).toContain('rickshaw · SDG 5 · SDG 11 · India');
    const feed = q<HTMLAnchorElement>(page.element, 'knowledge-watch-feed');
    expect(feed?.getAttribute('href')).toBe('/api/v1/knowledge/watches/w-1/feed?lang=en');
    expect(feed?.getAttribute('type')).toBe('application/atom+xml');
    expect(q(page.element, 'knowledge-watch-delete')?.getAttribute('aria-label')).toBe(
      'Delete the watch Rickshaws',
    );
    // An empty search has nothing to follow.
    expect(q(page.element, 'knowledge-watch-nothing')).not.toBeNull();
    expect(q(page.element, 'knowledge-watch-form')).toBeNull();
  });

  it('follows the current words and filters under the name given', async () => {
    const asked = fakeFetch();
    const page = await open('#/knowledge?q=coop&theme=food&offset=20');
    const name = q<HTMLInputElement>(page.element, 'knowledge-watch-name');
    expect(name?.placeholder).toBe('coop · food');
    if (name) name.value = 'Food co-ops';
    q<HTMLFormElement>(page.element, 'knowledge-watch-form')?.requestSubmit();
    await vi.waitFor(() => expect(q(page.element, 'knowledge-watch-saved')).not.toBeNull());
    expect(asked.find((a) => a.method === 'POST')).toEqual({
      method: 'POST',
      url: '/api/v1/knowledge/watches',
      body: { name: 'Food co-ops', q: 'coop', theme: ['food'] },
    });
    expect(q(page.element, 'knowledge-watch-saved')?.textContent).toBe(
      'You now follow Food co-ops.',
    );
    expect(all(page.element, 'knowledge-watch').map((w) => w.dataset.watch)).toEqual([
      'w-1',
      'w-2',
    ]);
  });

  it('names an unnamed watch after its search, and shows a refusal', async () => {
    const asked = fakeFetch({
      follow: () =>
        json(400, { error: { code: 'invalid_argument', message: "watch: 'colour' is unknown" } }),
    });
    const page = await open('#/knowledge?q=coop');
    q<HTMLFormElement>(page.element, 'knowledge-watch-form')?.requestSubmit();
    await vi.waitFor(() =>
      expect(q(page.element, 'knowledge-watch-error-detail')?.textContent).toBe(
        "watch: 'colour' is unknown",
      ),
    );
    expect(asked.find((a) => a.method === 'POST')?.body).toEqual({ name: 'coop', q: 'coop' });
    expect(all(page.element, 'knowledge-watch')).toHaveLength(1);
  });

  it('deletes a watch', async () => {
    const asked = fakeFetch();
    const page = await open('#/knowledge');
    q<HTMLButtonElement>(page.element, 'knowledge-watch-delete')?.click();
    await vi.waitFor(() => expect(q(page.element, 'knowledge-no-watches')).not.toBeNull());
    expect(asked.find((a) => a.method === 'DELETE')?.url).toBe('/api/v1/knowledge/watches/w-1');
    expect(q(page.element, 'knowledge-watch-deleted')?.textContent).toBe(
      'You no longer follow Rickshaws.',
    );
  });

  it('keeps a watch whose deletion was refused, and shows a broken list as an error', async () => {
    fakeFetch({ unfollow: () => json(404, { error: { code: 'not_found', message: 'no watch' } }) });
    const page = await open('#/knowledge');
    q<HTMLButtonElement>(page.element, 'knowledge-watch-delete')?.click();
    await vi.waitFor(() => expect(q(page.element, 'knowledge-watch-error')).not.toBeNull());
    expect(all(page.element, 'knowledge-watch')).toHaveLength(1);
    expect(q<HTMLButtonElement>(page.element, 'knowledge-watch-delete')?.disabled).toBe(false);

    fakeFetch({ watches: () => json(200, { watches: [] }) });
    const broken = await open('#/knowledge');
    expect(q(broken.element, 'knowledge-watches')?.textContent).toContain(
      'not a list of saved searches',
    );
  });
});
