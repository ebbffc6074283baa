// The directory: search and filters, the list of matching actors, and "more results" paging.

import { api } from '../api';
import { actorListItem, type ListLabels } from '../components/actor_list_item';
import { errorMessage } from '../components/error_message';
import { FilterForm } from '../components/filter_form';
import { h } from '../dom';
import { filtersFromParams, filtersToParams, sameFilters, type Filters } from '../filters';
import { formatNumber } from '../format';
import { getLang, t } from '../i18n/i18n';
import { pageHref, type Route } from '../router';
import { SCHEMES, taxonomies } from '../taxonomy';
import type { ActorSummary } from '../types';
import type { Page, PageContext } from './page';

export class DirectoryPage implements Page {
  readonly element: HTMLElement;
  private readonly form: FilterForm;
  private readonly status = h('p', {
    className: 'status',
    attrs: { 'aria-live': 'polite' },
    testId: 'directory-status',
  });
  private readonly errorSlot = h('div');
  private readonly list = h('ol', { className: 'result-list', testId: 'directory-results' });
  private readonly more = h('button', {
    className: 'more-button',
    i18n: 'directory.more',
    attrs: { type: 'button', hidden: true },
    testId: 'load-more',
    on: { click: () => void this.load(false) },
  });
  private readonly mapLink = h('a', { className: 'map-link', i18n: 'directory.showOnMap' });
  private filters: Filters;
  private cursor: string | null = null;
  private count = 0;
  private controller: AbortController | null = null;

  constructor(
    route: Route,
    private readonly ctx: PageContext,
  ) {
    this.filters = filtersFromParams(route.params);
    this.form = new FilterForm('directory', this.filters, (filters) =>
      this.ctx.navigate(pageHref('directory', filtersToParams(filters)), { replace: true }),
    );
    this.element = h(
      'section',
      { className: 'page directory-page', testId: 'directory-page' },
      h('h1', { i18n: 'directory.title', attrs: { tabindex: -1 } }),
      this.form.element,
      h('div', { className: 'result-header' }, this.status, this.mapLink),
      this.errorSlot,
      this.list,
      this.more,
    );
    void this.load(true);
  }

  title(): string {
    return t('directory.title');
  }

  update(route: Route): boolean {
    if (route.page !== 'directory') return false;
    const filters = filtersFromParams(route.params);
    if (!sameFilters(filters, this.filters)) {
      this.filters = filters;
      this.form.setFilters(filters);
      void this.load(true);
    }
    return true;
  }

  destroy(): void {
    this.controller?.abort();
    this.form.destroy();
  }

  private async load(reset: boolean): Promise<void> {
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    if (reset) this.startNewSearch();
    this.more.disabled = true;
    this.element.setAttribute('aria-busy', 'true');
    try {
      const [page, labels] = await Promise.all([
        api.actors(this.filters, reset ? null : this.cursor, controller.signal),
        listLabels(),
      ]);
      if (controller.signal.aborted) return;
      this.showPage(page.items, page.next_cursor, labels, reset);
    } catch (error) {
      if (controller.signal.aborted) return;
      this.status.textContent = '';
      this.errorSlot.replaceChildren(errorMessage(error));
    } finally {
      if (this.controller === controller) {
        this.more.disabled = false;
        this.element.removeAttribute('aria-busy');
      }
    }
  }

  private startNewSearch(): void {
    this.cursor = null;
    this.count = 0;
    this.list.replaceChildren();
    this.more.hidden = true;
    this.errorSlot.replaceChildren();
    this.status.textContent = t('status.loading');
    this.mapLink.href = pageHref('map', filtersToParams(this.filters));
  }

  private showPage(
    items: ActorSummary[],
    nextCursor: string | null,
    labels: ListLabels,
    reset: boolean,
  ): void {
    const added = items.map((item) => actorListItem(item, labels));
    this.list.append(...added);
    this.count += items.length;
    this.cursor = nextCursor;
    this.more.hidden = nextCursor === null;
    this.status.textContent = this.statusText();
    // After "more", move the keyboard user to the first new result instead of leaving them behind.
    if (!reset) added[0]?.querySelector('a')?.focus();
  }

  private statusText(): string {
    if (this.count === 0) return t('directory.none');
    if (this.count === 1 && !this.cursor) return t('directory.countOne');
    const n = formatNumber(this.count, getLang());
    return this.cursor ? t('directory.countMore', { n }) : t('directory.count', { n });
  }
}

async function listLabels(): Promise<ListLabels> {
  const lang = getLang();
  const [activities, structures, countries] = await Promise.all([
    taxonomies.labelsOrEmpty(SCHEMES.activities, lang),
    taxonomies.labelsOrEmpty(SCHEMES.structures, lang),
    taxonomies.labelsOrEmpty(SCHEMES.countries, lang),
  ]);
  return { activities, structures, countries };
}
