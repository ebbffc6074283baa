// Territories: the countries with their actor counts and populations, drilling down into regions
// and localities (#/territories?parent=GB/wales), with a breadcrumb back up.

import { api } from '../api';
import { errorMessage } from '../components/error_message';
import { h } from '../dom';
import { formatNumber } from '../format';
import { getLang, t } from '../i18n/i18n';
import { pageHref, territoriesHref, type Route } from '../router';
import { SCHEMES, taxonomies, type Labels } from '../taxonomy';
import type { Territory } from '../types';
import type { Page } from './page';

export class TerritoriesPage implements Page {
  readonly element: HTMLElement;
  private readonly breadcrumb = h('nav', {
    className: 'breadcrumb',
    i18nAttrs: { 'aria-label': 'territories.breadcrumb' },
    testId: 'territories-breadcrumb',
  });
  private readonly status = h('p', {
    className: 'status',
    attrs: { 'aria-live': 'polite' },
    testId: 'territories-status',
  });
  private readonly errorSlot = h('div');
  private readonly rows = h('tbody', { testId: 'territory-rows' });
  private parent: string;
  private controller: AbortController | null = null;

  constructor(route: Route) {
    this.parent = route.params.get('parent') ?? '';
    this.element = h(
      'section',
      { className: 'page territories-page', testId: 'territories-page' },
      h('h1', { i18n: 'territories.title', attrs: { tabindex: -1, id: 'territories-title' } }),
      this.breadcrumb,
      this.status,
      this.errorSlot,
      h(
        'table',
        { className: 'territory-table', attrs: { 'aria-labelledby': 'territories-title' } },
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            h('th', { i18n: 'territories.name', attrs: { scope: 'col' } }),
            h('th', { i18n: 'territories.actors', attrs: { scope: 'col' } }),
            h('th', { i18n: 'territories.population', attrs: { scope: 'col' } }),
            h('th', { i18n: 'territories.directory', attrs: { scope: 'col' } }),
          ),
        ),
        this.rows,
      ),
    );
    void this.load();
  }

  title(): string {
    return t('territories.title');
  }

  update(route: Route): boolean {
    if (route.page !== 'territories') return false;
    const parent = route.params.get('parent') ?? '';
    if (parent !== this.parent) {
      this.parent = parent;
      void this.load();
    }
    return true;
  }

  destroy(): void {
    this.controller?.abort();
  }

  private async load(): Promise<void> {
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    this.element.setAttribute('aria-busy', 'true');
    this.errorSlot.replaceChildren();
    this.status.textContent = t('status.loading');
    try {
      const [list, ancestors, countries] = await Promise.all([
        api.territories(this.parent, controller.signal),
        Promise.all(ancestorIds(this.parent).map((id) => api.territory(id, controller.signal))),
        taxonomies.labelsOrEmpty(SCHEMES.countries, getLang()),
      ]);
      if (controller.signal.aborted) return;
      this.show(list.items, ancestors, countries);
    } catch (error) {
      if (controller.signal.aborted) return;
      this.status.textContent = '';
      this.rows.replaceChildren();
      this.errorSlot.replaceChildren(errorMessage(error));
    } finally {
      if (this.controller === controller) this.element.removeAttribute('aria-busy');
    }
  }

  private show(items: Territory[], ancestors: Territory[], countries: Labels): void {
    const name = (territory: Territory) => displayName(territory, countries);
    this.breadcrumb.replaceChildren(breadcrumbList(ancestors, name));
    const country = ancestors[0];
    this.rows.replaceChildren(
      ...items.map((item) => territoryRow(item, name(item), country ? name(country) : name(item))),
    );
    this.status.textContent = items.length === 0 ? t('territories.none') : '';
  }
}

/** "GB/wales/cardiff" -> ["GB", "GB/wales", "GB/wales/cardiff"]. */
export function ancestorIds(id: string): string[] {
  if (!id) return [];
  const parts = id.split('/');
  return parts.map((_, i) => parts.slice(0, i + 1).join('/'));
}

/** Countries are named in the interface language; regions and localities as written. */
function displayName(territory: Territory, countries: Labels): string {
  return territory.level === 'country'
    ? (countries.get(territory.id) ?? territory.name)
    : territory.name;
}

function breadcrumbList(ancestors: Territory[], name: (t: Territory) => string): HTMLElement {
  const crumb = (label: string, href: string, current: boolean) =>
    h(
      'li',
      {},
      current
        ? h('span', { text: label, attrs: { 'aria-current': 'page' } })
        : h('a', { text: label, attrs: { href } }),
    );
  return h(
    'ol',
    {},
    crumb(t('territories.all'), territoriesHref(''), ancestors.length === 0),
    ...ancestors.map((a, i) => crumb(name(a), territoriesHref(a.id), i === ancestors.length - 1)),
  );
}

function territoryRow(item: Territory, name: string, countryName: string): HTMLElement {
  const lang = getLang();
  const country = item.id.split('/')[0] ?? item.id;
  return h(
    'tr',
    { testId: 'territory-row' },
    h(
      'th',
      { attrs: { scope: 'row' } },
      item.children > 0
        ? h('a', {
            text: name,
            attrs: { href: territoriesHref(item.id) },
            testId: 'territory-link',
          })
        : h('span', { text: name }),
    ),
    h('td', { className: 'number', text: formatNumber(item.actors, lang) }),
    h('td', {
      className: 'number',
      text:
        item.population === null ? t('territories.unknown') : formatNumber(item.population, lang),
    }),
    h(
      'td',
      {},
      h('a', {
        i18n: 'territories.directory',
        attrs: {
          href: pageHref('directory', new URLSearchParams({ country })),
          'aria-label': t('territories.openDirectory', { name: countryName }),
        },
        testId: 'territory-directory-link',
      }),
    ),
  );
}
