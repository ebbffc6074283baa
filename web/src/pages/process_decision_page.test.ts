// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setLang } from '../i18n/i18n';
import { COMMITMENT, decisionView, processView } from '../processes.fixture';
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
import { ProcessDecisionPage } from './process_decision_page';

const receipt = (voter: string) => ({
  process: 'budget-2027',
  decision: 'd1',
  voter,
  commitment: COMMITMENT,
  secret: true,
  seq: 13,
});

/** A server whose decision is `status`; the caller's participants have voted as `mine` says. */
function server(
  status: 'open' | 'closed',
  mine: Record<string, boolean>,
  write: (req: Asked) => Response = (req) =>
    json(201, receipt((req.body as { as?: string }).as ?? 'ana')),
) {
  const state = { ...mine };
  return (req: Asked) => {
    if (req.method === 'POST') {
      const answer = write(req);
      const as = (req.body as { as?: string }).as ?? Object.keys(state)[0] ?? '';
      if (answer.status === 201) state[as] = true;
      return answer;
    }
    if (req.url.includes('/receipts/')) {
      return json(200, {
        decision: 'd1',
        commitment: COMMITMENT,
        included: true,
        closed: true,
        index: 1,
        tree_size: 2,
        merkle_root: 'b'.repeat(64),
        closed_seq: 14,
      });
    }
    if (req.url.includes('/decisions/')) return json(200, decisionView(status, state));
    return json(200, processView('vote'));
  };
}

async function open(answer: (req: Asked) => Response, signedIn = true) {
  const asked = fakeFetch(answer);
  const roles = signedIn ? [{ role: 'member', scope: 'actor:coop-a' }] : null;
  const page = new ProcessDecisionPage('budget-2027', 'd1', sessionWith(roles));
  document.body.replaceChildren(page.element);
  await settle(page.element);
  return { page, asked, el: page.element };
}

function choose(el: HTMLElement, value: string) {
  const radio = need(
    all(el, 'ballot-choice').find((r) => (r as HTMLInputElement).value === value),
    value,
  ) as HTMLInputElement;
  radio.click();
}

describe('ProcessDecisionPage', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    setLang('en', null);
    document.body.replaceChildren();
  });

  it('shows the method, options, secrecy and turnout, and casts a ballot for a receipt', async () => {
    const { el, asked } = await open(server('open', { ana: false }));
    expect(q(el, 'process-decision-method')?.textContent).toBe(
      'Single choice (majority, yes or no)',
    );
    expect(q(el, 'process-decision-options')?.textContent).toBe('yes, no');
    expect(q(el, 'process-decision-secrecy')?.textContent).toContain('Secret');
    expect(q(el, 'process-decision-turnout')?.textContent).toBe('1 of 3 voted');
    expect(q(el, 'process-vote-as-one')?.textContent).toBe('You vote as ana.');
    // The ballot form says the vote is secret.
    expect(q(el, 'ballot-secrecy')?.dataset.secrecy).toBe('yes');
    choose(el, 'yes');
    need(q<HTMLFormElement>(el, 'ballot-form'), 'ballot').requestSubmit();
    await vi.waitFor(() => expect(q(el, 'process-receipt')).not.toBeNull());
    expect(asked.find((a) => a.method === 'POST')).toEqual({
      method: 'POST',
      url: '/api/v1/processes/budget-2027/decisions/d1/ballots',
      body: { ballot: { choice: 'yes' }, as: 'ana' },
    });
    expect(q(el, 'process-receipt-commitment')?.textContent).toBe(COMMITMENT);
    expect(q(el, 'process-receipt-copy')?.textContent).toBe('Copy');
    expect(q(el, 'process-receipt-how')?.textContent).toContain('Once the vote is closed');
    await settle(el);
    // Voted: no more ballot, and the focus is on the receipt.
    expect(q(el, 'ballot-form')).toBeNull();
    expect(q(el, 'process-vote-done')).not.toBeNull();
    expect(document.activeElement).toBe(q(el, 'process-receipt-title'));
  });

  it('copies the receipt to the clipboard', async () => {
    const writeText = vi.fn(async () => undefined);
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    const { el } = await open(server('open', { ana: false }));
    choose(el, 'no');
    need(q<HTMLFormElement>(el, 'ballot-form'), 'ballot').requestSubmit();
    await vi.waitFor(() => expect(q(el, 'process-receipt-copy')).not.toBeNull());
    need(q<HTMLButtonElement>(el, 'process-receipt-copy'), 'copy').click();
    await vi.waitFor(() => expect(q(el, 'process-receipt-copied')?.textContent).toBe('Copied.'));
    expect(writeText).toHaveBeenCalledWith(COMMITMENT);
  });

  it('asks whom to vote as when the caller takes part as several participants', async () => {
    const { el, asked } = await open(server('open', { ana: false, 'coop-a': false }));
    const as = need(q<HTMLSelectElement>(el, 'process-vote-as'), 'vote as');
    expect([...as.options].map((o) => o.value)).toEqual(['ana', 'coop-a']);
    expect(el.querySelector(`label[for="${as.id}"]`)?.textContent).toBe('Vote as');
    as.value = 'coop-a';
    choose(el, 'yes');
    need(q<HTMLFormElement>(el, 'ballot-form'), 'ballot').requestSubmit();
    await vi.waitFor(() => expect(q(el, 'process-receipt')).not.toBeNull());
    expect(asked.find((a) => a.method === 'POST')?.body).toEqual({
      ballot: { choice: 'yes' },
      as: 'coop-a',
    });
    await settle(el);
    // Ana may still vote for herself.
    expect(q(el, 'ballot-form')).not.toBeNull();
    expect(q(el, 'process-vote-as-one')?.textContent).toBe('You vote as ana.');
  });

  it('shows the server’s message when the ballot is refused as already cast', async () => {
    const message =
      "'ana' has already voted in decision 'd1' (entry 9); a ballot cannot be changed";
    const { el } = await open(
      server('open', { ana: false }, () => refusal(409, 'conflict', message)),
    );
    choose(el, 'yes');
    need(q<HTMLFormElement>(el, 'ballot-form'), 'ballot').requestSubmit();
    await vi.waitFor(() => expect(q(el, 'process-vote-error-detail')?.textContent).toBe(message));
    expect(q(el, 'process-receipt')).toBeNull();
    // The ballot is kept, to be cast again if the refusal was passing.
    expect((all(el, 'ballot-choice')[0] as HTMLInputElement).checked).toBe(true);
  });

  it('asks a visitor to sign in, and says when the caller is not on the roll', async () => {
    let { el } = await open(server('open', {}), false);
    expect(q(el, 'process-vote-signin')).not.toBeNull();
    expect(q(el, 'ballot-form')).toBeNull();
    vi.unstubAllGlobals();
    ({ el } = await open(server('open', {})));
    expect(q(el, 'process-vote-not-on-roll')).not.toBeNull();
  });

  it('shows a closed decision’s result and checks a receipt', async () => {
    const { el, asked } = await open(server('closed', { ana: true }));
    expect(q(el, 'ballot-form')).toBeNull();
    expect(q(el, 'process-decision-state')?.textContent).toBe('Closed');
    expect(q(el, 'decide-status')?.textContent).toBe('✓ Decided.');
    expect(all(el, 'decide-winner').map((w) => w.textContent)).toEqual(['yes']);
    expect(q(el, 'process-merkle-root')?.textContent).toBe('b'.repeat(64));
    const input = need(q<HTMLInputElement>(el, 'process-check-commitment'), 'commitment');
    const form = need(q<HTMLFormElement>(el, 'process-check-form'), 'check');
    input.value = 'not a receipt';
    form.requestSubmit();
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(asked.some((a) => a.url.includes('/receipts/'))).toBe(false);
    input.value = COMMITMENT.toUpperCase();
    form.requestSubmit();
    await vi.waitFor(() => expect(q(el, 'process-check-included')).not.toBeNull());
    expect(q(el, 'process-check-included')?.textContent).toContain(
      'Included: ballot 2 of 2 counted.',
    );
    expect(asked.map((a) => a.url)).toContain(
      `/api/v1/processes/budget-2027/decisions/d1/receipts/${COMMITMENT}`,
    );
  });

  it('says when a receipt is not among the closed ballots', async () => {
    const { el } = await open((req) =>
      req.url.includes('/receipts/')
        ? json(200, {
            decision: 'd1',
            commitment: COMMITMENT,
            included: false,
            closed: true,
            tree_size: 2,
            merkle_root: 'b'.repeat(64),
          })
        : server('closed', {})(req),
    );
    need(q<HTMLInputElement>(el, 'process-check-commitment'), 'commitment').value = COMMITMENT;
    need(q<HTMLFormElement>(el, 'process-check-form'), 'check').requestSubmit();
    await vi.waitFor(() => expect(q(el, 'process-check-missing')).not.toBeNull());
    expect(q(el, 'process-check-missing')?.textContent).toContain('not among the 2 ballots');
  });
});
