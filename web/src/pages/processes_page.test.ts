// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setLang } from '../i18n/i18n';
import { PROCESS_LIST } from '../processes.fixture';
import {
  fakeFetch,
  json,
  need,
  q,
  refusal,
  sessionWith,
  settle,
  type Asked,
} from './finance_testkit';
import { ProcessesPage } from './processes_page';

async function open(
  answer: (req: Asked) => Response,
  roles: { role: string; scope: string }[] | null,
) {
  const asked = fakeFetch(answer);
  const navigate = vi.fn();
  const session = sessionWith(roles);
  const page = new ProcessesPage(session, { navigate });
  document.body.replaceChildren(page.element);
  await session.ready();
  await settle(page.element);
  return { page, asked, navigate, el: page.element };
}

const steward = [{ role: 'steward', scope: 'network:diesis' }];

describe('ProcessesPage', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    setLang('en', null);
    document.body.replaceChildren();
  });

  it('lists each process with its current phase and counts, linking to it; no form signed out', async () => {
    const { el } = await open(() => json(200, PROCESS_LIST), null);
    const row = need(q(el, 'processes-row'), 'row');
    expect(q(row, 'processes-link')?.getAttribute('href')).toBe('#/processes/budget-2027');
    expect(q(row, 'processes-phase')?.textContent).toBe('Proposals (proposals)');
    expect([...row.querySelectorAll('td.figure')].map((c) => c.textContent)).toEqual([
      '3',
      '1',
      '2',
      '1',
    ]);
    expect(q(el, 'processes-create-form')).toBeNull();
  });

  it('lets a steward load the example and create a process, then opens it', async () => {
    const { el, asked, navigate } = await open(
      ({ method, body }) =>
        method === 'POST' ? json(201, { process: body, version: 1 }) : json(200, { items: [] }),
      steward,
    );
    expect(q(el, 'processes-none')).not.toBeNull();
    need(q<HTMLButtonElement>(el, 'processes-example'), 'example').click();
    const box = need(q<HTMLTextAreaElement>(el, 'processes-json'), 'box');
    // The steward's own account is a participant of the example, so that they can try it.
    expect(JSON.parse(box.value).participants[0]).toMatchObject({ account: 'a@example.org' });
    need(q<HTMLFormElement>(el, 'processes-create-form'), 'form').requestSubmit();
    await vi.waitFor(() => expect(navigate).toHaveBeenCalledWith('#/processes/budget-2027'));
    expect(asked.find((a) => a.method === 'POST')).toMatchObject({
      url: '/api/v1/processes',
      body: { id: 'budget-2027' },
    });
  });

  it("shows what is not JSON without sending it, and the server's refusal", async () => {
    const { el, asked } = await open(
      ({ method }) =>
        method === 'POST'
          ? refusal(400, 'invalid_argument', 'process.phases: at least one phase')
          : json(200, PROCESS_LIST),
      steward,
    );
    const box = need(q<HTMLTextAreaElement>(el, 'processes-json'), 'box');
    const form = need(q<HTMLFormElement>(el, 'processes-create-form'), 'form');
    box.value = '{"id": ';
    form.requestSubmit();
    expect(box.getAttribute('aria-invalid')).toBe('true');
    expect(q(el, 'field-error')?.textContent).toContain('This is not valid JSON');
    expect(asked.filter((a) => a.method === 'POST')).toEqual([]);
    box.value = '{"id": "x", "title": "X", "phases": []}';
    form.requestSubmit();
    await vi.waitFor(() =>
      expect(q(el, 'processes-create-error')?.textContent).toBe(
        'process.phases: at least one phase',
      ),
    );
    expect(q(el, 'field-error')?.textContent).toBe('process.phases: at least one phase');
  });
});
