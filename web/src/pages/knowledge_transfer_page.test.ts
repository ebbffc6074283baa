// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setLang } from '../i18n/i18n';
import { ANALYSIS, CASE_ID, CASE_RECORD, FRAMEWORK, SEARCH } from '../knowledge.fixture';
import { parseRoute } from '../router';
import { KnowledgeTransferPage } from './knowledge_transfer_page';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });

type Asked = { method: string; url: string; body: unknown };

function fakeFetch(transfer: () => Response = () => json(200, ANALYSIS)): Asked[] {
  const asked: Asked[] = [];
  vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
    const body = init?.body ? JSON.parse(String(init.body)) : null;
    asked.push({ method: init?.method ?? 'GET', url, body });
    if (url.includes('/context-framework')) return json(200, FRAMEWORK);
    if (url.endsWith('/transfer')) return transfer();
    if (url.includes('/cases?')) return json(200, SEARCH);
    return json(200, CASE_RECORD);
  });
  return asked;
}

const q = <T extends Element = HTMLElement>(root: ParentNode, id: string) =>
  root.querySelector<T>(`[data-testid="${id}"]`);

/** The element, or a failed test naming what is missing. */
function need<T>(el: T | null | undefined, what: string): T {
  if (el === null || el === undefined) throw new Error(`missing: ${what}`);
  return el;
}
const control = <T extends HTMLElement>(page: KnowledgeTransferPage, feature: string) =>
  need(
    page.element.querySelector<T>(`[data-testid="context-feature"][data-feature="${feature}"]`),
    feature,
  );

async function open(hash: string, navigate = vi.fn()): Promise<KnowledgeTransferPage> {
  const page = new KnowledgeTransferPage(parseRoute(hash), { navigate });
  document.body.replaceChildren(page.element);
  await vi.waitFor(() => expect(q(page.element, 'context-form')).not.toBeNull());
  return page;
}

async function analyse(page: KnowledgeTransferPage): Promise<void> {
  q<HTMLFormElement>(page.element, 'transfer-form')?.requestSubmit();
  await vi.waitFor(() => {
    expect(q(page.element, 'transfer-result-panel')?.hasAttribute('aria-busy')).toBe(false);
    expect(q(page.element, 'transfer-status')?.textContent).not.toBe('Loading…');
  });
}

describe('KnowledgeTransferPage', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    setLang('en', null);
  });

  it('builds the context form from the catalogue, with unknown as every default', async () => {
    fakeFetch();
    const page = await open(`#/knowledge/transfer?case=${CASE_ID}`);
    await vi.waitFor(() => expect(q(page.element, 'transfer-chosen-case')).not.toBeNull());
    expect(q(page.element, 'transfer-chosen-case')?.textContent).toBe(
      "Women's e-rickshaw safe transport network",
    );
    expect(q<HTMLFormElement>(page.element, 'transfer-case-form')?.hidden).toBe(true);
    const legends = [...page.element.querySelectorAll('[data-testid="context-domain"] > legend')];
    expect(legends.map((l) => l.textContent)).toEqual([
      'Socio-cultural',
      'Socio-economic',
      'Legal',
    ]);
    const trust = control<HTMLSelectElement>(page, 'trust');
    expect([...trust.options].map((o) => [o.value, o.text])).toEqual([
      ['', 'unknown'],
      ['low', 'low'],
      ['medium', 'medium'],
      ['high', 'high'],
    ]);
    expect(trust.value).toBe('');
    expect(document.getElementById(trust.getAttribute('aria-describedby') ?? '')?.textContent).toBe(
      'How far do people trust each other?',
    );
    const bool = control<HTMLSelectElement>(page, 'multi_function_organisations');
    expect([...bool.options].map((o) => o.value)).toEqual(['', 'true', 'false']);
    expect(control<HTMLInputElement>(page, 'population').type).toBe('number');
    expect(page.element.querySelectorAll('[data-testid="context-option"]')).toHaveLength(2);
  });

  it('sends the known values only and reads the analysis in words, never as a score', async () => {
    const asked = fakeFetch();
    const page = await open(`#/knowledge/transfer?case=${CASE_ID}`);
    await vi.waitFor(() => expect(q(page.element, 'transfer-chosen-case')).not.toBeNull());
    need(q<HTMLInputElement>(page.element, 'context-name'), 'context-name').value = 'A city';
    control<HTMLSelectElement>(page, 'multi_function_organisations').value = 'false';
    control<HTMLInputElement>(page, 'informal_share').value = '60 %';
    need(
      page.element.querySelector<HTMLInputElement>(
        '[data-testid="context-option"][value="cooperative"]',
      ),
      'cooperative',
    ).click();
    await analyse(page);
    expect(asked.find((a) => a.method === 'POST')).toEqual({
      method: 'POST',
      url: '/api/v1/knowledge/transfer',
      body: {
        case: CASE_ID,
        lang: 'en',
        context: {
          name: 'A city',
          socio_cultural: { multi_function_organisations: false },
          socio_economic: { informal_share: 0.6 },
          legal: { legal_forms: ['cooperative'] },
        },
      },
    });
    const el = page.element;
    expect(q(el, 'transfer-verdict')?.dataset.verdict).toBe('redesign');
    expect(q(el, 'transfer-verdict')?.querySelector('h3')?.textContent).toBe(
      'Verdict: redesign: the model cannot work there as it is',
    );
    expect(q(el, 'transfer-judgement')?.textContent).toBe(
      'Redesign: women drivers cannot organise as they did.',
    );
    const domains = [...el.querySelectorAll('[data-testid="transfer-domain"]')].map((r) =>
      [...r.children].map((c) => c.textContent),
    );
    expect(domains).toEqual([
      ['Socio-cultural', 'unknown', 'Trust is not known.'],
      ['Legal', 'poor', 'No self-help groups.'],
    ]);
    const flag = need(q<HTMLElement>(el, 'transfer-flag'), 'flag');
    expect(flag.dataset.flag).toBe('legal_form_unavailable');
    expect([...flag.children].slice(0, 3).map((c) => c.textContent)).toEqual([
      'legal_form_unavailable',
      'high',
      'Women drivers organised in self-help groups',
    ]);
    expect(flag.textContent).toContain(
      'legal forms available: origin self-help group, cooperative, target cooperative',
    );
    expect(q(el, 'transfer-adaptation')?.textContent).toBe(
      'Women drivers organised in self-help groups: Use a cooperative instead.',
    );
    expect(q(el, 'transfer-unknown')?.textContent).toBe(
      'Women drivers organised in self-help groups · trust and social capital: How far do people trust each other?',
    );
    // No territory was named: partners are not looked for.
    expect(q(el, 'transfer-partners-block')?.textContent).toContain('Name a territory');
    expect(q(el, 'transfer-result')?.textContent).not.toMatch(/score\s*[:=]|\d+\s*\/\s*\d+/i);

    setLang('fr', null);
    page.onLanguageChange();
    expect(q(el, 'transfer-judgement')?.textContent).toBe('À repenser.');
    // The form is rebuilt in French with what was typed.
    await vi.waitFor(() =>
      expect(control<HTMLInputElement>(page, 'informal_share').value).toBe('60 %'),
    );
    expect(q<HTMLInputElement>(page.element, 'context-name')?.value).toBe('A city');
  });

  it('lists local partners when a territory is named', async () => {
    const asked = fakeFetch();
    const page = await open(`#/knowledge/transfer?case=${CASE_ID}`);
    need(q<HTMLInputElement>(page.element, 'context-territory'), 'context-territory').value =
      'IN/up';
    await analyse(page);
    expect(asked.find((a) => a.method === 'POST')?.body).toMatchObject({
      context: { territory: 'IN/up' },
    });
    expect(q(page.element, 'transfer-partner')?.querySelector('a')?.getAttribute('href')).toBe(
      '#/actors/lko-coop',
    );
    expect(q(page.element, 'transfer-partners')?.firstElementChild?.textContent).toBe(
      'For Women drivers organised in self-help groups (legal_support, training):',
    );
    expect(q(page.element, 'transfer-partner-offer')?.textContent).toBe(
      'Offers: Registering co-operatives (legal_support)',
    );
  });

  it('explains values that cannot be sent and sends nothing', async () => {
    const asked = fakeFetch();
    const page = await open(`#/knowledge/transfer?case=${CASE_ID}`);
    control<HTMLInputElement>(page, 'informal_share').value = '140%';
    q<HTMLFormElement>(page.element, 'transfer-form')?.requestSubmit();
    expect(q(page.element, 'transfer-problems')?.textContent).toContain(
      'informal share of the economy: give a share from 0 to 1',
    );
    expect(control(page, 'informal_share').getAttribute('aria-invalid')).toBe('true');
    expect(asked.some((a) => a.method === 'POST')).toBe(false);
  });

  it('finds and chooses a case when none is given', async () => {
    const asked = fakeFetch();
    const navigate = vi.fn();
    const page = await open('#/knowledge/transfer', navigate);
    q<HTMLFormElement>(page.element, 'transfer-form')?.requestSubmit();
    expect(q(page.element, 'transfer-problems')?.textContent).toBe('Choose a case first.');
    need(q<HTMLInputElement>(page.element, 'transfer-case-search'), 'transfer-case-search').value =
      'rickshaw';
    q<HTMLFormElement>(page.element, 'transfer-case-form')?.requestSubmit();
    await vi.waitFor(() => expect(q(page.element, 'transfer-choose')).not.toBeNull());
    expect(asked.some((a) => a.url.startsWith('/api/v1/knowledge/cases?q=rickshaw&limit=10'))).toBe(
      true,
    );
    q<HTMLButtonElement>(page.element, 'transfer-choose')?.click();
    expect(navigate).toHaveBeenCalledWith(`#/knowledge/transfer?case=${CASE_ID}`);
    expect(page.update(parseRoute(`#/knowledge/transfer?case=${CASE_ID}`))).toBe(true);
    await vi.waitFor(() => expect(q(page.element, 'transfer-chosen-case')).not.toBeNull());
  });

  it("shows the API's refusal of an analysis", async () => {
    fakeFetch(() =>
      json(400, { error: { code: 'invalid_argument', message: "context: 'x' is not a domain" } }),
    );
    const page = await open(`#/knowledge/transfer?case=${CASE_ID}`);
    await analyse(page);
    expect(q(page.element, 'error-message-detail')?.textContent).toBe(
      "context: 'x' is not a domain",
    );
    expect(q(page.element, 'transfer-result')).toBeNull();
  });
});
