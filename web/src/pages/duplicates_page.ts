// The stewards' review queue (#/duplicates): candidate clusters of records of one organisation,
// side by side, each with a survivor to choose, a preview of the merge, the merge itself, or a
// decision that the records are different organisations; and the latest merges, each undoable.

import { forbiddenNotice, signInPrompt } from '../components/access_notice';
import { errorDetail } from '../components/error_message';
import { alertBox, notice } from '../components/form_field';
import { panel } from '../components/panel';
import { h } from '../dom';
import {
  addressLine,
  displayValue,
  duplicatesApi,
  mergeRequestFor,
  pairsOf,
  proposedSurvivor,
  type DuplicateActor,
  type DuplicateCluster,
  type MergeRecord,
} from '../duplicates';
import { formatDate, formatNumber } from '../format';
import { getLang, t, translateTree, type MessageKey } from '../i18n/i18n';
import { actorHref, DUPLICATES_HREF } from '../router';
import type { SessionStore } from '../session';
import type { Page } from './page';

/** The rows of the comparison table: a label and how to read the value off an actor. */
const ROWS: [MessageKey, (a: DuplicateActor) => string][] = [
  ['duplicates.row.source', (a) => a.source ?? ''],
  ['duplicates.row.legalForm', (a) => a.legal_form ?? ''],
  ['duplicates.row.address', addressLine],
  ['duplicates.row.website', (a) => a.website ?? ''],
  ['duplicates.row.identifiers', (a) => displayValue(a.identifiers ?? {})],
  ['duplicates.row.founded', (a) => a.founded ?? ''],
];

export class DuplicatesPage implements Page {
  readonly element: HTMLElement;
  private readonly body = h('div');
  private readonly queueStatus = h('p', {
    className: 'status',
    attrs: { 'aria-live': 'polite' },
    testId: 'duplicates-status',
  });
  private readonly clusters = h('div', { className: 'duplicate-clusters' });
  private readonly mergesStatus = h('p', { className: 'status', testId: 'merges-status' });
  /** The outcome of the last undo (the list is reloaded after it). */
  private readonly undoOutcome = h('div', { attrs: { 'aria-live': 'polite' } });
  private readonly mergesList = h('ul', { className: 'merge-list', testId: 'merge-list' });
  private readonly controller = new AbortController();

  constructor(private readonly session: SessionStore) {
    this.element = h(
      'section',
      { className: 'page duplicates-page', testId: 'duplicates-page' },
      h('h1', { i18n: 'duplicates.title', attrs: { tabindex: -1 } }),
      h('p', { i18n: 'duplicates.intro' }),
      this.body,
    );
    this.body.append(h('p', { className: 'status', i18n: 'status.loading' }));
    void this.session.ready().then(() => this.render());
  }

  title(): string {
    return t('duplicates.title');
  }

  onLanguageChange(): void {
    translateTree(this.element);
  }

  onSessionChange(): void {
    this.render();
  }

  destroy(): void {
    this.controller.abort();
  }

  private render(): void {
    if (!this.session.signedIn) {
      this.body.replaceChildren(signInPrompt(DUPLICATES_HREF, 'duplicates.signIn'));
      return;
    }
    if (!this.session.isAdmin() && !this.session.isSteward()) {
      this.body.replaceChildren(forbiddenNotice('duplicates.forbidden'));
      return;
    }
    this.body.replaceChildren(
      panel('duplicates.queueTitle', 'duplicates-queue', this.queueStatus, this.clusters),
      panel(
        'duplicates.mergesTitle',
        'duplicates-merges',
        this.undoOutcome,
        this.mergesStatus,
        this.mergesList,
      ),
    );
    void this.loadQueue();
    void this.loadMerges();
  }

  private async loadQueue(): Promise<void> {
    this.queueStatus.textContent = t('status.loading');
    this.clusters.replaceChildren();
    try {
      const queue = await duplicatesApi.queue(this.controller.signal);
      this.queueStatus.textContent =
        queue.total === 0
          ? t('duplicates.empty')
          : t('duplicates.count', { n: formatNumber(queue.total, getLang()) });
      for (const cluster of queue.items) this.clusters.append(this.clusterCard(cluster));
    } catch (e) {
      if (this.controller.signal.aborted) return;
      this.queueStatus.replaceChildren(alertBox(errorDetail(e), 'duplicates-error'));
    }
  }

  private async loadMerges(): Promise<void> {
    this.mergesStatus.textContent = t('status.loading');
    try {
      const merges = await duplicatesApi.merges(this.controller.signal);
      this.mergesStatus.textContent = merges.items.length === 0 ? t('duplicates.noMerges') : '';
      this.mergesList.replaceChildren(...merges.items.map((m) => this.mergeItem(m)));
    } catch (e) {
      if (this.controller.signal.aborted) return;
      this.mergesStatus.replaceChildren(alertBox(errorDetail(e), 'merges-error'));
    }
  }

  /** One cluster: the records side by side, the survivor choice and the three actions. */
  private clusterCard(cluster: DuplicateCluster): HTMLElement {
    const group = `survivor-${cluster.ids.join('-')}`;
    let survivor = proposedSurvivor(cluster.actors);
    const result = h('div', { attrs: { 'aria-live': 'polite' }, testId: 'cluster-result' });
    const head = h(
      'tr',
      {},
      h('th', { attrs: { scope: 'col' }, i18n: 'duplicates.row.record' }),
      ...cluster.actors.map((a) =>
        h(
          'th',
          { attrs: { scope: 'col' } },
          h('a', { text: a.name ?? a.id, attrs: { href: actorHref(a.id) } }),
          h('span', { className: 'hint', text: ` (${a.id})` }),
        ),
      ),
    );
    const choice = h(
      'tr',
      {},
      h('th', { attrs: { scope: 'row' }, i18n: 'duplicates.row.survivor' }),
      ...cluster.actors.map((a) => {
        const radio = h('input', {
          attrs: { type: 'radio', name: group, value: a.id, checked: a.id === survivor },
          testId: 'survivor-choice',
          on: {
            change: () => {
              survivor = a.id;
            },
          },
        });
        radio.setAttribute('aria-label', t('duplicates.keep', { name: a.name ?? a.id }));
        return h('td', {}, radio);
      }),
    );
    const rows = ROWS.map(([label, read]) =>
      h(
        'tr',
        {},
        h('th', { attrs: { scope: 'row' }, i18n: label }),
        ...cluster.actors.map((a) => h('td', { text: read(a) })),
      ),
    );
    const reasons = h(
      'ul',
      { className: 'hint' },
      ...cluster.pairs.map((p) =>
        h('li', { text: `${p.a} ~ ${p.b}: ${p.score.toFixed(2)} (${p.reasons.join('; ')})` }),
      ),
    );
    const buttons: HTMLButtonElement[] = [];
    const act = async (work: () => Promise<void>) => {
      for (const b of buttons) b.disabled = true;
      try {
        await work();
      } catch (e) {
        result.replaceChildren(alertBox(errorDetail(e), 'cluster-error'));
      } finally {
        for (const b of buttons) b.disabled = false;
      }
    };
    const card = h(
      'article',
      { className: 'duplicate-cluster', testId: 'duplicate-cluster' },
      h('h3', {
        text: t('duplicates.cluster', {
          score: cluster.score.toFixed(2),
          n: String(cluster.ids.length),
        }),
      }),
      reasons,
      h(
        'table',
        { className: 'comparison' },
        h('thead', {}, head),
        h('tbody', {}, choice, ...rows),
      ),
    );
    const preview = button('duplicates.preview', 'merge-preview', () =>
      act(async () => {
        const record = await duplicatesApi.merge(mergeRequestFor(cluster, survivor, true));
        result.replaceChildren(previewOf(record));
      }),
    );
    const merge = button('duplicates.merge', 'merge-submit', () =>
      act(async () => {
        const record = await duplicatesApi.merge(mergeRequestFor(cluster, survivor));
        card.replaceChildren(
          notice(t('duplicates.merged', { id: record.id, survivor: record.survivor }), 'merged'),
          h('a', { i18n: 'duplicates.openSurvivor', attrs: { href: actorHref(record.survivor) } }),
        );
        void this.loadMerges();
      }),
    );
    const distinct = button('duplicates.distinct', 'merge-distinct', () =>
      act(async () => {
        for (const [a, b] of pairsOf(cluster.ids)) await duplicatesApi.decide(a, b, true);
        card.replaceChildren(notice(t('duplicates.distinctDone'), 'distinct-done'));
      }),
    );
    distinct.classList.add('secondary');
    buttons.push(preview, merge, distinct);
    card.append(h('div', { className: 'actions' }, preview, merge, distinct), result);
    return card;
  }

  private mergeItem(m: MergeRecord): HTMLElement {
    const lang = getLang();
    const line = h('span', {
      text: t('duplicates.mergeLine', {
        merged: m.merged.join(', '),
        survivor: m.survivor,
        date: formatDate(m.created_at, lang),
        who: m.who,
      }),
    });
    const item = h('li', { testId: 'merge-item', attrs: { 'data-merge': m.id } }, line);
    if (m.undone_at) {
      item.append(
        h('span', {
          className: 'hint',
          text: ` · ${t('duplicates.undone', { date: formatDate(m.undone_at, lang) })}`,
        }),
      );
      return item;
    }
    const undo = button('duplicates.undo', 'merge-undo', async () => {
      undo.disabled = true;
      try {
        const record = await duplicatesApi.undo(m.id);
        const kept = record.undo?.kept ?? [];
        this.undoOutcome.replaceChildren(
          notice(
            kept.length
              ? t('duplicates.undoKept', { fields: kept.join(', ') })
              : t('duplicates.undoDone'),
            'undo-done',
          ),
        );
        void this.loadQueue();
        void this.loadMerges();
      } catch (e) {
        undo.disabled = false;
        this.undoOutcome.replaceChildren(alertBox(errorDetail(e), 'undo-error'));
      }
    });
    undo.classList.add('secondary');
    item.append(' ', undo);
    return item;
  }
}

function button(label: MessageKey, testId: string, onClick: () => unknown): HTMLButtonElement {
  return h('button', {
    i18n: label,
    attrs: { type: 'button' },
    testId,
    on: { click: () => void onClick() },
  });
}

/** What a merge would change: each field, the record it would come from, and its new value. */
function previewOf(record: MergeRecord): HTMLElement {
  if (record.fields.length === 0 && (record.identifiers ?? []).length === 0) {
    return notice(t('duplicates.noChange'), 'merge-preview-result');
  }
  const list = h('dl', { className: 'merge-preview' });
  for (const f of record.fields) {
    list.append(
      h('dt', { text: `${f.field} (${f.from.join(', ')})` }),
      h('dd', { text: displayValue(f.after) }),
    );
  }
  for (const i of record.identifiers ?? []) {
    list.append(h('dt', { text: `${i.scheme} (${i.from})` }), h('dd', { text: i.value }));
  }
  return h(
    'div',
    { testId: 'merge-preview-result' },
    h('h4', { i18n: 'duplicates.previewTitle' }),
    list,
  );
}
