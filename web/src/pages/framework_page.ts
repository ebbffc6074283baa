// One framework (#/frameworks/{id}): what it checks, principle by principle, with each
// criterion's severity, the facts it reads, its source (unverified sources marked) and what the
// result says when it is met, not met or lacks evidence; then its options, red flags and sources.

import { screeningApi } from '../api';
import { errorMessage } from '../components/error_message';
import { h } from '../dom';
import { safeHttpUrl } from '../format';
import { getLang, t, tMaybe, translateTree, type MessageKey } from '../i18n/i18n';
import { pageHref, type Route } from '../router';
import { inLang } from '../screening/engine';
import { factLabels } from '../screening/facts';
import { loadFacts } from '../screening/load';
import type { Criterion, FactSpec, Framework, RedFlag, SourceRef } from '../screening/types';
import type { Page } from './page';

const OUTCOMES = [
  ['met', 'status.met'],
  ['not_met', 'status.not_met'],
  ['insufficient_evidence', 'status.insufficient_evidence'],
] as const;

export class FrameworkPage implements Page {
  readonly element: HTMLElement;
  private readonly body = h('div');
  private readonly controller = new AbortController();
  private loaded: { framework: Framework; facts: FactSpec[] } | null = null;

  constructor(private readonly id: string) {
    this.element = h(
      'article',
      {
        className: 'page framework-page',
        testId: 'framework-page',
        attrs: { 'aria-busy': 'true' },
      },
      h(
        'nav',
        { className: 'breadcrumb', i18nAttrs: { 'aria-label': 'profile.breadcrumb' } },
        h('a', { i18n: 'framework.back', attrs: { href: pageHref('frameworks') } }),
      ),
      this.body,
    );
    this.body.append(h('p', { className: 'status', i18n: 'status.loading' }));
    void this.load();
  }

  title(): string {
    return this.loaded ? inLang(this.loaded.framework.title, getLang()) : t('frameworks.title');
  }

  update(route: Route): boolean {
    return route.page === 'framework' && route.id === this.id;
  }

  onLanguageChange(): void {
    translateTree(this.element);
    if (this.loaded) this.show(this.loaded.framework, this.loaded.facts);
  }

  destroy(): void {
    this.controller.abort();
  }

  private async load(): Promise<void> {
    try {
      const [framework, facts] = await Promise.all([
        screeningApi.framework(this.id, this.controller.signal),
        loadFacts().catch(() => [] as FactSpec[]),
      ]);
      this.loaded = { framework, facts };
      this.show(framework, facts);
      document.title = `${this.title()} · Ecosol`;
    } catch (error) {
      if (this.controller.signal.aborted) return;
      this.body.replaceChildren(
        h('h1', { i18n: 'frameworks.title', attrs: { tabindex: -1 } }),
        errorMessage(error),
      );
    } finally {
      this.element.removeAttribute('aria-busy');
    }
  }

  private show(f: Framework, facts: FactSpec[]): void {
    const lang = getLang();
    const label = factLabels(facts);
    const meta = [
      tMaybe(`frameworkKind.${f.kind}`) ?? f.kind,
      tMaybe(`subject.${f.subject}`) ?? f.subject,
      f.jurisdiction || t('frameworks.international'),
      t('framework.version', { version: f.version }),
    ];
    this.body.replaceChildren(
      h('h1', { text: inLang(f.title, lang), attrs: { tabindex: -1 }, testId: 'framework-title' }),
      h('p', { className: 'kind-badge', text: meta.join(' · ') }),
      h('p', { className: 'description', text: inLang(f.description, lang) }),
      ...(f.applies_when !== undefined
        ? [
            h(
              'p',
              {},
              `${t('framework.appliesWhen')} `,
              h('code', { text: JSON.stringify(f.applies_when) }),
            ),
          ]
        : []),
      ...(f.options?.length ? [this.options(f)] : []),
      ...f.principles.map((p) =>
        section(
          inLang(p.title, lang),
          `principle-${p.id}`,
          criteriaTable(
            f,
            f.criteria.filter((c) => c.principle === p.id),
            label,
          ),
        ),
      ),
      section(t('framework.redFlags'), 'red-flags', redFlagsTable(f, label)),
      section(t('framework.sources'), 'sources', sourcesList(f)),
    );
  }

  private options(f: Framework): HTMLElement {
    return section(
      t('framework.options'),
      'options',
      h(
        'ul',
        {},
        ...(f.options ?? []).map((o) =>
          h('li', {}, h('code', { text: o.id }), ` ${inLang(o.title, getLang())}`),
        ),
      ),
    );
  }
}

function section(title: string, id: string, content: Node): HTMLElement {
  const headingId = `framework-${id}`;
  return h(
    'section',
    {
      className: 'profile-section',
      attrs: { 'aria-labelledby': headingId },
      testId: `section-${id}`,
    },
    h('h2', { text: title, attrs: { id: headingId } }),
    content,
  );
}

function table(headers: readonly MessageKey[], rows: HTMLElement[], testId: string): HTMLElement {
  return h(
    'div',
    { className: 'table-wrapper' },
    h(
      'table',
      { className: 'data-table criteria-table', testId },
      h(
        'thead',
        {},
        h('tr', {}, ...headers.map((k) => h('th', { i18n: k, attrs: { scope: 'col' } }))),
      ),
      h('tbody', {}, ...rows),
    ),
  );
}

function severity(s: string): string {
  return tMaybe(`severity.${s}`) ?? s;
}

function factList(paths: readonly string[], label: (p: string) => string): HTMLElement {
  return h('ul', { className: 'plain-list' }, ...paths.map((p) => h('li', { text: label(p) })));
}

function sourceCell(f: Framework, ref: SourceRef | undefined): HTMLElement {
  const source = f.sources?.find((s) => s.id === ref?.ref);
  const url = safeHttpUrl(source?.url);
  const title = source?.title ?? ref?.ref ?? '';
  return h(
    'td',
    {},
    url ? h('a', { text: title, attrs: { href: url, rel: 'noopener', target: '_blank' } }) : title,
    ref?.article ? `, ${ref.article}` : '',
    source?.verified === false &&
      h('span', { className: 'unverified', i18n: 'screening.unverified', testId: 'unverified' }),
  );
}

function criteriaTable(f: Framework, criteria: Criterion[], label: (p: string) => string) {
  const lang = getLang();
  const rows = criteria.map((c) =>
    h(
      'tr',
      { testId: 'criterion-row', attrs: { 'data-criterion': c.id } },
      h(
        'th',
        { attrs: { scope: 'row' } },
        h('code', { text: c.id }),
        c.option &&
          h('p', { className: 'hint', text: t('framework.onlyWith', { option: c.option }) }),
        c.applies_when !== undefined &&
          h(
            'p',
            { className: 'hint' },
            `${t('framework.appliesWhen')} `,
            h('code', { text: JSON.stringify(c.applies_when) }),
          ),
      ),
      h('td', { text: severity(c.severity) }),
      h('td', {}, factList(c.facts ?? [], label)),
      sourceCell(f, c.source),
      h(
        'td',
        {},
        h(
          'dl',
          { className: 'outcomes' },
          ...OUTCOMES.flatMap(([status, key]) => [
            h('dt', { i18n: key }),
            h('dd', { text: inLang(c.explanation[status], lang) }),
          ]),
        ),
      ),
    ),
  );
  return table(
    [
      'framework.criterion',
      'framework.severity',
      'framework.facts',
      'framework.source',
      'framework.explanations',
    ],
    rows,
    'criteria-table',
  );
}

function redFlagsTable(f: Framework, label: (p: string) => string): HTMLElement {
  const flags: RedFlag[] = f.red_flags ?? [];
  if (flags.length === 0) return h('p', { i18n: 'framework.noRedFlags' });
  const rows = flags.map((r) =>
    h(
      'tr',
      { testId: 'red-flag-row' },
      h('th', { attrs: { scope: 'row' } }, h('code', { text: r.id })),
      h('td', { text: severity(r.severity) }),
      h('td', {}, factList(r.facts ?? [], label)),
      sourceCell(f, r.source),
      h('td', { text: inLang(r.explanation, getLang()) }),
    ),
  );
  return table(
    [
      'framework.redFlag',
      'framework.severity',
      'framework.facts',
      'framework.source',
      'framework.why',
    ],
    rows,
    'red-flags-table',
  );
}

function sourcesList(f: Framework): HTMLElement {
  return h(
    'ul',
    { className: 'plain-list' },
    ...(f.sources ?? []).map((s) => {
      const url = safeHttpUrl(s.url);
      return h(
        'li',
        {},
        url
          ? h('a', { text: s.title, attrs: { href: url, rel: 'noopener', target: '_blank' } })
          : s.title,
        s.verified === false &&
          h('span', {
            className: 'unverified',
            i18n: 'screening.unverified',
            testId: 'unverified',
          }),
      );
    }),
  );
}
