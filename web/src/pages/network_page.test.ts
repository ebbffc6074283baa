// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setCsrfToken } from '../api';
import { setLang } from '../i18n/i18n';
import { parseRoute } from '../router';
import { testSession } from '../session.fixture';
import { NetworkPage } from './network_page';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });

/** An empty network: the page draws no graph (no WebGL in jsdom). */
const EMPTY_NETWORK = {
  filter: { territory: '', types: [], as_of: '', with_partners: false },
  summary: { nodes: 0, edges: 0 },
  weaving: { stage: 'scattered', reason_code: 'no_ties', reason: 'No ties.', figures: {} },
  nodes: [],
  edges: [],
};

interface Sent {
  body: unknown;
  headers: Record<string, string>;
}

/** The metrics answer with an empty network; POST /jobs with `job`, its requests kept in `sent`. */
function fakeFetch(
  job: () => Response = () => json(202, { job: { id: 'job-21', state: 'queued' } }),
) {
  const sent: Sent[] = [];
  vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
    if (url.startsWith('/api/v1/territories')) return json(200, { items: [] });
    if (url.startsWith('/api/v1/ecosystem/metrics')) return json(200, EMPTY_NETWORK);
    if (url === '/api/v1/jobs' && init?.method === 'POST') {
      sent.push({
        body: JSON.parse(String(init.body)),
        headers: init.headers as Record<string, string>,
      });
      return job();
    }
    return json(404, { error: { code: 'not_found', message: url } });
  });
  return sent;
}

const session = testSession;

const byTestId = (root: ParentNode, id: string) => root.querySelector(`[data-testid="${id}"]`);

/** The page in the document (so that its forms submit), once its network is shown. */
async function mount(hash: string, signedIn: boolean): Promise<NetworkPage> {
  const page = new NetworkPage(parseRoute(hash), session(signedIn));
  document.body.replaceChildren(page.element);
  await vi.waitFor(() => expect(page.element.hasAttribute('aria-busy')).toBe(false));
  return page;
}

async function startButton(page: NetworkPage): Promise<HTMLButtonElement> {
  return vi.waitFor(() => {
    const button = byTestId(page.element, 'network-job-start');
    expect(button).not.toBeNull();
    return button as HTMLButtonElement;
  });
}

describe('NetworkPage: measures in the background', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    setLang('en', null);
    setCsrfToken(null);
    document.body.replaceChildren();
  });

  it('asks the public to sign in, returning to the same filters', async () => {
    const sent = fakeFetch();
    const page = await mount('#/network?territory=CA/QC&with_partners=1', false);
    const panel = byTestId(page.element, 'network-job-panel') as HTMLElement;
    await vi.waitFor(() => expect(byTestId(panel, 'signin-required')).not.toBeNull());
    expect(panel.querySelector('a')?.getAttribute('href')).toBe(
      '#/signin?next=%23%2Fnetwork%3Fterritory%3DCA%252FQC%26with_partners%3D1',
    );
    expect(byTestId(page.element, 'network-job-start')).toBeNull();
    expect(sent).toEqual([]);
    page.destroy();
  });

  it('queues the measures with the page’s filters and links to the jobs page', async () => {
    const sent = fakeFetch();
    const page = await mount(
      '#/network?territory=CA/QC&type=member_of,funds&as_of=2024-06-30&with_partners=1',
      true,
    );
    const start = await startButton(page);
    expect(start.textContent).toBe('Prepare in the background');
    start.click();
    await vi.waitFor(() => expect(byTestId(page.element, 'network-job-queued')).not.toBeNull());
    expect(sent).toEqual([
      {
        body: {
          kind: 'analytics',
          params: {
            territory: 'CA/QC',
            type: 'member_of,funds',
            as_of: '2024-06-30',
            with_partners: true,
            lang: 'en',
          },
        },
        headers: expect.objectContaining({ 'X-CSRF-Token': 'tok' }),
      },
    ]);
    expect(byTestId(page.element, 'network-job-queued')?.textContent).toBe(
      'Job job-21 is queued: the server prepares the file in the background.',
    );
    expect(byTestId(page.element, 'network-job-jobs-link')?.getAttribute('href')).toBe('#/jobs');
    page.destroy();
  });

  it('takes the filters as the form shows them, in the interface language', async () => {
    const sent = fakeFetch();
    setLang('fr', null);
    const page = await mount('#/network?territory=CA/QC&type=member_of,funds', true);
    const start = await startButton(page);
    (byTestId(page.element, 'network-territory') as HTMLInputElement).value = 'GB';
    (byTestId(page.element, 'network-type-funds') as HTMLInputElement).checked = false;
    start.click();
    await vi.waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]?.body).toEqual({
      kind: 'analytics',
      params: { territory: 'GB', type: 'member_of', with_partners: false, lang: 'fr' },
    });
    page.destroy();
  });

  it("shows the server's message when the job is refused", async () => {
    const message = 'params: as_of: expected a day YYYY-MM-DD';
    fakeFetch(() => json(400, { error: { code: 'invalid_argument', message } }));
    const page = await mount('#/network', true);
    (await startButton(page)).click();
    await vi.waitFor(() =>
      expect(byTestId(page.element, 'network-job-error-detail')?.textContent).toBe(message),
    );
    expect(byTestId(page.element, 'network-job-error')?.getAttribute('role')).toBe('alert');
    page.destroy();
  });
});
