// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setLang } from '../i18n/i18n';
import { parseRoute } from '../router';
import { ReportPage } from './report_page';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });

/** The territory list answers with one country; the report with `report`. */
function fakeFetch(report: () => Response) {
  const asked: string[] = [];
  vi.stubGlobal('fetch', async (url: string) => {
    if (url.startsWith('/api/v1/territories')) {
      return json(200, { items: [{ id: 'GB', name: 'United Kingdom' }] });
    }
    asked.push(url);
    return report();
  });
  return asked;
}

const byTestId = (root: ParentNode, id: string) => root.querySelector(`[data-testid="${id}"]`);

async function settled(page: ReportPage): Promise<void> {
  await vi.waitFor(() => expect(page.element.hasAttribute('aria-busy')).toBe(false));
}

describe('ReportPage', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    setLang('en', null);
  });

  it('frames the HTML report without scripts and links both formats', async () => {
    const asked = fakeFetch(() => new Response('<html></html>', { status: 200 }));
    const page = new ReportPage(parseRoute('#/report?territory=GB&lang=fr'));
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
    const page = new ReportPage(parseRoute('#/report?territory=ZZ'));
    await settled(page);
    expect(byTestId(page.element, 'report-frame')).toBeNull();
    expect(byTestId(page.element, 'report-links')?.children.length).toBe(0);
    expect(byTestId(page.element, 'error-message-detail')?.textContent).toBe("no territory 'ZZ'");
  });

  it('follows the interface language when the route names none', async () => {
    const asked = fakeFetch(() => new Response('<html></html>', { status: 200 }));
    const page = new ReportPage(parseRoute('#/report?territory=GB'));
    await vi.waitFor(() => expect(asked.length).toBe(1));
    await settled(page);
    setLang('es', null);
    page.onLanguageChange();
    await vi.waitFor(() => expect(asked.length).toBe(2));
    expect(asked[1]).toContain('lang=es');
    expect(page.element.querySelector('h1')?.textContent).toBe('Informe territorial');
  });

  it('asks for a territory before anything else', () => {
    const asked = fakeFetch(() => new Response('', { status: 200 }));
    const page = new ReportPage(parseRoute('#/report'));
    expect(byTestId(page.element, 'report-status')?.textContent).toBe(
      'Choose a territory to preview its report.',
    );
    expect(asked).toEqual([]);
  });
});
