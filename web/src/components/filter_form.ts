// The search box and filters (kind, country, activity, structure, screening verdict) of the
// directory and the map.
// Selects apply at once; the search box after a short pause or on Enter.

import { h, option } from '../dom';
import type { Filters } from '../filters';
import { getLang, type MessageKey } from '../i18n/i18n';
import { SCHEMES, sortedTerms, taxonomies } from '../taxonomy';
import { VERDICTS } from '../screening/types';
import { ACTOR_KINDS } from '../types';
import { VERDICT_KEYS } from './status_badge';

const TYPING_PAUSE_MS = 400;

type SelectKey = 'kind' | 'country' | 'activity' | 'structure' | 'verdict';

const TAXONOMY_OF: Partial<Record<SelectKey, string>> = {
  country: SCHEMES.countries,
  activity: SCHEMES.activities,
  structure: SCHEMES.structures,
};

const LABEL_OF: Record<SelectKey, { label: MessageKey; all: MessageKey }> = {
  kind: { label: 'filter.kind', all: 'filter.kindAll' },
  country: { label: 'filter.country', all: 'filter.countryAll' },
  activity: { label: 'filter.activity', all: 'filter.activityAll' },
  structure: { label: 'filter.structure', all: 'filter.structureAll' },
  verdict: { label: 'filter.verdict', all: 'filter.verdictAll' },
};

export class FilterForm {
  readonly element: HTMLFormElement;
  private readonly query: HTMLInputElement;
  private readonly selects = new Map<SelectKey, HTMLSelectElement>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private lastEmitted = '';

  constructor(
    private readonly idPrefix: string,
    initial: Filters,
    private readonly onChange: (filters: Filters) => void,
  ) {
    this.query = h('input', {
      attrs: { id: `${idPrefix}-q`, name: 'q', type: 'search', autocomplete: 'off' },
      i18nAttrs: { placeholder: 'filter.searchPlaceholder' },
      testId: `${idPrefix}-search`,
      on: { input: () => this.scheduleEmit() },
    });
    this.element = h(
      'form',
      {
        className: 'filter-form',
        attrs: { role: 'search' },
        i18nAttrs: { 'aria-label': 'filter.formLabel' },
        testId: `${idPrefix}-filters`,
        on: { submit: (e) => this.submit(e) },
      },
      h(
        'div',
        { className: 'filter-main' },
        this.field('q', 'filter.search', this.query),
        h(
          'div',
          { className: 'filter-actions' },
          h('button', {
            i18n: 'filter.submit',
            attrs: { type: 'submit' },
            testId: `${idPrefix}-submit`,
          }),
          h('button', {
            className: 'secondary',
            i18n: 'filter.clear',
            attrs: { type: 'button' },
            testId: `${idPrefix}-clear`,
            on: { click: () => this.clear() },
          }),
        ),
      ),
      h(
        'div',
        { className: 'filter-selects' },
        ...(['kind', 'country', 'activity', 'structure', 'verdict'] as const).map((k) =>
          this.selectField(k),
        ),
      ),
    );
    this.setFilters(initial);
    void this.loadOptions();
  }

  getFilters(): Filters {
    const filters: Filters = {};
    const q = this.query.value.trim();
    if (q) filters.q = q;
    for (const [key, select] of this.selects) if (select.value) filters[key] = select.value;
    return filters;
  }

  /** Shows filters (e.g. from the URL) without telling onChange. */
  setFilters(filters: Filters): void {
    if (document.activeElement !== this.query) this.query.value = filters.q ?? '';
    for (const [key, select] of this.selects) setSelectValue(select, filters[key] ?? '');
    this.lastEmitted = JSON.stringify(this.getFilters());
  }

  /** Reloads the taxonomy options in the current language (after a language change). */
  refreshLanguage(): Promise<void> {
    return this.loadOptions();
  }

  destroy(): void {
    clearTimeout(this.timer);
  }

  private field(key: string, label: MessageKey, control: HTMLElement): HTMLElement {
    return h(
      'div',
      { className: `filter-field filter-${key}` },
      h('label', { i18n: label, attrs: { for: `${this.idPrefix}-${key}` } }),
      control,
    );
  }

  private selectField(key: SelectKey): HTMLElement {
    const select = h('select', {
      attrs: { id: `${this.idPrefix}-${key}`, name: key },
      testId: `${this.idPrefix}-${key}`,
      on: { change: () => this.emit() },
    });
    select.append(option('', { i18n: LABEL_OF[key].all }));
    if (key === 'kind') {
      for (const kind of ACTOR_KINDS) select.append(option(kind, { i18n: `kind.${kind}` }));
    }
    if (key === 'verdict') {
      for (const v of VERDICTS) select.append(option(v, { i18n: VERDICT_KEYS[v] }));
    }
    this.selects.set(key, select);
    return this.field(key, LABEL_OF[key].label, select);
  }

  private async loadOptions(): Promise<void> {
    const lang = getLang();
    await Promise.all(
      Object.entries(TAXONOMY_OF).map(async ([key, scheme]) => {
        const labels = await taxonomies.labelsOrEmpty(scheme, lang);
        const select = this.selects.get(key as SelectKey);
        if (!select || lang !== getLang()) return;
        const value = select.value;
        select.replaceChildren(option('', { i18n: LABEL_OF[key as SelectKey].all }));
        for (const term of sortedTerms(labels, lang)) {
          select.append(option(term.code, { text: term.label }));
        }
        setSelectValue(select, value);
      }),
    );
  }

  private scheduleEmit(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.emit(), TYPING_PAUSE_MS);
  }

  private submit(event: SubmitEvent): void {
    event.preventDefault();
    this.emit(true);
  }

  private clear(): void {
    this.query.value = '';
    for (const select of this.selects.values()) select.value = '';
    this.emit();
    this.query.focus();
  }

  private emit(force = false): void {
    clearTimeout(this.timer);
    const filters = this.getFilters();
    const key = JSON.stringify(filters);
    if (!force && key === this.lastEmitted) return;
    this.lastEmitted = key;
    this.onChange(filters);
  }
}

/** Selects value, adding it as an option (showing the code) when the list does not have it. */
function setSelectValue(select: HTMLSelectElement, value: string): void {
  if (value && ![...select.options].some((o) => o.value === value)) {
    select.append(option(value, { text: value }));
  }
  select.value = value;
}
