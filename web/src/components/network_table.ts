// The network page's table of actors and their measures, sortable by any column (a button in each
// heading, aria-sort on the heading), shown a page at a time: 50,000 rows would not be read and
// would slow the page down. Each actor's name selects it (its measures, its neighbours in the
// graph); a link goes to its profile.

import { h } from '../dom';
import { getLang, t, type MessageKey } from '../i18n/i18n';
import {
  nextSort,
  sortNodes,
  SORT_KEYS,
  type NetworkNode,
  type Sort,
  type SortKey,
} from '../network';
import { actorHref } from '../router';
import { formatMeasure } from './network_details';

const PAGE = 50;

function cellText(node: NetworkNode, key: Exclude<SortKey, 'name'>, lang: string): string {
  if (key === 'brokerage') return formatMeasure(node.brokerage.total, lang);
  if (key === 'community') return String(node.community);
  return formatMeasure(node[key], lang);
}

export class NetworkTable {
  readonly element: HTMLElement;
  private readonly head = h('tr');
  private readonly body = h('tbody', { testId: 'network-rows' });
  private readonly count = h('p', { className: 'hint', testId: 'network-table-count' });
  private readonly more = h('button', {
    className: 'secondary',
    i18n: 'network.more',
    attrs: { type: 'button', hidden: true },
    testId: 'network-more',
  });
  private nodes: NetworkNode[] = [];
  private sorted: NetworkNode[] = [];
  private shown = PAGE;
  private sort: Sort = { key: 'pagerank', descending: true };
  private selected: string | null = null;

  constructor(private readonly onSelect: (id: string) => void) {
    this.more.addEventListener('click', () => this.showMore());
    this.element = h(
      'div',
      { className: 'network-table-wrap' },
      h(
        'table',
        { className: 'data-table network-table', testId: 'network-table' },
        h('caption', { className: 'hint', i18n: 'network.tableCaption' }),
        h('thead', {}, this.head),
        this.body,
      ),
      this.count,
      this.more,
    );
  }

  setNodes(nodes: NetworkNode[]): void {
    this.nodes = nodes;
    this.shown = PAGE;
    this.render();
  }

  /** Marks the chosen actor's row (if shown). */
  markSelected(id: string | null): void {
    this.selected = id;
    for (const row of this.body.querySelectorAll<HTMLElement>('tr')) {
      row.classList.toggle('selected', row.dataset.id === id);
    }
  }

  render(): void {
    const lang = getLang();
    this.sorted = sortNodes(this.nodes, this.sort, lang);
    this.head.replaceChildren(...SORT_KEYS.map((key) => this.heading(key)));
    this.body.replaceChildren(...this.sorted.slice(0, this.shown).map((n) => this.row(n, lang)));
    this.updateCount();
    this.markSelected(this.selected);
  }

  private showMore(): void {
    const from = this.shown;
    this.shown += PAGE;
    const lang = getLang();
    const rows = this.sorted.slice(from, this.shown).map((n) => this.row(n, lang));
    this.body.append(...rows);
    this.updateCount();
    rows[0]?.querySelector('button')?.focus();
  }

  private updateCount(): void {
    const shown = Math.min(this.shown, this.sorted.length);
    this.count.textContent = t('network.showing', { shown, total: this.sorted.length });
    this.more.hidden = shown >= this.sorted.length;
  }

  private heading(key: SortKey): HTMLElement {
    const active = this.sort.key === key;
    const button = h('button', {
      className: 'sort-button',
      i18n: `network.col.${key}` as MessageKey,
      attrs: { type: 'button' },
      testId: `network-sort-${key}`,
      on: {
        click: () => {
          this.sort = nextSort(this.sort, key);
          this.render();
          this.head
            .querySelector<HTMLButtonElement>(`[data-testid="network-sort-${key}"]`)
            ?.focus();
        },
      },
    });
    const sort = active ? (this.sort.descending ? 'descending' : 'ascending') : null;
    return h(
      'th',
      { attrs: { scope: 'col', 'aria-sort': sort }, className: key === 'name' ? '' : 'number' },
      button,
    );
  }

  private row(node: NetworkNode, lang: string): HTMLTableRowElement {
    const select = h('button', {
      className: 'link-button',
      text: node.name,
      attrs: { type: 'button', 'aria-label': t('network.select', { name: node.name }) },
      testId: 'network-select',
      on: { click: () => this.onSelect(node.id) },
    });
    const profile = h('a', {
      className: 'hint',
      i18n: 'network.profile',
      attrs: {
        href: actorHref(node.id),
        'aria-label': t('network.openProfile', { name: node.name }),
      },
      testId: 'network-profile-link',
    });
    const cells = SORT_KEYS.filter((key) => key !== 'name').map((key) =>
      h('td', { className: 'number', text: cellText(node, key, lang) }),
    );
    const row = h(
      'tr',
      { testId: 'network-row' },
      h('th', { attrs: { scope: 'row' } }, select, ' ', profile),
      ...cells,
    );
    row.dataset.id = node.id;
    return row;
  }
}
