// A decision of a participatory process (#/processes/{id}/decisions/{did}): its method, options,
// secrecy and turnout (GET .../decisions/{did}). While it is open, a caller on its roll who has
// not voted gets the ballot form of its method (ballot_form.ts), with a choice of whom to vote
// as when they take part as several participants (a person who is also an organisation's
// delegate); a cast ballot answers a receipt, shown with a "Copy" button and how to check it.
// Once closed: the result with the tally's views (decide_views.ts) and a field that checks a
// receipt against the closed ballots. Refusals (409 already voted or closed, 403 not on the roll)
// are shown with the server's message above the ballot.

import '../styles/decide.css';
import '../styles/processes.css';
import { apiRefusal } from '../components/api_refusal';
import { renderBallotForm, type Ballot, type BallotForm } from '../components/ballot_form';
import { decisionFromInput } from '../components/decide_ballot_entry';
import {
  budgetView,
  collegesView,
  roundsView,
  ruleView,
  schulzeView,
  totalsView,
} from '../components/decide_method_views';
import {
  ballotsView,
  quorumView,
  summaryView,
  thresholdView,
  type ViewContext,
} from '../components/decide_views';
import { receiptCheckForm, receiptView } from '../components/process_receipt';
import {
  hashBox,
  methodLabel,
  processSection,
  statusText,
  turnout,
} from '../components/process_views';
import type { TallyResult } from '../decide';
import { h, option } from '../dom';
import { getLang, t, translateTree } from '../i18n/i18n';
import { processApi, type DecisionView, type ProcessView, type Receipt } from '../processes';
import {
  PROCESSES_HREF,
  processHref,
  processProposalHref,
  signInHref,
  processDecisionHref,
  type Route,
} from '../router';
import type { SessionStore } from '../session';
import type { Page } from './page';
import { optionNames } from './decide_page';

/** The tally's views of a closed decision's result, as the tally page shows them. */
export function tallyViews(ctx: ViewContext, r: TallyResult): HTMLElement[] {
  return [
    summaryView(ctx, r),
    ballotsView(ctx, r),
    quorumView(ctx, r),
    thresholdView(ctx, r),
    schulzeView(ctx, r),
    roundsView(ctx, r),
    budgetView(ctx, r),
    r.pairwise || r.rounds.length > 0 || r.budget ? null : totalsView(ctx, r),
    collegesView(ctx, r),
    ruleView(r),
  ].filter((x): x is HTMLElement => x !== null);
}

/** The participants the caller may still vote as: theirs, on the roll, not voted yet. */
export function votersLeft(d: DecisionView): string[] {
  return Object.entries(d.mine)
    .filter(([id, voted]) => !voted && d.rollIds.includes(id))
    .map(([id]) => id);
}

export class ProcessDecisionPage implements Page {
  readonly element: HTMLElement;
  private readonly heading = h('h1', { i18n: 'process.decision', attrs: { tabindex: -1 } });
  private readonly processLink: HTMLAnchorElement;
  private readonly receiptArea = h('div', { testId: 'process-receipt-area' });
  private readonly errors = h('div', {
    attrs: { 'aria-live': 'polite' },
    testId: 'process-vote-errors',
  });
  private readonly body = h('div', { testId: 'process-decision-body' });
  private readonly controller = new AbortController();
  private data: { decision: DecisionView; view: ProcessView } | null = null;
  private ballot: BallotForm | null = null;
  private asSelect: HTMLSelectElement | null = null;
  private receipt: Receipt | null = null;

  constructor(
    private readonly id: string,
    private readonly decisionId: string,
    private readonly session: SessionStore,
  ) {
    this.processLink = h('a', { text: id, attrs: { href: processHref(id) } });
    this.element = h(
      'article',
      {
        className: 'page process-page',
        testId: 'process-decision-page',
        attrs: { 'aria-busy': 'true' },
      },
      h(
        'nav',
        { className: 'breadcrumb', i18nAttrs: { 'aria-label': 'process.breadcrumb' } },
        h('a', { i18n: 'process.list.heading', attrs: { href: PROCESSES_HREF } }),
        ' › ',
        this.processLink,
      ),
      this.heading,
      this.receiptArea,
      this.errors,
      this.body,
    );
    void this.load();
  }

  title(): string {
    return this.data?.decision.title || t('process.decision');
  }

  update(route: Route): boolean {
    return (
      route.page === 'process_decision' && route.id === this.id && route.item === this.decisionId
    );
  }

  onLanguageChange(): void {
    translateTree(this.element);
    if (this.receipt) this.receiptArea.replaceChildren(receiptView(this.receipt));
    this.render();
  }

  onSessionChange(): void {
    void this.load();
  }

  destroy(): void {
    this.controller.abort();
  }

  private async load(): Promise<void> {
    const signal = this.controller.signal;
    this.element.setAttribute('aria-busy', 'true');
    if (!this.data)
      this.body.replaceChildren(h('p', { className: 'status', text: t('status.loading') }));
    try {
      await this.session.ready();
      const [decision, view] = await Promise.all([
        processApi.decision(this.id, this.decisionId, signal),
        processApi.get(this.id, signal),
      ]);
      if (signal.aborted) return;
      this.data = { decision, view };
      this.render();
    } catch (error) {
      if (signal.aborted) return;
      this.body.replaceChildren(apiRefusal('process.decision.error', error));
    } finally {
      if (!signal.aborted) this.element.removeAttribute('aria-busy');
    }
  }

  private render(): void {
    if (!this.data) return;
    const { decision: d, view } = this.data;
    this.heading.removeAttribute('data-i18n');
    this.heading.textContent = d.title || d.id;
    this.processLink.textContent = view.process.title || view.process.id;
    document.title = `${this.title()} · Ecosol`;
    const names = optionNames(d.input);
    this.body.replaceChildren(
      this.facts(d, names),
      d.status === 'open' ? this.voteArea(d) : this.closedArea(d, names),
    );
  }

  private facts(d: DecisionView, names: Map<string, string>): HTMLElement {
    const method = typeof d.input.method === 'string' ? d.input.method : '';
    const options = [...names.entries()].map(([id, name]) =>
      name === id ? id : `${name} (${id})`,
    );
    return h(
      'dl',
      { className: 'process-facts', testId: 'process-decision-facts' },
      h('dt', { i18n: 'process.decision.method' }),
      h('dd', { text: methodLabel(method), testId: 'process-decision-method' }),
      h('dt', { i18n: 'process.decision.options' }),
      h('dd', { text: options.join(', ') || '–', testId: 'process-decision-options' }),
      h('dt', { i18n: 'process.decision.ballot' }),
      h('dd', {
        i18n: d.secret ? 'process.decision.secretLong' : 'process.decision.openLong',
        testId: 'process-decision-secrecy',
      }),
      h('dt', { i18n: 'process.decision.status' }),
      h('dd', { text: statusText(d.status), testId: 'process-decision-state' }),
      h('dt', { i18n: 'process.decision.turnoutHeading' }),
      h('dd', {
        text:
          d.paper > 0
            ? `${turnout(d.voted, d.roll)} ${t('process.decision.paper', { n: d.paper })}`
            : turnout(d.voted, d.roll),
        testId: 'process-decision-turnout',
      }),
      d.proposal && h('dt', { i18n: 'process.proposal' }),
      d.proposal &&
        h(
          'dd',
          {},
          h('a', { text: d.proposal, attrs: { href: processProposalHref(this.id, d.proposal) } }),
        ),
    );
  }

  /** The ballot for those who may still vote, else why there is none. */
  private voteArea(d: DecisionView): HTMLElement {
    const left = votersLeft(d);
    const why = (key: Parameters<typeof t>[0], testId: string, ...extra: (Node | string)[]) =>
      processSection(
        'process.vote.title',
        'process-vote',
        h('p', { className: 'hint', i18n: key, testId }),
        ...extra,
      );
    if (!this.session.signedIn) {
      return why(
        'process.vote.signIn',
        'process-vote-signin',
        h('a', {
          i18n: 'process.vote.signInLink',
          attrs: { href: signInHref(processDecisionHref(this.id, this.decisionId)) },
        }),
      );
    }
    if (left.length === 0) {
      const mine = Object.keys(d.mine).filter((p) => d.rollIds.includes(p));
      return mine.length > 0
        ? why('process.vote.done', 'process-vote-done')
        : why('process.vote.notOnRoll', 'process-vote-not-on-roll');
    }
    const decision = decisionFromInput(d.input);
    if (!decision) return why('process.vote.noOptions', 'process-vote-no-options');
    this.ballot = renderBallotForm(
      { ...decision, secret: d.secret },
      (b) => {
        void this.cast(b);
        return false;
      },
      { idPrefix: 'process-ballot' },
    );
    return processSection(
      'process.vote.title',
      'process-vote',
      this.voteAs(left),
      this.ballot.element,
    );
  }

  /** With several participants left, a labelled choice of whom to vote as; else who votes. */
  private voteAs(left: string[]): HTMLElement {
    this.asSelect = null;
    if (left.length === 1) {
      return h('p', {
        text: t('process.vote.asOne', { participant: left[0] ?? '' }),
        testId: 'process-vote-as-one',
      });
    }
    const select = h('select', {
      attrs: { id: 'process-vote-as', name: 'as' },
      testId: 'process-vote-as',
    });
    for (const p of left) select.append(option(p, { text: p }));
    this.asSelect = select;
    return h(
      'div',
      { className: 'form-field' },
      h('label', { i18n: 'process.vote.as', attrs: { for: select.id } }),
      select,
      h('p', { className: 'hint', i18n: 'process.vote.asHint' }),
    );
  }

  private async cast(ballot: Ballot): Promise<void> {
    const form = this.ballot?.element;
    if (!form) return;
    const left = this.data ? votersLeft(this.data.decision) : [];
    const as = this.asSelect?.value ?? (left.length === 1 ? left[0] : undefined);
    this.errors.replaceChildren();
    const buttons = [...form.querySelectorAll('button')];
    for (const b of buttons) b.disabled = true;
    form.setAttribute('aria-busy', 'true');
    try {
      const receipt = await processApi.cast(this.id, this.decisionId, ballot, as);
      if (this.controller.signal.aborted) return;
      this.receipt = receipt;
      this.receiptArea.replaceChildren(receiptView(receipt));
      await this.load();
      document.getElementById('process-receipt-title')?.focus();
    } catch (error) {
      if (this.controller.signal.aborted) return;
      this.errors.replaceChildren(apiRefusal('process.vote.error', error, 'process-vote-error'));
      this.errors.querySelector<HTMLElement>('[role="alert"]')?.setAttribute('tabindex', '-1');
      this.errors.querySelector<HTMLElement>('[role="alert"]')?.focus();
    } finally {
      for (const b of buttons) b.disabled = false;
      form.removeAttribute('aria-busy');
    }
  }

  private closedArea(d: DecisionView, names: Map<string, string>): HTMLElement {
    const ctx: ViewContext = { lang: getLang(), names };
    const check = receiptCheckForm((c) => processApi.receipt(this.id, this.decisionId, c));
    if (this.receipt) check.input.value = this.receipt.commitment;
    return h(
      'div',
      {},
      processSection(
        'process.decision.result',
        'process-decision-result',
        ...(d.result ? tallyViews(ctx, d.result) : [h('p', { i18n: 'process.decision.noResult' })]),
        h(
          'p',
          {},
          h('span', { i18n: 'process.decision.root' }),
          ' ',
          hashBox(d.merkleRoot, 'process-merkle-root'),
        ),
      ),
      check.element,
    );
  }
}
