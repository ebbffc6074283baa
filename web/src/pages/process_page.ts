// A participatory process (#/processes/{id}): its phases in order with the current one marked,
// its organisations and participants, its proposals with their institutional responses, a form
// to make a proposal (during a "proposals" phase, for those who take part), its decisions with
// their status, turnout and winners, its draws by lot, its accountability results, and the head
// of its hash-chained log with a button that verifies the whole process and shows the report.
// Conveners (stewards, admins and the accounts the process names) also get a control moving the
// phase, a "Close" button and an "Enter paper results" button on each open decision, a form
// opening a decision (during a "decision" phase) and a form drawing by lot
// (process_convener_forms.ts). Who the caller takes part as comes from
// GET .../participants/me. Every action's outcome, or the server's refusal, is announced in one
// place above the sections.

import '../styles/decide.css';
import '../styles/processes.css';
import { apiRefusal } from '../components/api_refusal';
import { notice } from '../components/form_field';
import { ConvenerTools } from '../components/process_convener_forms';
import { proposalForm } from '../components/process_forms';
import {
  decisionsTable,
  emptyLine,
  hashBox,
  participantsTable,
  phaseKindLabel,
  phaseList,
  processSection,
  proposalsTable,
  resultsList,
  sortitionsList,
  verifyReportView,
} from '../components/process_views';
import { h, option } from '../dom';
import { t, translateTree, type MessageKey } from '../i18n/i18n';
import { processApi, type DecisionRow, type Me, type ProcessView } from '../processes';
import { actorHref, PROCESSES_HREF, processProposalHref, type Route } from '../router';
import type { SessionStore } from '../session';
import type { Page } from './page';

const NOBODY: Me = { participants: [], convener: false };

/** True when the caller runs the process: a steward or admin, or an account it names. */
export function isConvener(view: ProcessView, me: Me, session: SessionStore): boolean {
  if (me.convener) return true;
  const user = session.current?.user;
  if (!user || session.current?.readOnly) return false;
  return view.process.conveners.some((a) => a === user.id || a === user.email);
}

export class ProcessPage implements Page {
  readonly element: HTMLElement;
  private readonly heading = h('h1', { i18n: 'process.title', attrs: { tabindex: -1 } });
  private readonly crumb = h('span', { testId: 'process-crumb' });
  private readonly flash = h('div', {
    attrs: { tabindex: -1, 'aria-live': 'polite' },
    testId: 'process-flash',
  });
  private readonly body = h('div', { testId: 'process-body' });
  private readonly verifyArea = h('div', {
    attrs: { 'aria-live': 'polite' },
    testId: 'process-verify-area',
  });
  private readonly controller = new AbortController();
  private view: ProcessView | null = null;
  private me: Me = NOBODY;
  /** A convener's forms, made anew with each reading of the process. */
  private tools: ConvenerTools | null = null;

  constructor(
    private readonly id: string,
    private readonly session: SessionStore,
  ) {
    this.element = h(
      'article',
      { className: 'page process-page', testId: 'process-page', attrs: { 'aria-busy': 'true' } },
      h(
        'nav',
        { className: 'breadcrumb', i18nAttrs: { 'aria-label': 'process.breadcrumb' } },
        h('a', { i18n: 'process.list.heading', attrs: { href: PROCESSES_HREF } }),
        ' › ',
        this.crumb,
      ),
      this.heading,
      this.flash,
      this.body,
    );
    void this.load();
  }

  title(): string {
    return this.view?.process.title || t('process.title');
  }

  update(route: Route): boolean {
    return route.page === 'process' && route.id === this.id;
  }

  onLanguageChange(): void {
    translateTree(this.element);
    this.tools?.onLanguageChange();
    this.render();
  }

  onSessionChange(): void {
    void this.load();
  }

  destroy(): void {
    this.controller.abort();
  }

  /** Reads the process and who the caller is in it; `focusFlash` after an action. */
  private async load(focusFlash = false): Promise<void> {
    const signal = this.controller.signal;
    this.element.setAttribute('aria-busy', 'true');
    if (!this.view)
      this.body.replaceChildren(h('p', { className: 'status', text: t('status.loading') }));
    try {
      await this.session.ready();
      const [view, me] = await Promise.all([
        processApi.get(this.id, signal),
        processApi.me(this.id, signal).catch(() => NOBODY),
      ]);
      if (signal.aborted) return;
      this.view = view;
      this.me = me;
      this.tools = null;
      this.render();
      if (focusFlash) this.flash.focus();
    } catch (error) {
      if (signal.aborted) return;
      this.body.replaceChildren(apiRefusal('process.error', error));
    } finally {
      if (!signal.aborted) this.element.removeAttribute('aria-busy');
    }
  }

  private render(): void {
    const view = this.view;
    if (!view) return;
    const p = view.process;
    const convener = isConvener(view, this.me, this.session);
    const tools = convener ? this.convenerTools(view) : null;
    this.heading.removeAttribute('data-i18n');
    this.heading.textContent = p.title || p.id;
    this.crumb.textContent = p.title || p.id;
    document.title = `${this.title()} · Ecosol`;
    this.body.replaceChildren(
      ...[
        p.description ? h('p', { text: p.description, testId: 'process-description' }) : null,
        processSection(
          'process.phases.title',
          'process-phases-section',
          phaseList(p.phases, p.currentPhase),
          convener ? this.phaseControl(view) : null,
        ),
        processSection(
          'process.organisations.title',
          'process-organisations',
          p.organisations.length > 0
            ? h(
                'ul',
                {},
                ...p.organisations.map((o) =>
                  h('li', {}, h('a', { text: o, attrs: { href: actorHref(o) } })),
                ),
              )
            : emptyLine('process.organisations.none', 'process-no-organisation'),
        ),
        processSection(
          'process.participants.title',
          'process-participants',
          this.youLine(convener),
          participantsTable(p.participants),
        ),
        processSection(
          'process.proposals.title',
          'process-proposals',
          proposalsTable(p.id, view.proposals),
          this.proposalArea(view, convener),
        ),
        processSection(
          'process.decisions.title',
          'process-decisions',
          decisionsTable(p.id, view.decisions, (d) =>
            tools
              ? h(
                  'div',
                  { className: 'process-row-actions' },
                  tools.paperButton(d),
                  this.closeButton(d),
                )
              : null,
          ),
          tools?.paperArea,
          tools?.openArea(),
        ),
        processSection(
          'process.sortitions.title',
          'process-sortitions',
          sortitionsList(view.sortitions),
          tools?.drawArea(),
        ),
        processSection(
          'process.results.title',
          'process-results',
          resultsList(view.results, (pid) =>
            h('a', { text: pid, attrs: { href: processProposalHref(p.id, pid) } }),
          ),
        ),
        this.logSection(view),
      ].filter((x): x is HTMLElement => x !== null),
    );
  }

  /** The convener's forms for this reading of the process (kept over a language change). */
  private convenerTools(view: ProcessView): ConvenerTools {
    this.tools ??= new ConvenerTools({
      processId: this.id,
      view,
      done: async (text) => {
        if (this.controller.signal.aborted) return;
        this.flash.replaceChildren(notice(text, 'process-flash-done'));
        await this.load(true);
      },
    });
    return this.tools;
  }

  /** Whom the caller takes part as, and whether they convene. */
  private youLine(convener: boolean): HTMLElement | null {
    const parts = this.me.participants;
    const lines: string[] = [];
    if (parts.length > 0) lines.push(t('process.you.participant', { list: parts.join(', ') }));
    if (convener) lines.push(t('process.you.convener'));
    if (lines.length === 0) return null;
    return h('p', { className: 'notice', text: lines.join(' '), testId: 'process-you' });
  }

  /** The proposal form during a "proposals" phase, for those who take part (or convene). */
  private proposalArea(view: ProcessView, convener: boolean): HTMLElement {
    const kind = view.phase?.kind ?? '';
    const authors = convener ? view.process.participants.map((x) => x.id) : this.me.participants;
    if (kind !== 'proposals') {
      return h('p', {
        className: 'hint',
        i18n: 'process.proposal.closedPhase',
        testId: 'process-proposal-phase',
      });
    }
    if (authors.length === 0) {
      return h('p', {
        className: 'hint',
        i18n: 'process.proposal.notParticipant',
        testId: 'process-proposal-who',
      });
    }
    const mine = this.me.participants.filter((x) => authors.includes(x));
    const ordered = [...mine, ...authors.filter((x) => !mine.includes(x))];
    return proposalForm(ordered, async (doc) => {
      await processApi.addItem(this.id, 'proposal', doc);
      this.say('process.proposal.done');
      await this.load(true);
    }).element;
  }

  private phaseControl(view: ProcessView): HTMLElement {
    const select = h('select', {
      attrs: { id: 'process-phase-select', name: 'phase' },
      testId: 'process-phase-select',
    });
    for (const ph of view.process.phases) {
      select.append(option(ph.id, { text: `${ph.title || ph.id} (${phaseKindLabel(ph.kind)})` }));
    }
    select.value = view.process.currentPhase;
    const button = h('button', {
      i18n: 'process.phase.move',
      attrs: { type: 'submit' },
      testId: 'process-phase-submit',
    });
    const form = h(
      'form',
      {
        className: 'process-form process-phase-form',
        i18nAttrs: { 'aria-label': 'process.phase.formLabel' },
        testId: 'process-phase-form',
      },
      h('label', { i18n: 'process.phase.moveLabel', attrs: { for: select.id } }),
      ' ',
      select,
      ' ',
      button,
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.act(
        button,
        () => processApi.setPhase(this.id, select.value),
        'process.phase.moved',
      );
    });
    return form;
  }

  private closeButton(d: DecisionRow): HTMLElement {
    const button = h('button', {
      className: 'secondary',
      i18n: 'process.decision.close',
      attrs: {
        type: 'button',
        'aria-label': t('process.decision.closeLabel', { title: d.title || d.id }),
      },
      testId: 'process-decision-close',
    });
    button.addEventListener('click', () => {
      void this.act(button, () => processApi.close(this.id, d.id), 'process.decision.closedNow');
    });
    return button;
  }

  /** Runs a convener's action with its button disabled, then says so and reloads. */
  private async act(button: HTMLButtonElement, work: () => Promise<unknown>, done: MessageKey) {
    button.disabled = true;
    this.element.setAttribute('aria-busy', 'true');
    try {
      await work();
      if (this.controller.signal.aborted) return;
      this.say(done);
      await this.load(true);
    } catch (error) {
      if (this.controller.signal.aborted) return;
      this.flash.replaceChildren(apiRefusal('process.action.error', error));
      this.flash.focus();
      this.element.removeAttribute('aria-busy');
    } finally {
      button.disabled = false;
    }
  }

  private say(key: MessageKey): void {
    this.flash.replaceChildren(notice(t(key), 'process-flash-done'));
  }

  private logSection(view: ProcessView): HTMLElement {
    const button = h('button', {
      i18n: 'process.verify.button',
      attrs: { type: 'button' },
      testId: 'process-verify',
      on: { click: () => void this.verify(button) },
    });
    return processSection(
      'process.log.title',
      'process-log',
      h('p', { i18n: 'process.log.intro' }),
      h('p', {
        text: t('process.log.entries', { n: view.log.entries }),
        testId: 'process-log-entries',
      }),
      h(
        'p',
        {},
        h('span', { i18n: 'process.log.head' }),
        ' ',
        hashBox(view.log.headHash, 'process-head-hash'),
      ),
      h('div', { className: 'form-actions' }, button),
      this.verifyArea,
    );
  }

  private async verify(button: HTMLButtonElement): Promise<void> {
    button.disabled = true;
    this.verifyArea.setAttribute('aria-busy', 'true');
    this.verifyArea.replaceChildren(
      h('p', { className: 'status', attrs: { role: 'status' }, i18n: 'process.verify.running' }),
    );
    try {
      const report = await processApi.verify(this.id, this.controller.signal);
      this.verifyArea.replaceChildren(verifyReportView(report));
    } catch (error) {
      if (this.controller.signal.aborted) return;
      this.verifyArea.replaceChildren(apiRefusal('process.verify.error', error));
    } finally {
      button.disabled = false;
      this.verifyArea.removeAttribute('aria-busy');
    }
  }
}
