// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, setCsrfToken } from '../api';
import { setLang } from '../i18n/i18n';
import { parseRoute } from '../router';
import { SessionStore } from '../session';
import { testSession } from '../session.fixture';
import { ReportPage } from './report_page';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });

/** A request the page sent to POST /api/v1/jobs. */
interface Sent {
  body: unknown;
  headers: Record<string, string>;
}

/**
 * The territory list answers with one country; the report with `report`; POST /jobs with `job`
 * (a queued job by default), the requests it got kept in `sent`.
 */
function fakeFetch(
  report: () => Response,
  job: () => Response = () => json(202, { job: { id: 'job-7', state: 'queued' } }),
) {
  const asked: string[] = [];
  const sent: Sent[] = [];
  vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
    if (url.startsWith('/api/v1/territories')) {
      return json(200, { items: [{ id: 'GB', name: 'United Kingdom' }] });
    }
    if (url === '/api/v1/jobs' && init?.method === 'POST') {
      const headers = init.headers as Record<string, string>;
      sent.push({ body: JSON.parse(String(init.body)), headers });
      return job();
    }
    asked.push(url);
    return report();
  });
  return { asked, sent };
}

const session = testSession;

const PUBLIC = () => session(false);

/** In the document, so that a click on a submit button sends its form. */
function mounted(page: ReportPage): ReportPage {
  document.body.replaceChildren(page.element);
  return page;
}

const byTestId = (root: ParentNode, id: string) => root.querySelector(`[data-testid="${id}"]`);

async function settled(page: ReportPage): Promise<void> {
  await vi.waitFor(() => expect(page.element.hasAttribute('aria-busy')).toBe(false));
}

describe('ReportPage', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    setLang('en', null);
    setCsrfToken(null);
    document.body.replaceChildren();
  });

  it('frames the HTML report without scripts and links both formats', async () => {
    const { asked } = fakeFetch(() => new Response('<html></html>', { status: 200 }));
    const page = new ReportPage(parseRoute('#/report?territory=GB&lang=fr'), PUBLIC());
    await vi.waitFor(() => expect(byTestId(page.element, 'report-frame')).not.toBeNull());
    const frame = byTestId(page.element, 'report-frame') as HTMLIFrameElement;
    expect(asked).toEqual(['/api/v1/ecosystem/report?territory=GB&lang=fr&format=html']);
    expect(frame.getAttribute('src')).toBe(asked[0]);
    expect(frame.getAttribute('sandbox')).toBe('');
    expect(frame.title).toBe('Preview of the territory report');
    expect(byTestId(page.element, 'report-pdf-link')?.getAttribute('href')).toBe(
      '/api/v1/ecosystem/report?territory=GB&lang=fr&format=pdf',
    );
    expect((byTestId(page.element, 'report-lang') as HTMLSelectElement).value).toBe('fr');
  });

  it("shows the API's message for an unknown territory, and no frame", async () => {
    fakeFetch(() => json(404, { error: { code: 'not_found', message: "no territory 'ZZ'" } }));
    const page = new ReportPage(parseRoute('#/report?territory=ZZ'), PUBLIC());
    await settled(page);
    expect(byTestId(page.element, 'report-frame')).toBeNull();
    expect(byTestId(page.element, 'report-links')?.children.length).toBe(0);
    expect(byTestId(page.element, 'error-message-detail')?.textContent).toBe("no territory 'ZZ'");
  });

  it('follows the interface language when the route names none', async () => {
    const { asked } = fakeFetch(() => new Response('<html></html>', { status: 200 }));
    const page = new ReportPage(parseRoute('#/report?territory=GB'), PUBLIC());
    await vi.waitFor(() => expect(asked.length).toBe(1));
    await settled(page);
    setLang('es', null);
    page.onLanguageChange();
    await vi.waitFor(() => expect(asked.length).toBe(2));
    expect(asked[1]).toContain('lang=es');
    expect(page.element.querySelector('h1')?.textContent).toBe('Informe territorial');
  });

  it('asks for a territory before anything else', () => {
    const { asked } = fakeFetch(() => new Response('', { status: 200 }));
    const page = new ReportPage(parseRoute('#/report'), PUBLIC());
    expect(byTestId(page.element, 'report-status')?.textContent).toBe(
      'Choose a territory to preview its report.',
    );
    expect(asked).toEqual([]);
  });

  it('asks the public to sign in to prepare a report in the background', async () => {
    const { sent } = fakeFetch(() => new Response('<html></html>', { status: 200 }));
    const page = new ReportPage(parseRoute('#/report?territory=GB&lang=fr'), PUBLIC());
    const panel = byTestId(page.element, 'report-job-panel') as HTMLElement;
    await vi.waitFor(() => expect(byTestId(panel, 'signin-required')).not.toBeNull());
    expect(panel.textContent).toContain('Sign in to prepare this in the background');
    expect(panel.querySelector('a')?.getAttribute('href')).toBe(
      '#/signin?next=%23%2Freport%3Fterritory%3DGB%26lang%3Dfr',
    );
    expect(byTestId(panel, 'report-job-start')).toBeNull();
    expect(sent).toEqual([]);
  });

  it('queues the report shown, in the format chosen, and links to the jobs page', async () => {
    const { sent } = fakeFetch(() => new Response('<html></html>', { status: 200 }));
    const page = mounted(
      new ReportPage(parseRoute('#/report?territory=GB&lang=fr'), session(true)),
    );
    const start = await vi.waitFor(() => {
      const button = byTestId(page.element, 'report-job-start');
      expect(button).not.toBeNull();
      return button as HTMLButtonElement;
    });
    await settled(page);
    expect(start.textContent).toBe('Prepare in the background');
    const format = byTestId(page.element, 'report-job-format') as HTMLSelectElement;
    expect(page.element.querySelector(`label[for="${format.id}"]`)?.textContent).toBe(
      'Format of the file',
    );
    format.value = 'pdf';
    start.click();
    const queued = await vi.waitFor(() => {
      const found = byTestId(page.element, 'report-job-queued');
      expect(found).not.toBeNull();
      return found as HTMLElement;
    });
    expect(sent).toEqual([
      {
        body: { kind: 'report', params: { territory: 'GB', lang: 'fr', format: 'pdf' } },
        headers: expect.objectContaining({ 'X-CSRF-Token': 'tok' }),
      },
    ]);
    expect(queued.textContent).toBe(
      'Job job-7 is queued: the server prepares the file in the background.',
    );
    const link = byTestId(page.element, 'report-job-jobs-link');
    expect(link?.getAttribute('href')).toBe('#/jobs');
    expect(link?.textContent).toBe('Follow it on the Background jobs page');
    expect(start.disabled).toBe(false);

    setLang('pt', null);
    page.onLanguageChange();
    expect(byTestId(page.element, 'report-job-queued')?.textContent).toBe(
      'A tarefa job-7 está em fila: o servidor prepara o ficheiro em segundo plano.',
    );
    page.destroy();
  });

  it('queues what the form shows, even before a preview', async () => {
    const { sent } = fakeFetch(() => new Response('<html></html>', { status: 200 }));
    const page = mounted(new ReportPage(parseRoute('#/report?territory=GB'), session(true)));
    await settled(page);
    const start = await vi.waitFor(() => {
      const button = byTestId(page.element, 'report-job-start');
      expect(button).not.toBeNull();
      return button as HTMLButtonElement;
    });
    (byTestId(page.element, 'report-territory') as HTMLInputElement).value = ' GB/wales ';
    (byTestId(page.element, 'report-lang') as HTMLSelectElement).value = 'es';
    start.click();
    await vi.waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]?.body).toEqual({
      kind: 'report',
      params: { territory: 'GB/wales', lang: 'es', format: 'html' },
    });
  });

  it("shows the server's message when the job is refused", async () => {
    const message = 'params: territory: give the territory to report on ("CA/QC")';
    fakeFetch(
      () => new Response('', { status: 200 }),
      () => json(400, { error: { code: 'invalid_argument', message } }),
    );
    const page = mounted(new ReportPage(parseRoute('#/report'), session(true)));
    const start = await vi.waitFor(() => {
      const button = byTestId(page.element, 'report-job-start');
      expect(button).not.toBeNull();
      return button as HTMLButtonElement;
    });
    start.click();
    await vi.waitFor(() =>
      expect(byTestId(page.element, 'report-job-error-detail')?.textContent).toBe(message),
    );
    const error = byTestId(page.element, 'report-job-error');
    expect(error?.getAttribute('role')).toBe('alert');
    expect(error?.textContent).toContain('The job could not be queued.');
    expect(byTestId(page.element, 'report-job-queued')).toBeNull();
  });

  it('offers the control once the reader signs in', async () => {
    fakeFetch(() => new Response('<html></html>', { status: 200 }));
    let signedIn = false;
    const store = new SessionStore({
      me: async () => {
        if (!signedIn) throw new ApiError(401, 'unauthenticated', 'sign in');
        return { who: 'user:usr-1', user: null, roles: [], read_only: false };
      },
      signIn: async () => {
        throw new Error('not used');
      },
      signOut: async () => undefined,
    });
    const page = new ReportPage(parseRoute('#/report?territory=GB'), store);
    await vi.waitFor(() =>
      expect(byTestId(page.element, 'report-job-panel')?.querySelector('a')).not.toBeNull(),
    );
    signedIn = true;
    await store.refresh();
    page.onSessionChange();
    expect(byTestId(page.element, 'report-job-start')).not.toBeNull();
    expect(byTestId(page.element, 'signin-required')).toBeNull();
    await settled(page);
  });
});
