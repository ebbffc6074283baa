// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setLang } from '../i18n/i18n';
import { PROPOSAL_VIEW, processView } from '../processes.fixture';
import {
  all,
  fakeFetch,
  json,
  need,
  q,
  refusal,
  sessionWith,
  settle,
  type Asked,
} from './finance_testkit';
import { ProcessProposalPage } from './process_proposal_page';

type Me = { participants: string[]; convener: boolean };

function server(me: Me, phase: string, write: (req: Asked) => Response) {
  return (req: Asked) => {
    if (req.method === 'POST') return write(req);
    if (req.url.endsWith('/participants/me')) return json(200, me);
    if (req.url.includes('/proposals/')) return json(200, PROPOSAL_VIEW);
    return json(200, processView(phase));
  };
}

async function open(
  me: Me,
  phase = 'props',
  write: (req: Asked) => Response = () => json(201, {}),
) {
  const asked = fakeFetch(server(me, phase, write));
  const roles = me.convener
    ? [{ role: 'steward', scope: 'network:diesis' }]
    : [{ role: 'member', scope: 'actor:coop-a' }];
  const page = new ProcessProposalPage('budget-2027', 'p1', sessionWith(roles));
  document.body.replaceChildren(page.element);
  await settle(page.element);
  return { page, asked, el: page.element };
}

const posts = (asked: Asked[]) => asked.filter((a) => a.method === 'POST');
const fill = (root: HTMLElement, id: string, value: string) => {
  need(q<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>(root, id), id).value = value;
};

describe('ProcessProposalPage', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    setLang('en', null);
    document.body.replaceChildren();
  });

  it('shows the proposal, its amendments, comments and the overdue response', async () => {
    const { el } = await open({ participants: ['ben'], convener: false });
    expect(el.querySelector('h1')?.textContent).toBe('A community garden');
    expect(q(el, 'process-proposal-text')?.textContent).toBe('Plant it by the school.');
    expect(all(el, 'process-amendment').map((a) => a.dataset.amendment)).toEqual(['a1']);
    expect(q(el, 'process-comment')?.textContent).toContain('Yes please.');
    const response = need(q(el, 'process-response'), 'response');
    expect(q(response, 'process-answer')?.textContent).toContain('Pending');
    expect(q(response, 'process-overdue')?.textContent).toContain('March 1, 2027');
    expect(q(response, 'process-response-deadline')?.textContent).toBe('Deadline: March 1, 2027');
    expect(q(el, 'process-no-result')).not.toBeNull();
    // A participant amends and comments; only conveners answer.
    expect(q(el, 'process-amendment-form')).not.toBeNull();
    expect(q(el, 'process-comment-form')).not.toBeNull();
    expect(q(el, 'process-response-form')).toBeNull();
    expect(q(el, 'process-result-form')).toBeNull();
  });

  it('sends an amendment and a comment on an amendment as the participant', async () => {
    const { el, asked } = await open({ participants: ['ben'], convener: false });
    fill(el, 'process-amendment-text', 'Add benches.');
    need(q<HTMLFormElement>(el, 'process-amendment-form'), 'amend').requestSubmit();
    await vi.waitFor(() =>
      expect(q(el, 'process-flash-done')?.textContent).toBe('Your amendment was recorded.'),
    );
    await settle(el);
    const on = need(q<HTMLSelectElement>(el, 'process-comment-on'), 'on');
    expect([...on.options].map((o) => o.textContent)).toEqual([
      'The proposal: A community garden',
      'The amendment a1',
    ]);
    fill(el, 'process-comment-on', 'a1');
    fill(el, 'process-comment-text', 'Good idea.');
    need(q<HTMLFormElement>(el, 'process-comment-form'), 'comment').requestSubmit();
    await vi.waitFor(() => expect(posts(asked)).toHaveLength(2));
    expect(posts(asked)).toEqual([
      {
        method: 'POST',
        url: '/api/v1/processes/budget-2027/items/amendment',
        body: { proposal: 'p1', text: 'Add benches.', author: 'ben' },
      },
      {
        method: 'POST',
        url: '/api/v1/processes/budget-2027/items/comment',
        body: { on: 'a1', text: 'Good idea.', author: 'ben' },
      },
    ]);
  });

  it('offers no amendment outside the proposals and deliberation phases', async () => {
    const { el } = await open({ participants: ['ben'], convener: false }, 'vote');
    expect(q(el, 'process-amendment-form')).toBeNull();
    expect(q(el, 'process-amendment-phase')).not.toBeNull();
    expect(q(el, 'process-comment-form')).not.toBeNull();
  });

  it('requires a justification unless the response is pending, then shows a 400 under its field', async () => {
    const { el, asked } = await open({ participants: [], convener: true }, 'props', () =>
      refusal(400, 'invalid_argument', "response.deadline: '2027-02-30' is not a day (YYYY-MM-DD)"),
    );
    const form = need(q<HTMLFormElement>(el, 'process-response-form'), 'response form');
    fill(form, 'process-response-by', 'City council');
    fill(form, 'process-response-answer', 'rejected');
    fill(form, 'process-response-deadline', '2027-04-01');
    form.requestSubmit();
    const why = need(q<HTMLTextAreaElement>(form, 'process-response-justification'), 'why');
    expect(why.getAttribute('aria-invalid')).toBe('true');
    expect(q(form, 'field-error')?.textContent).toContain('needs a justification');
    expect(document.activeElement).toBe(why);
    expect(posts(asked)).toEqual([]);

    why.value = 'The site is already planned for housing.';
    form.requestSubmit();
    await vi.waitFor(() =>
      expect(q(form, 'process-response-form-error')?.textContent).toBe(
        "response.deadline: '2027-02-30' is not a day (YYYY-MM-DD)",
      ),
    );
    const deadline = need(q(form, 'process-response-deadline'), 'deadline');
    expect(deadline.getAttribute('aria-invalid')).toBe('true');
    expect(posts(asked)[0]?.body).toEqual({
      proposal: 'p1',
      by: 'City council',
      answer: 'rejected',
      deadline: '2027-04-01',
      justification: 'The site is already planned for housing.',
    });
  });

  it('sends a pending response without a justification, and a result with its progress', async () => {
    const { el, asked } = await open({ participants: [], convener: true });
    let form = need(q<HTMLFormElement>(el, 'process-response-form'), 'response form');
    fill(form, 'process-response-by', 'City council');
    fill(form, 'process-response-deadline', '2027-04-01');
    form.requestSubmit();
    await vi.waitFor(() => expect(posts(asked)).toHaveLength(1));
    expect(posts(asked)[0]?.body).toEqual({
      proposal: 'p1',
      by: 'City council',
      answer: 'pending',
      deadline: '2027-04-01',
    });
    await settle(el);
    form = need(q<HTMLFormElement>(el, 'process-result-form'), 'result form');
    fill(form, 'process-result-title', 'Garden planted');
    fill(form, 'process-result-progress', '140');
    form.requestSubmit();
    expect(q(form, 'field-error')?.textContent).toBe('Give a percentage from 0 to 100.');
    fill(form, 'process-result-status', 'done');
    fill(form, 'process-result-progress', '100');
    form.requestSubmit();
    await vi.waitFor(() => expect(posts(asked)).toHaveLength(2));
    expect(posts(asked)[1]).toEqual({
      method: 'POST',
      url: '/api/v1/processes/budget-2027/items/result',
      body: { title: 'Garden planted', proposals: ['p1'], status: 'done', progress: 100 },
    });
  });
});
