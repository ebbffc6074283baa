// Participatory processes (#/processes): each process with its current phase and how many take
// part, make proposals and decide (GET /api/v1/processes), a link to each; and, for signed-in
// stewards and administrators, a form creating one from its JSON document (an example can be
// loaded into the box), the server's refusal shown above it and under the box.

import '../styles/decide.css';
import '../styles/processes.css';
import { refusalDetail } from '../components/api_refusal';
import { dataTable } from '../components/decide_views';
import { loadInto } from '../components/finance_common';
import { alertBox, clearFieldErrors, markFieldError, whileBusy } from '../components/form_field';
import { emptyLine, phaseKindLabel } from '../components/process_views';
import { h } from '../dom';
import { t, translateTree } from '../i18n/i18n';
import { processApi, type ProcessSummary } from '../processes';
import { pageHref, processHref, type Route } from '../router';
import type { SessionStore } from '../session';
import type { Page, PageContext } from './page';

/** Who may create a process: a signed-in steward or administrator, not read-only. */
export function mayCreateProcess(session: SessionStore): boolean {
  if (!session.signedIn || session.current?.readOnly) return false;
  return session.isSteward() || session.isAdmin();
}

/** The example the form loads: the document of docs/participation.md, "Processes". */
export function exampleProcess(email: string): Record<string, unknown> {
  return {
    id: 'budget-2027',
    title: 'Participatory budget 2027',
    organisations: ['coop-a'],
    phases: [
      { id: 'diag', kind: 'diagnosis', start: '2027-01-10', end: '2027-02-10' },
      { id: 'props', kind: 'proposals' },
      { id: 'delib', kind: 'deliberation' },
      { id: 'vote', kind: 'decision' },
      { id: 'follow', kind: 'accountability' },
    ],
    current_phase: 'diag',
    participants: [
      { id: 'ana', kind: 'person', account: email || 'ana@example.org', college: 'workers' },
      {
        id: 'coop-a',
        kind: 'organisation',
        actor_id: 'coop-a',
        delegate: 'ana',
        mandate: 'General assembly of 2026-10-01',
        college: 'users',
      },
    ],
  };
}

function listTable(items: ProcessSummary[]): HTMLElement {
  if (items.length === 0) return emptyLine('process.list.none', 'processes-none');
  const rows = items.map((p) =>
    h(
      'tr',
      { testId: 'processes-row', attrs: { 'data-process': p.id } },
      h(
        'th',
        { attrs: { scope: 'row' } },
        h('a', {
          text: p.title || p.id,
          attrs: { href: processHref(p.id) },
          testId: 'processes-link',
        }),
      ),
      h('td', {
        text: p.phase ? `${p.phase.title || p.phase.id} (${phaseKindLabel(p.phase.kind)})` : '–',
        testId: 'processes-phase',
      }),
      h('td', { className: 'figure', text: String(p.participants) }),
      h('td', { className: 'figure', text: String(p.organisations) }),
      h('td', { className: 'figure', text: String(p.proposals) }),
      h('td', { className: 'figure', text: String(p.decisions) }),
    ),
  );
  return dataTable(
    'processes-table',
    'process.list.caption',
    [
      'process.list.title',
      'process.list.phase',
      'process.list.participants',
      'process.list.organisations',
      'process.list.proposals',
      'process.list.decisions',
    ],
    rows,
  );
}

export class ProcessesPage implements Page {
  readonly element: HTMLElement;
  private readonly list = h('div', { testId: 'processes-list' });
  private readonly create = h('div', { testId: 'processes-create-area' });
  private readonly controller = new AbortController();

  constructor(
    private readonly session: SessionStore,
    private readonly ctx: PageContext,
  ) {
    this.element = h(
      'article',
      { className: 'page process-page', testId: 'processes-page' },
      h('h1', { i18n: 'process.list.heading', attrs: { tabindex: -1 } }),
      h('p', { i18n: 'process.list.intro' }),
      h(
        'p',
        {},
        h('a', {
          i18n: 'process.list.decideLink',
          attrs: { href: pageHref('decide') },
          testId: 'processes-decide-link',
        }),
      ),
      this.list,
      this.create,
    );
    void this.load();
    void this.session.ready().then(() => this.showCreate());
  }

  title(): string {
    return t('process.list.heading');
  }

  update(route: Route): boolean {
    return route.page === 'processes';
  }

  onLanguageChange(): void {
    translateTree(this.element);
    void this.load();
  }

  onSessionChange(): void {
    this.showCreate();
  }

  destroy(): void {
    this.controller.abort();
  }

  private async load(): Promise<void> {
    const signal = this.controller.signal;
    await loadInto(
      this.list,
      signal,
      'process.list.error',
      () => processApi.list(signal),
      (items) => [listTable(items)],
    );
  }

  private showCreate(): void {
    if (!mayCreateProcess(this.session)) {
      this.create.replaceChildren();
      return;
    }
    this.create.replaceChildren(this.createForm());
  }

  /** A JSON box for the process document, an example loader, and the refusal if any. */
  private createForm(): HTMLElement {
    const box = h('textarea', {
      className: 'process-json',
      attrs: {
        id: 'processes-json',
        name: 'process',
        rows: 16,
        spellcheck: 'false',
        'aria-describedby': 'processes-json-hint',
      },
      testId: 'processes-json',
    });
    const errors = h('div', { attrs: { 'aria-live': 'polite' } });
    const form = h(
      'form',
      {
        className: 'process-form',
        i18nAttrs: { 'aria-label': 'process.create.title' },
        attrs: { novalidate: true },
        testId: 'processes-create-form',
      },
      h('h2', { i18n: 'process.create.title' }),
      errors,
      h(
        'div',
        { className: 'form-field' },
        h('label', { i18n: 'process.create.json', attrs: { for: box.id } }),
        box,
        h('p', {
          className: 'hint',
          i18n: 'process.create.hint',
          attrs: { id: 'processes-json-hint' },
        }),
      ),
      h(
        'div',
        { className: 'form-actions' },
        h('button', {
          className: 'secondary',
          i18n: 'process.create.example',
          attrs: { type: 'button' },
          testId: 'processes-example',
          on: { click: () => this.loadExample(box) },
        }),
        h('button', {
          i18n: 'process.create.submit',
          attrs: { type: 'submit' },
          testId: 'processes-create-submit',
        }),
      ),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.submit(form, box, errors);
    });
    return form;
  }

  private loadExample(box: HTMLTextAreaElement): void {
    const email = this.session.current?.user?.email ?? '';
    box.value = JSON.stringify(exampleProcess(email), null, 2);
    box.focus();
  }

  private async submit(
    form: HTMLFormElement,
    box: HTMLTextAreaElement,
    errors: HTMLElement,
  ): Promise<void> {
    clearFieldErrors(form);
    errors.replaceChildren();
    let doc: unknown;
    try {
      doc = JSON.parse(box.value);
    } catch (error) {
      const message = t('process.create.notJson', {
        message: error instanceof Error ? error.message : String(error),
      });
      markFieldError(box, message);
      box.focus();
      return;
    }
    await whileBusy(form, async () => {
      try {
        const id = await processApi.create(doc);
        this.ctx.navigate(processHref(id));
      } catch (error) {
        const message = refusalDetail(error);
        errors.replaceChildren(alertBox(message, 'processes-create-error'));
        markFieldError(box, message);
      }
    });
  }
}
