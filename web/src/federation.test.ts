// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, setCsrfToken } from './api';
import { FederationPanel } from './components/federation_panel';
import {
  broughtNothing,
  federationApi,
  isSyncPeers,
  isSyncReport,
  peerUrlProblem,
  sortPeers,
  syncFailureKey,
  type SyncPeer,
  type SyncPeers,
  type SyncReport,
} from './federation';
import { setLang } from './i18n/i18n';
import { DataPage } from './pages/data_page';
import { SessionStore } from './session';
import type { Grant } from './types';

const FEED = 'http://127.0.0.1:8080/api/v1/feed';

const peer = (over: Partial<SyncPeer> = {}): SyncPeer => ({
  url: 'http://map.example.org',
  cursor: '42.17',
  last_sync: '2026-11-28T10:00:00Z',
  pulled: 1234,
  ...over,
});

const report = (over: Partial<SyncReport> = {}): SyncReport => ({
  peer: 'http://map.example.org',
  scheme: 'ecosol@map.example.org',
  pages: 2,
  pulled: 120,
  created: 100,
  updated: 5,
  matched: 3,
  removed: 2,
  unchanged: 10,
  cursor: '43.9',
  ...over,
});

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });

type Handler = (init?: RequestInit) => Response | Promise<Response>;

/**
 * Replaces fetch with one that answers GET /sync/peers with `peers()` and POST /sync with
 * `sync()`, and records every call; any other URL is a test error.
 */
function fakeFetch(peers: Handler, sync: Handler = () => json(500, {})) {
  const fetch = vi.fn<(url: string, init?: RequestInit) => Promise<Response>>(async (url, init) => {
    if (url === '/api/v1/sync/peers') return peers(init);
    if (url === '/api/v1/sync') return sync(init);
    throw new Error(`unexpected request to ${url}`);
  });
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

const peersAnswer = (items: SyncPeer[] = [peer()]): SyncPeers => ({ feed: FEED, items });

/** A session of someone holding `roles`, or of no one (null); its CSRF token goes to the API. */
function sessionOf(roles: Grant[] | null): SessionStore {
  return new SessionStore(
    {
      me: async () => {
        if (!roles) throw new ApiError(401, 'unauthenticated', 'sign in');
        return { who: 'user:u1', user: null, roles, read_only: false, csrf_token: 'csrf-7' };
      },
      signIn: async () => {
        throw new Error('not used');
      },
      signOut: async () => undefined,
    },
    setCsrfToken,
  );
}

const ADMIN: Grant[] = [{ role: 'admin', scope: '' }];

/** The panel for `roles`, once the session is known and the peers have loaded. */
async function open(roles: Grant[] | null): Promise<{ root: HTMLElement; panel: FederationPanel }> {
  const session = sessionOf(roles);
  const panel = new FederationPanel(session);
  document.body.replaceChildren(panel.element);
  await session.ready();
  await vi.waitFor(() =>
    expect(panel.element.querySelector('[data-testid="federation-loading"]')).toBeNull(),
  );
  return { root: panel.element, panel };
}

const byTestId = <T extends HTMLElement = HTMLElement>(root: ParentNode, id: string) => {
  const el = root.querySelector<T>(`[data-testid="${id}"]`);
  if (!el) throw new Error(`no [data-testid="${id}"]`);
  return el;
};

const text = (root: ParentNode, id: string) => byTestId(root, id).textContent;

function pull(root: HTMLElement, url: string): void {
  byTestId<HTMLInputElement>(root, 'sync-url').value = url;
  byTestId<HTMLButtonElement>(root, 'sync-submit').click();
}

const posts = (fetch: ReturnType<typeof fakeFetch>) =>
  fetch.mock.calls.filter(([, init]) => init?.method === 'POST');
const peerLoads = (fetch: ReturnType<typeof fakeFetch>) =>
  fetch.mock.calls.filter(([url]) => url === '/api/v1/sync/peers');

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

describe('isSyncPeers and isSyncReport', () => {
  it('take the documented answers', () => {
    expect(isSyncPeers(peersAnswer())).toBe(true);
    expect(isSyncPeers(peersAnswer([]))).toBe(true);
    expect(isSyncPeers(peersAnswer([peer({ last_sync: '', cursor: '', pulled: 0 })]))).toBe(true);
    expect(isSyncReport(report())).toBe(true);
  });

  it('refuse what is not', () => {
    expect(isSyncPeers(null)).toBe(false);
    expect(isSyncPeers({ items: [] })).toBe(false);
    expect(isSyncPeers({ feed: FEED, items: {} })).toBe(false);
    expect(isSyncPeers({ feed: FEED, items: [{ url: 'x', cursor: '', last_sync: '' }] })).toBe(
      false,
    );
    expect(isSyncPeers({ feed: FEED, items: [peer({ pulled: -1 })] })).toBe(false);
    expect(isSyncReport({ ...report(), matched: undefined })).toBe(false);
    expect(isSyncReport({ ...report(), created: '3' })).toBe(false);
    expect(isSyncReport({ ...report(), scheme: 1 })).toBe(false);
    expect(isSyncReport([report()])).toBe(false);
  });
});

describe('peerUrlProblem', () => {
  it('asks for an address', () => {
    expect(peerUrlProblem('')).toBe('federation.urlRequired');
    expect(peerUrlProblem('   ')).toBe('federation.urlRequired');
  });

  it('asks for an http(s) address with a host', () => {
    expect(peerUrlProblem('map.example.org')).toBe('federation.urlScheme');
    expect(peerUrlProblem('ftp://map.example.org')).toBe('federation.urlScheme');
    expect(peerUrlProblem('http://')).toBe('federation.urlScheme');
    expect(peerUrlProblem('javascript:alert(1)')).toBe('federation.urlScheme');
  });

  it('lets the server judge the rest', () => {
    expect(peerUrlProblem('http://127.0.0.1:1')).toBeNull();
    expect(peerUrlProblem(' https://map.example.org/api/v1/feed ')).toBeNull();
    expect(peerUrlProblem('HTTP://Map.Example.org')).toBeNull();
  });
});

describe('sortPeers', () => {
  it('lists the most recently pulled first, never-pulled ones last by address', () => {
    const peers = [
      peer({ url: 'http://b', last_sync: '' }),
      peer({ url: 'http://old', last_sync: '2025-01-02T00:00:00Z' }),
      peer({ url: 'http://a', last_sync: '' }),
      peer({ url: 'http://new', last_sync: '2026-03-01T08:00:00Z' }),
    ];
    expect(sortPeers(peers).map((p) => p.url)).toEqual([
      'http://new',
      'http://old',
      'http://a',
      'http://b',
    ]);
    expect(peers[0]?.url).toBe('http://b');
  });
});

describe('broughtNothing and syncFailureKey', () => {
  it('tells a pull that changed nothing', () => {
    expect(broughtNothing(report())).toBe(false);
    expect(
      broughtNothing(report({ created: 0, updated: 0, matched: 0, removed: 0, unchanged: 7 })),
    ).toBe(true);
    expect(broughtNothing(report({ created: 0, updated: 0, matched: 0, removed: 1 }))).toBe(false);
  });

  it('names the kind of failure from the status', () => {
    expect(syncFailureKey(503)).toBe('federation.failedUnreachable');
    expect(syncFailureKey(400)).toBe('federation.failedRefused');
    expect(syncFailureKey(404)).toBe('federation.failedRefused');
    expect(syncFailureKey(401)).toBe('federation.failedForbidden');
    expect(syncFailureKey(403)).toBe('federation.failedForbidden');
    expect(syncFailureKey(0)).toBe('federation.failedNetwork');
    expect(syncFailureKey(500)).toBe('federation.failedOther');
  });
});

describe('federationApi', () => {
  it('reads the peers and posts the URL to pull, with the CSRF token', async () => {
    const fetch = fakeFetch(
      () => json(200, peersAnswer()),
      () => json(200, report()),
    );
    setCsrfToken('csrf-9');
    await expect(federationApi.peers()).resolves.toEqual(peersAnswer());
    await expect(federationApi.sync('http://map.example.org')).resolves.toEqual(report());
    const [url, init] = posts(fetch)[0] ?? [];
    expect(url).toBe('/api/v1/sync');
    expect(JSON.parse(String(init?.body))).toEqual({ url: 'http://map.example.org' });
    expect((init?.headers as Record<string, string>)['X-CSRF-Token']).toBe('csrf-9');
  });
});

describe('FederationPanel for everyone', () => {
  beforeEach(() => vi.restoreAllMocks());

  it('shows the feed URL and the peers to an anonymous visitor, with no form', async () => {
    fakeFetch(() =>
      json(
        200,
        peersAnswer([
          peer({ url: 'http://old.example.org', last_sync: '2025-01-02T09:30:00Z', pulled: 7 }),
          peer(),
          peer({ url: 'http://never.example.org', last_sync: '', cursor: '', pulled: 0 }),
        ]),
      ),
    );
    const { root } = await open(null);
    expect(text(root, 'federation-feed-url')).toBe(FEED);
    expect(byTestId(root, 'federation-feed-url').closest('a')?.getAttribute('href')).toBe(FEED);
    const rows = [...root.querySelectorAll('[data-testid="federation-peer"]')].map((tr) =>
      [...tr.children].map((cell) => cell.textContent),
    );
    expect(rows).toEqual([
      ['http://map.example.org', 'Nov 28, 2026, 10:00 AM', '1,234'],
      ['http://old.example.org', 'Jan 2, 2025, 9:30 AM', '7'],
      ['http://never.example.org', 'Never', '0'],
    ]);
    const prompt = byTestId(root, 'federation-signin');
    expect(prompt.textContent).toContain('Sign in as an admin or an instance-wide steward');
    expect(prompt.querySelector('a')?.getAttribute('href')).toContain('data');
    expect(root.querySelector('[data-testid="sync-form"]')).toBeNull();
  });

  it('says when this instance pulls from no one', async () => {
    fakeFetch(() => json(200, peersAnswer([])));
    const { root } = await open(null);
    expect(text(root, 'federation-no-peers')).toBe(
      'This instance has not pulled from any other yet.',
    );
    expect(root.querySelector('[data-testid="federation-peers-table"]')).toBeNull();
  });

  it('says why the peers could not be loaded', async () => {
    fakeFetch(() => json(500, { error: { code: 'internal', message: 'database is locked' } }));
    const { root } = await open(null);
    const error = byTestId(root, 'federation-error');
    expect(error.getAttribute('role')).toBe('alert');
    expect(error.textContent).toContain('could not be loaded');
    expect(error.textContent).toContain('database is locked');
  });

  it('refuses an answer that is not the list of peers', async () => {
    fakeFetch(() => json(200, { feed: FEED }));
    const { root } = await open(null);
    expect(text(root, 'federation-error')).toContain('not the list of peers');
  });

  it('tells someone without the role which roles may pull', async () => {
    fakeFetch(() => json(200, peersAnswer()));
    const { root } = await open([{ role: 'steward', scope: 'network:diesis' }]);
    expect(text(root, 'federation-forbidden')).toContain(
      'admin role, or the steward role over the whole instance',
    );
    expect(root.querySelector('[data-testid="sync-form"]')).toBeNull();
    expect(text(root, 'federation-feed-url')).toBe(FEED);
  });

  it.each([
    ['an admin', ADMIN],
    ['an instance-wide steward', [{ role: 'steward', scope: '' }] as Grant[]],
  ])('shows the form to %s, its field labelled', async (_who, roles) => {
    fakeFetch(() => json(200, peersAnswer()));
    const { root } = await open(roles);
    expect(root.querySelector('[data-testid="sync-form"]')).not.toBeNull();
    expect(root.querySelector('label[for="sync-url"]')?.textContent).toBe(
      'Address of the instance',
    );
    expect(root.querySelector('[data-testid="federation-forbidden"]')).toBeNull();
  });
});

describe('FederationPanel sync form', () => {
  beforeEach(() => vi.restoreAllMocks());

  it('asks for an http address before sending anything', async () => {
    const fetch = fakeFetch(() => json(200, peersAnswer()));
    const { root } = await open(ADMIN);
    pull(root, '');
    expect(byTestId(root, 'sync-url-error').hidden).toBe(false);
    expect(text(root, 'sync-url-error')).toBe('Give the address of the instance to pull from.');
    expect(byTestId(root, 'sync-url').getAttribute('aria-invalid')).toBe('true');
    pull(root, 'map.example.org');
    expect(text(root, 'sync-url-error')).toContain('must start with http://');
    expect(posts(fetch)).toEqual([]);
    byTestId(root, 'sync-url').dispatchEvent(new Event('input'));
    expect(byTestId(root, 'sync-url-error').hidden).toBe(true);
    expect(byTestId(root, 'sync-url').hasAttribute('aria-invalid')).toBe(false);
  });

  it('is busy while the pull runs, then shows the counts and the new peers', async () => {
    let answer: (r: Response) => void = () => {};
    let pulled = false;
    const fetch = fakeFetch(
      () => json(200, peersAnswer(pulled ? [peer()] : [])),
      () => new Promise<Response>((resolve) => (answer = resolve)),
    );
    const { root } = await open(ADMIN);
    expect(root.querySelector('[data-testid="federation-no-peers"]')).not.toBeNull();
    pull(root, ' http://map.example.org ');
    const status = byTestId(root, 'sync-status');
    expect(status.getAttribute('aria-live')).toBe('polite');
    expect(status.textContent).toBe(
      'Pulling from http://map.example.org… A first pull can take a while.',
    );
    expect(byTestId(root, 'sync-form').getAttribute('aria-busy')).toBe('true');
    expect(byTestId<HTMLButtonElement>(root, 'sync-submit').disabled).toBe(true);
    expect(byTestId<HTMLInputElement>(root, 'sync-url').readOnly).toBe(true);
    byTestId<HTMLButtonElement>(root, 'sync-submit').click();
    expect(posts(fetch)).toHaveLength(1);
    expect(JSON.parse(String(posts(fetch)[0]?.[1]?.body))).toEqual({
      url: 'http://map.example.org',
    });
    expect((posts(fetch)[0]?.[1]?.headers as Record<string, string>)['X-CSRF-Token']).toBe(
      'csrf-7',
    );

    pulled = true;
    answer(json(200, report()));
    await vi.waitFor(() =>
      expect(root.querySelector('[data-testid="sync-report"]')).not.toBeNull(),
    );
    expect(text(root, 'sync-summary')).toBe(
      'Pulled from http://map.example.org: this registry is now up to date with it.',
    );
    expect(text(root, 'sync-pulled')).toBe('120');
    expect(text(root, 'sync-created')).toBe('100');
    expect(text(root, 'sync-updated')).toBe('5');
    expect(text(root, 'sync-matched')).toBe('3');
    expect(text(root, 'sync-removed')).toBe('2');
    expect(text(root, 'sync-unchanged')).toBe('10');
    expect(text(root, 'sync-report')).toContain('ecosol@map.example.org');
    expect(status.textContent).toBe('http://map.example.org: pulled.');
    expect(byTestId(root, 'sync-form').hasAttribute('aria-busy')).toBe(false);
    expect(byTestId<HTMLButtonElement>(root, 'sync-submit').disabled).toBe(false);
    expect(byTestId<HTMLInputElement>(root, 'sync-url').readOnly).toBe(false);
    await vi.waitFor(() =>
      expect(root.querySelectorAll('[data-testid="federation-peer"]')).toHaveLength(1),
    );
    expect(peerLoads(fetch)).toHaveLength(2);
  });

  it('says when a pull brought nothing new', async () => {
    fakeFetch(
      () => json(200, peersAnswer()),
      () => json(200, report({ created: 0, updated: 0, matched: 0, removed: 0, unchanged: 4 })),
    );
    const { root } = await open(ADMIN);
    pull(root, 'http://map.example.org/api/v1/feed');
    await vi.waitFor(() =>
      expect(root.querySelector('[data-testid="sync-summary"]')).not.toBeNull(),
    );
    expect(text(root, 'sync-summary')).toBe(
      'Nothing new from http://map.example.org: this registry was already up to date with it.',
    );
    expect(text(root, 'sync-unchanged')).toBe('4');
  });

  it('says plainly that a peer cannot be reached, with what the server said', async () => {
    const message = 'cannot reach http://127.0.0.1:1/api/v1/feed?limit=100 (Connection)';
    const fetch = fakeFetch(
      () => json(200, peersAnswer()),
      () => json(503, { error: { code: 'unavailable', message } }),
    );
    const { root } = await open(ADMIN);
    pull(root, 'http://127.0.0.1:1');
    await vi.waitFor(() => expect(root.querySelector('[data-testid="sync-error"]')).not.toBeNull());
    const error = byTestId(root, 'sync-error');
    expect(error.getAttribute('role')).toBe('alert');
    expect(error.textContent).toContain('The instance at http://127.0.0.1:1 could not be reached.');
    expect(text(root, 'sync-error-detail')).toBe(`The server said: ${message}`);
    expect(text(root, 'sync-status')).toBe('http://127.0.0.1:1: the pull failed.');
    expect(root.querySelector('[data-testid="sync-report"]')).toBeNull();
    expect(byTestId<HTMLButtonElement>(root, 'sync-submit').disabled).toBe(false);
    // Pages before a failing one are kept: the peers are read again.
    await vi.waitFor(() => expect(peerLoads(fetch)).toHaveLength(2));
  });

  it('says that a page or an item was refused, naming it', async () => {
    const message =
      "http://map.example.org/api/v1/feed?limit=100: item 2 (id 'b1'): kind: 'spaceship' is not one of ...";
    fakeFetch(
      () => json(200, peersAnswer()),
      () => json(400, { error: { code: 'invalid_argument', message } }),
    );
    const { root } = await open(ADMIN);
    pull(root, 'http://map.example.org');
    await vi.waitFor(() => expect(root.querySelector('[data-testid="sync-error"]')).not.toBeNull());
    expect(text(root, 'sync-error')).toContain('The pull from http://map.example.org stopped');
    expect(text(root, 'sync-error-detail')).toContain("item 2 (id 'b1')");
  });

  it('says when this server cannot be reached', async () => {
    fakeFetch(
      () => json(200, peersAnswer()),
      () => Promise.reject(new TypeError('Failed to fetch')),
    );
    const { root } = await open(ADMIN);
    pull(root, 'http://map.example.org');
    await vi.waitFor(() => expect(root.querySelector('[data-testid="sync-error"]')).not.toBeNull());
    expect(text(root, 'sync-error')).toContain('This server could not be reached');
    expect(root.querySelector('[data-testid="sync-error-detail"]')).toBeNull();
  });

  it('redraws the report and the peers in the new language', async () => {
    fakeFetch(
      () => json(200, peersAnswer()),
      () => json(200, report({ created: 1200 })),
    );
    const { root, panel } = await open(ADMIN);
    pull(root, 'http://map.example.org');
    await vi.waitFor(() =>
      expect(root.querySelector('[data-testid="sync-report"]')).not.toBeNull(),
    );
    setLang('fr', null);
    try {
      panel.onLanguageChange();
      expect(text(root, 'sync-summary')).toBe(
        'Récupéré depuis http://map.example.org : ce registre est maintenant à jour avec elle.',
      );
      expect(text(root, 'sync-status')).toBe('http://map.example.org : récupéré.');
      expect(text(root, 'sync-created')).toBe('1\u202f200');
      expect(root.querySelector('th')?.textContent).toBe('Instance');
      expect(root.querySelector('[data-testid="federation-peer"] td')?.textContent).toBe(
        '28 nov. 2026, 10:00',
      );
    } finally {
      setLang('en', null);
    }
  });
});

describe('DataPage federation', () => {
  beforeEach(() => vi.restoreAllMocks());

  it('shows the federation panel after the import, and keeps the form across refreshes', async () => {
    fakeFetch(() => json(200, peersAnswer()));
    const session = sessionOf(ADMIN);
    const page = new DataPage(session);
    document.body.replaceChildren(page.element);
    await session.ready();
    await vi.waitFor(() =>
      expect(page.element.querySelector('[data-testid="sync-form"]')).not.toBeNull(),
    );
    const panels = [...page.element.querySelectorAll('section.panel')].map((s) =>
      s.getAttribute('data-testid'),
    );
    expect(panels).toEqual(['data-export', 'data-import', 'data-federation']);
    await vi.waitFor(() => expect(text(page.element, 'federation-feed-url')).toBe(FEED));
    byTestId<HTMLInputElement>(page.element, 'sync-url').value = 'http://typed.example.org';
    page.onSessionChange();
    expect(byTestId<HTMLInputElement>(page.element, 'sync-url').value).toBe(
      'http://typed.example.org',
    );
    page.destroy();
  });
});
