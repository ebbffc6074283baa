// The assessment frameworks (#/frameworks): each one's title, kind, subject, jurisdiction and
// number of criteria, linking to its page.

import { screeningApi } from '../api';
import { errorMessage } from '../components/error_message';
import { h } from '../dom';
import { getLang, t, tMaybe, translateTree } from '../i18n/i18n';
import { frameworkHref, pageHref } from '../router';
import { inLang } from '../screening/engine';
import type { FrameworkSummary } from '../screening/types';
import type { Page } from './page';

export class FrameworksPage implements Page {
  readonly element: HTMLElement;
  private readonly body = h('div');
  private readonly controller = new AbortController();
  private items: FrameworkSummary[] | null = null;

  constructor() {
    this.element = h(
      'section',
      {
        className: 'page frameworks-page',
        testId: 'frameworks-page',
        attrs: { 'aria-busy': 'true' },
      },
      h('h1', { i18n: 'frameworks.title', attrs: { tabindex: -1 } }),
      h('p', { className: 'intro', i18n: 'frameworks.intro' }),
      h(
        'p',
        {},
        h('a', {
          className: 'button-link',
          i18n: 'frameworks.selfAssess',
          attrs: { href: pageHref('self-assessment') },
        }),
      ),
      this.body,
    );
    this.body.append(h('p', { className: 'status', i18n: 'status.loading' }));
    void this.load();
  }

  title(): string {
    return t('frameworks.title');
  }

  onLanguageChange(): void {
    translateTree(this.element);
    if (this.items) this.show(this.items);
  }

  destroy(): void {
    this.controller.abort();
  }

  private async load(): Promise<void> {
    try {
      const { items } = await screeningApi.frameworks(this.controller.signal);
      this.items = items;
      this.show(items);
    } catch (error) {
      if (!this.controller.signal.aborted) this.body.replaceChildren(errorMessage(error));
    } finally {
      this.element.removeAttribute('aria-busy');
    }
  }

  private show(items: FrameworkSummary[]): void {
    if (items.length === 0) {
      this.body.replaceChildren(h('p', { i18n: 'frameworks.none' }));
      return;
    }
    const lang = getLang();
    const header = h(
      'tr',
      {},
      ...(
        [
          'frameworks.name',
          'frameworks.kind',
          'frameworks.subject',
          'frameworks.jurisdiction',
          'frameworks.criteria',
          'frameworks.redFlags',
        ] as const
      ).map((key) => h('th', { i18n: key, attrs: { scope: 'col' } })),
    );
    const rows = items.map((f) =>
      h(
        'tr',
        { testId: 'framework-row', attrs: { 'data-framework': f.id } },
        h(
          'th',
          { attrs: { scope: 'row' } },
          h('a', { text: inLang(f.title, lang) || f.id, attrs: { href: frameworkHref(f.id) } }),
        ),
        h('td', { text: tMaybe(`frameworkKind.${f.kind}`) ?? f.kind }),
        h('td', { text: tMaybe(`subject.${f.subject}`) ?? f.subject }),
        h('td', { text: f.jurisdiction || t('frameworks.international') }),
        h('td', { className: 'number', text: String(f.criteria) }),
        h('td', { className: 'number', text: String(f.red_flags) }),
      ),
    );
    this.body.replaceChildren(
      h(
        'div',
        { className: 'table-wrapper' },
        h(
          'table',
          { className: 'data-table', testId: 'frameworks-table' },
          h('caption', { className: 'visually-hidden', i18n: 'frameworks.title' }),
          h('thead', {}, header),
          h('tbody', {}, ...rows),
        ),
      ),
    );
  }
}
