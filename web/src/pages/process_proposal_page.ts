// A proposal of a participatory process (#/processes/{id}/proposals/{pid}): its text, its
// amendments, the comments on it and on them, the institutional responses (answer, deadline,
// justification, "overdue" when a pending one is past its deadline) and the accountability
// results that answer it (GET .../proposals/{pid}). Those who take part amend it (during a
// "proposals" or "deliberation" phase) and comment on it; conveners record a response and a
// result. Each form's outcome is announced above the sections, then the proposal is read again.

import '../styles/decide.css';
import '../styles/processes.css';
import { apiRefusal } from '../components/api_refusal';
import { notice } from '../components/form_field';
import {
  amendmentForm,
  commentForm,
  responseForm,
  resultForm,
  type ProcessForm,
} from '../components/process_forms';
import {
  answerLabel,
  day,
  emptyLine,
  overdueBadge,
  processSection,
  resultsList,
} from '../components/process_views';
import { badge } from '../components/finance_common';
import { h } from '../dom';
import { formatDate } from '../format';
import { getLang, t, translateTree, type MessageKey } from '../i18n/i18n';
import {
  processApi,
  type InstitutionalResponse,
  type ItemKind,
  type Me,
  type ProcessView,
  type ProposalView,
} from '../processes';
import { PROCESSES_HREF, processHref, processProposalHref, type Route } from '../router';
import type { SessionStore } from '../session';
import type { Page } from './page';
import { isConvener } from './process_page';

const NOBODY: Me = { participants: [], convener: false };

function responseItem(r: InstitutionalResponse): HTMLElement {
  const tone = r.answer === 'rejected' ? 'bad' : r.answer === 'pending' ? 'partial' : 'good';
  return h(
    'li',
    { testId: 'process-response', attrs: { 'data-response': r.id } },
    h(
      'p',
      {},
      badge(tone, answerLabel(r.answer), 'process-answer'),
      r.overdue && ' ',
      r.overdue && overdueBadge(r.deadline),
    ),
    h('p', { text: t('process.response.byLine', { by: r.by || '–' }) }),
    h('p', {
      text: t('process.response.deadlineLine', { deadline: day(r.deadline) }),
      testId: 'process-response-deadline',
    }),
    r.answeredAt &&
      h('p', { text: t('process.response.answeredLine', { date: day(r.answeredAt) }) }),
    r.justification &&
      h(
        'blockquote',
        { className: 'process-justification', testId: 'process-response-justification' },
        r.justification,
      ),
  );
}

export class ProcessProposalPage implements Page {
  readonly element: HTMLElement;
  private readonly heading = h('h1', { i18n: 'process.proposal', attrs: { tabindex: -1 } });
  private readonly processLink: HTMLAnchorElement;
  private readonly flash = h('div', {
    attrs: { tabindex: -1, 'aria-live': 'polite' },
    testId: 'process-flash',
  });
  private readonly body = h('div', { testId: 'process-proposal-body' });
  private readonly controller = new AbortController();
  private data: { proposal: ProposalView; view: ProcessView; me: Me } | null = null;

  constructor(
    private readonly id: string,
    private readonly proposalId: string,
    private readonly session: SessionStore,
  ) {
    this.processLink = h('a', { text: id, attrs: { href: processHref(id) } });
    this.element = h(
      'article',
      {
        className: 'page process-page',
        testId: 'process-proposal-page',
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
      this.flash,
      this.body,
    );
    void this.load();
  }

  title(): string {
    return this.data?.proposal.proposal.title || t('process.proposal');
  }

  update(route: Route): boolean {
    return (
      route.page === 'process_proposal' && route.id === this.id && route.item === this.proposalId
    );
  }

  onLanguageChange(): void {
    translateTree(this.element);
    this.render();
  }

  onSessionChange(): void {
    void this.load();
  }

  destroy(): void {
    this.controller.abort();
  }

  private async load(focusFlash = false): Promise<void> {
    const signal = this.controller.signal;
    this.element.setAttribute('aria-busy', 'true');
    if (!this.data)
      this.body.replaceChildren(h('p', { className: 'status', text: t('status.loading') }));
    try {
      await this.session.ready();
      const [proposal, view, me] = await Promise.all([
        processApi.proposal(this.id, this.proposalId, signal),
        processApi.get(this.id, signal),
        processApi.me(this.id, signal).catch(() => NOBODY),
      ]);
      if (signal.aborted) return;
      this.data = { proposal, view, me };
      this.render();
      if (focusFlash) this.flash.focus();
    } catch (error) {
      if (signal.aborted) return;
      this.body.replaceChildren(apiRefusal('process.proposal.error', error));
    } finally {
      if (!signal.aborted) this.element.removeAttribute('aria-busy');
    }
  }

  private render(): void {
    if (!this.data) return;
    const { proposal: pv, view } = this.data;
    const p = pv.proposal;
    this.heading.removeAttribute('data-i18n');
    this.heading.textContent = p.title || p.id;
    this.processLink.textContent = view.process.title || view.process.id;
    document.title = `${this.title()} · Ecosol`;
    const lang = getLang();
    this.body.replaceChildren(
      h('p', {
        text: t('process.proposal.byLine', { author: p.author }),
        testId: 'process-proposal-author',
      }),
      p.body
        ? h('p', { className: 'process-text', text: p.body, testId: 'process-proposal-text' })
        : '',
      processSection(
        'process.amendments.title',
        'process-amendments',
        pv.amendments.length === 0
          ? emptyLine('process.amendments.none', 'process-no-amendment')
          : h(
              'ul',
              { className: 'process-items' },
              ...pv.amendments.map((a) =>
                h(
                  'li',
                  { testId: 'process-amendment', attrs: { 'data-amendment': a.id } },
                  h('p', { className: 'process-text', text: a.text }),
                  h('p', {
                    className: 'hint',
                    text: t('process.item.byAt', {
                      author: a.author,
                      at: formatDate(a.at, lang) || '–',
                    }),
                  }),
                ),
              ),
            ),
      ),
      processSection(
        'process.comments.title',
        'process-comments',
        pv.comments.length === 0
          ? emptyLine('process.comments.none', 'process-no-comment')
          : h(
              'ul',
              { className: 'process-items' },
              ...pv.comments.map((c) =>
                h(
                  'li',
                  { testId: 'process-comment', attrs: { 'data-comment': c.id } },
                  h('p', { className: 'process-text', text: c.text }),
                  h('p', {
                    className: 'hint',
                    text: t('process.comment.onLine', { author: c.author, on: c.on }),
                  }),
                ),
              ),
            ),
      ),
      processSection(
        'process.responses.title',
        'process-responses',
        pv.responses.length === 0
          ? emptyLine('process.response.none', 'process-no-response')
          : h('ul', { className: 'process-items' }, ...pv.responses.map(responseItem)),
      ),
      processSection(
        'process.results.title',
        'process-proposal-results',
        resultsList(pv.results, (pid) =>
          h('a', { text: pid, attrs: { href: processProposalHref(this.id, pid) } }),
        ),
      ),
      ...this.forms(),
    );
  }

  /** The forms the caller may use, each with why another is missing. */
  private forms(): HTMLElement[] {
    if (!this.data) return [];
    const { proposal: pv, view, me } = this.data;
    const convener = isConvener(view, me, this.session);
    const authors = convener ? view.process.participants.map((x) => x.id) : me.participants;
    const ordered = [...me.participants, ...authors.filter((a) => !me.participants.includes(a))];
    const out: HTMLElement[] = [];
    const send = (kind: ItemKind, done: MessageKey) => async (doc: Record<string, unknown>) => {
      await processApi.addItem(this.id, kind, doc);
      this.flash.replaceChildren(notice(t(done), 'process-flash-done'));
      await this.load(true);
    };
    const add = (f: ProcessForm) => out.push(f.element);
    if (authors.length === 0) {
      out.push(
        h('p', {
          className: 'hint',
          i18n: 'process.proposal.notParticipant',
          testId: 'process-not-participant',
        }),
      );
    } else {
      const kind = view.phase?.kind ?? '';
      if (kind === 'proposals' || kind === 'deliberation') {
        add(amendmentForm(this.proposalId, ordered, send('amendment', 'process.amendment.done')));
      } else {
        out.push(
          h('p', {
            className: 'hint',
            i18n: 'process.amendment.closedPhase',
            testId: 'process-amendment-phase',
          }),
        );
      }
      const targets: [string, string][] = [
        [
          this.proposalId,
          t('process.comment.onProposal', { title: pv.proposal.title || this.proposalId }),
        ],
        ...pv.amendments.map((a): [string, string] => [
          a.id,
          t('process.comment.onAmendment', { id: a.id }),
        ]),
      ];
      add(commentForm(targets, ordered, send('comment', 'process.comment.done')));
    }
    if (convener) {
      add(responseForm(this.proposalId, send('response', 'process.response.done')));
      add(resultForm(this.proposalId, send('result', 'process.result.done')));
    }
    return [processSection('process.forms.title', 'process-forms', ...out)];
  }
}
