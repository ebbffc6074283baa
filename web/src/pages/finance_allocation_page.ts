// A fund's allocation (#/finance/funds/{id}/allocation): the saved allocation, if any (the
// fund's "allocation" record, GET /finance/funds/{id}); "Run allocation" asks the solver again
// without saving (POST .../allocate {"save": false}) and "Save" runs and keeps it, for stewards
// and administrators. The solver can take seconds: the page says so while it runs.

import '../styles/finance.css';
import { apiRefusal } from '../components/api_refusal';
import { allocationView } from '../components/finance_allocation_view';
import { emptyNote, financeSection } from '../components/finance_common';
import { h } from '../dom';
import { parseAllocation, type Allocation, type FundView } from '../finance';
import { financeApi } from '../finance_api';
import { formatDate } from '../format';
import { getLang, t, translateTree } from '../i18n/i18n';
import { FINANCE_HREF, financeFundHref, type Route } from '../router';
import type { SessionStore } from '../session';
import type { Page } from './page';

/** Who may save an allocation: a signed-in steward or administrator, not read-only. */
export function maySaveAllocation(session: SessionStore): boolean {
  if (!session.signedIn || session.current?.readOnly) return false;
  return session.isSteward() || session.isAdmin();
}

export class FinanceAllocationPage implements Page {
  readonly element: HTMLElement;
  private readonly heading = h('h1', { i18n: 'finance.allocation.title', attrs: { tabindex: -1 } });
  private readonly fundLink: HTMLAnchorElement;
  private readonly body = h('div', { testId: 'finance-allocation-body' });
  private readonly saved = h('div', { testId: 'finance-saved-area' });
  private readonly result = h('div', {
    testId: 'finance-run-area',
    attrs: { 'aria-live': 'polite' },
  });
  private readonly runButton = h('button', {
    i18n: 'finance.allocation.run',
    attrs: { type: 'button' },
    testId: 'finance-run',
    on: { click: () => void this.run(false) },
  });
  private readonly saveButton = h('button', {
    className: 'secondary',
    i18n: 'finance.allocation.save',
    attrs: { type: 'button' },
    testId: 'finance-save',
    on: { click: () => void this.run(true) },
  });
  private readonly saveNote = h('p', {
    className: 'hint',
    i18n: 'finance.allocation.saveNote',
    testId: 'finance-save-note',
  });
  private readonly controller = new AbortController();
  private view: FundView | null = null;
  private savedAllocation: Allocation | null = null;
  private lastRun: Allocation | null = null;

  constructor(
    private readonly id: string,
    private readonly session: SessionStore,
  ) {
    this.fundLink = h('a', { i18n: 'finance.fund.title', attrs: { href: financeFundHref(id) } });
    this.element = h(
      'article',
      {
        className: 'page finance-page finance-allocation-page',
        testId: 'finance-allocation-page',
        attrs: { 'aria-busy': 'true' },
      },
      h(
        'nav',
        { className: 'breadcrumb', i18nAttrs: { 'aria-label': 'finance.breadcrumb' } },
        h('a', { i18n: 'finance.title', attrs: { href: FINANCE_HREF } }),
        ' › ',
        this.fundLink,
      ),
      this.heading,
      h('p', { i18n: 'finance.allocation.intro' }),
      this.body,
    );
    this.showTools();
    void this.load();
  }

  title(): string {
    return this.view
      ? t('finance.allocation.titleOf', { fund: this.view.fund.name })
      : t('finance.allocation.title');
  }

  update(route: Route): boolean {
    return route.page === 'finance_allocation' && route.id === this.id;
  }

  onLanguageChange(): void {
    translateTree(this.element);
    this.render();
  }

  onSessionChange(): void {
    this.showTools();
  }

  destroy(): void {
    this.controller.abort();
  }

  private showTools(): void {
    const may = maySaveAllocation(this.session);
    this.saveButton.hidden = !may;
    this.saveNote.hidden = may;
  }

  private async load(): Promise<void> {
    const signal = this.controller.signal;
    this.body.replaceChildren(h('p', { className: 'status', text: t('status.loading') }));
    try {
      await this.session.ready();
      const view = await financeApi.fund(this.id, undefined, signal);
      if (signal.aborted) return;
      this.view = view;
      this.savedAllocation =
        view.allocation && !view.allocation.deleted ? parseAllocation(view.allocation.doc) : null;
      this.showTools();
      this.body.replaceChildren(
        h('div', { className: 'finance-actions' }, this.runButton, this.saveButton),
        this.saveNote,
        this.result,
        financeSection('finance.allocation.savedTitle', 'finance-saved', this.saved),
      );
      this.render();
    } catch (error) {
      if (signal.aborted) return;
      this.body.replaceChildren(apiRefusal('finance.fund.error', error));
    } finally {
      if (!signal.aborted) this.element.removeAttribute('aria-busy');
    }
  }

  private render(): void {
    const view = this.view;
    if (!view) return;
    const lang = getLang();
    this.heading.removeAttribute('data-i18n');
    this.heading.textContent = t('finance.allocation.titleOf', { fund: view.fund.name });
    this.fundLink.removeAttribute('data-i18n');
    this.fundLink.textContent = view.fund.name;
    document.title = `${this.title()} · Ecosol`;
    const record = view.allocation;
    if (this.savedAllocation && record) {
      this.saved.replaceChildren(
        h('p', {
          testId: 'finance-saved-when',
          text: t('finance.allocation.savedOn', {
            date: formatDate(record.at, lang),
            who: record.who || '–',
          }),
        }),
        allocationView(this.savedAllocation, view.fund.currency, lang),
      );
    } else {
      this.saved.replaceChildren(emptyNote('finance.allocation.noneSaved', 'finance-saved-none'));
    }
    if (this.lastRun) this.showRun(this.lastRun, false);
  }

  private showRun(a: Allocation, saved: boolean): void {
    const lang = getLang();
    this.result.replaceChildren(
      financeSection(
        saved ? 'finance.allocation.savedNow' : 'finance.allocation.runTitle',
        'finance-run-result',
        allocationView(a, this.view?.fund.currency ?? '', lang),
      ),
    );
  }

  /** Runs the solver (and saves its answer with `save`); says so while it works. */
  private async run(save: boolean): Promise<void> {
    this.runButton.disabled = true;
    this.saveButton.disabled = true;
    this.result.setAttribute('aria-busy', 'true');
    this.result.replaceChildren(
      h('p', {
        className: 'status finance-running',
        attrs: { role: 'status' },
        i18n: 'finance.allocation.running',
        testId: 'finance-running',
      }),
    );
    try {
      const a = await financeApi.allocate(this.id, save);
      if (this.controller.signal.aborted) return;
      this.lastRun = save ? null : a;
      if (save) {
        this.savedAllocation = a;
        if (this.view) {
          this.view = {
            ...this.view,
            allocation: {
              kind: 'allocation',
              id: this.id,
              version: (this.view.allocation?.version ?? 0) + 1,
              actorId: '',
              parent: '',
              doc: {},
              who: this.session.current?.who ?? '',
              at: new Date().toISOString(),
              deleted: false,
            },
          };
        }
        this.render();
        this.result.replaceChildren(
          h('p', {
            className: 'notice',
            attrs: { role: 'status' },
            i18n: 'finance.allocation.savedDone',
            testId: 'finance-saved-done',
          }),
        );
      } else {
        this.showRun(a, false);
      }
    } catch (error) {
      if (this.controller.signal.aborted) return;
      this.result.replaceChildren(apiRefusal('finance.allocation.error', error));
    } finally {
      this.runButton.disabled = false;
      this.saveButton.disabled = false;
      this.result.removeAttribute('aria-busy');
    }
  }
}
