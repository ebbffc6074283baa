// The opinion map's result: who was placed and how much of the votes' variation the two axes
// hold, the scatter with its legend and the groups' table (its text alternative), the statements
// each axis leans on, the silhouette of each k tried with the k chosen, each group's
// representative statements (the direction in words), the consensus statements (the ten with
// the highest group-informed consensus, the rest on demand), and the colleges' view when the
// participants named their college.

import { h } from '../dom';
import { t, type MessageKey } from '../i18n/i18n';
import { byGic, type Consensus, type OpinionGroup, type OpinionResult } from '../opinion';
import {
  dataTable,
  figure,
  fmt,
  optionLabel,
  pct,
  row,
  section,
  type ViewContext,
} from './decide_views';
import { groupName, opinionLegend, opinionScatter } from './opinion_scatter';

/** How many consensus statements are shown before "show all". */
export const CONSENSUS_SHOWN = 10;

export function opinionSummary(ctx: ViewContext, r: OpinionResult): HTMLElement {
  return h(
    'div',
    { className: 'decide-summary', testId: 'opinion-summary' },
    h('p', {
      testId: 'opinion-counts',
      text: t('opinion.summary', {
        placed: fmt(ctx, r.placed),
        participants: fmt(ctx, r.participants),
        statements: fmt(ctx, r.statements),
        votes: fmt(ctx, r.votes),
      }),
    }),
    r.explained.length >= 2 &&
      h('p', {
        text: t('opinion.explained', {
          first: pct(ctx, r.explained[0] ?? 0),
          second: pct(ctx, r.explained[1] ?? 0),
        }),
      }),
  );
}

/** The scatter, its legend, and the groups with their sizes and centroids as a table. */
export function opinionMapView(ctx: ViewContext, r: OpinionResult): HTMLElement {
  return section(
    'opinion.map.title',
    'opinion-map',
    h('p', { className: 'hint', i18n: 'opinion.map.hint' }),
    opinionScatter(r),
    opinionLegend(r),
    dataTable(
      'opinion-groups-table',
      'opinion.groups.caption',
      ['opinion.group', 'opinion.size', 'opinion.centroidX', 'opinion.centroidY'],
      r.groups.map((g) => {
        const tr = row(
          'opinion-group-row',
          t('opinion.groupName', { group: groupName(g.id) }),
          figure(fmt(ctx, g.size)),
          figure(g.centroid ? fmt(ctx, g.centroid[0]) : '–'),
          figure(g.centroid ? fmt(ctx, g.centroid[1]) : '–'),
        );
        tr.dataset.group = g.id;
        return tr;
      }),
    ),
  );
}

/** The statements each axis leans on most (their loadings). */
export function opinionAxesView(ctx: ViewContext, r: OpinionResult): HTMLElement | null {
  if (r.topLoadings.every((axis) => axis.length === 0)) return null;
  return section(
    'opinion.axes.title',
    'opinion-axes',
    dataTable(
      'opinion-loadings',
      'opinion.axes.caption',
      ['opinion.axisName', 'opinion.statement', 'opinion.loading'],
      r.topLoadings.flatMap((axis, i) =>
        axis.map((l) =>
          row(
            'opinion-loading-row',
            t('opinion.axisN', { n: i + 1 }),
            optionLabel(ctx, l.statement),
            figure(fmt(ctx, l.loading)),
          ),
        ),
      ),
    ),
  );
}

/** The silhouette of each k tried, the k chosen marked in words. */
export function silhouetteView(ctx: ViewContext, r: OpinionResult): HTMLElement {
  return section(
    'opinion.silhouette.title',
    'opinion-silhouette',
    h('p', {
      text: t('opinion.silhouette.chosen', { k: r.k }),
      testId: 'opinion-k',
    }),
    h('p', { className: 'hint', i18n: 'opinion.silhouette.hint' }),
    r.silhouette.length > 0 &&
      dataTable(
        'opinion-silhouette-table',
        'opinion.silhouette.caption',
        ['opinion.k', 'opinion.silhouette', 'opinion.chosen'],
        r.silhouette.map((s) => {
          const tr = row(
            'opinion-silhouette-row',
            fmt(ctx, s.k),
            figure(fmt(ctx, s.score)),
            s.k === r.k ? `✓ ${t('opinion.chosen.yes')}` : '',
          );
          tr.dataset.k = String(s.k);
          return tr;
        }),
      ),
  );
}

const DIRECTION: Record<'agree' | 'disagree', MessageKey> = {
  agree: 'opinion.direction.agree',
  disagree: 'opinion.direction.disagree',
};

function statementLabel(ctx: ViewContext, id: string, text: string): string {
  return text ? `${text} (${id})` : optionLabel(ctx, id);
}

function representativeTable(ctx: ViewContext, g: OpinionGroup, caption: MessageKey) {
  return dataTable(
    'opinion-representative',
    caption,
    [
      'opinion.statement',
      'opinion.direction',
      'opinion.agree',
      'opinion.disagree',
      'opinion.pass',
      'opinion.share',
    ],
    g.representative.map((s) => {
      const tr = row(
        'opinion-representative-row',
        statementLabel(ctx, s.statement, s.text),
        h('td', { text: t(DIRECTION[s.direction]), testId: 'opinion-direction' }),
        figure(fmt(ctx, s.agree)),
        figure(fmt(ctx, s.disagree)),
        figure(fmt(ctx, s.pass)),
        figure(pct(ctx, s.share)),
      );
      tr.dataset.statement = s.statement;
      return tr;
    }),
  );
}

function groupBlock(ctx: ViewContext, g: OpinionGroup, heading: string, caption: MessageKey) {
  const block = h(
    'div',
    { className: 'opinion-group', testId: 'opinion-group' },
    h('h4', { text: heading }),
    g.representative.length > 0
      ? representativeTable(ctx, g, caption)
      : h('p', { i18n: 'opinion.representative.none' }),
  );
  block.dataset.group = g.id;
  return block;
}

/** Each opinion group's representative statements. */
export function groupsView(ctx: ViewContext, r: OpinionResult): HTMLElement {
  return section(
    'opinion.groups.title',
    'opinion-groups',
    h('p', { className: 'hint', i18n: 'opinion.groups.hint' }),
    ...r.groups.map((g) =>
      groupBlock(
        ctx,
        g,
        t('opinion.groupHeading', { group: groupName(g.id), n: fmt(ctx, g.size) }),
        'opinion.representative.caption',
      ),
    ),
  );
}

/** The consensus statements by GIC: the first ten, and a button showing or hiding the rest. */
function consensusTable(ctx: ViewContext, list: Consensus[], testId: string): HTMLElement {
  const sorted = byGic(list);
  const rows = sorted.map((c, i) => {
    const tr = row(
      `${testId}-row`,
      statementLabel(ctx, c.statement, c.text),
      figure(fmt(ctx, c.gic)),
      figure(fmt(ctx, c.agree)),
      figure(fmt(ctx, c.disagree)),
      figure(fmt(ctx, c.pass)),
    );
    tr.dataset.statement = c.statement;
    tr.hidden = i >= CONSENSUS_SHOWN;
    return tr;
  });
  const table = dataTable(
    testId,
    'opinion.consensus.caption',
    ['opinion.statement', 'opinion.gic', 'opinion.agree', 'opinion.disagree', 'opinion.pass'],
    rows,
  );
  const wrapper = h('div', {}, table);
  if (sorted.length <= CONSENSUS_SHOWN) return wrapper;
  let all = false;
  const button = h('button', {
    className: 'secondary small',
    text: t('opinion.consensus.all', { n: sorted.length }),
    attrs: { type: 'button', 'aria-expanded': 'false' },
    testId: `${testId}-all`,
    on: {
      click: () => {
        all = !all;
        rows.forEach((tr, i) => (tr.hidden = !all && i >= CONSENSUS_SHOWN));
        button.setAttribute('aria-expanded', String(all));
        button.textContent = all
          ? t('opinion.consensus.top', { n: CONSENSUS_SHOWN })
          : t('opinion.consensus.all', { n: sorted.length });
      },
    },
  });
  wrapper.append(button);
  return wrapper;
}

export function consensusView(ctx: ViewContext, r: OpinionResult): HTMLElement {
  return section(
    'opinion.consensus.title',
    'opinion-consensus',
    h('p', { className: 'hint', i18n: 'opinion.consensus.hint' }),
    r.consensus.length > 0
      ? consensusTable(ctx, r.consensus, 'opinion-consensus-table')
      : h('p', { i18n: 'opinion.consensus.none' }),
  );
}

/** Where the colleges (workers, users...) agree, and what each college stands for. */
export function opinionCollegesView(ctx: ViewContext, r: OpinionResult): HTMLElement | null {
  const c = r.colleges;
  if (!c) return null;
  const names = c.groups.map((g) => g.id).join(', ');
  return section(
    'opinion.colleges.title',
    'opinion-colleges',
    h('p', { className: 'hint', text: t('opinion.colleges.hint', { colleges: names }) }),
    c.consensus.length > 0
      ? consensusTable(ctx, c.consensus, 'opinion-college-consensus')
      : h('p', { i18n: 'opinion.consensus.none' }),
    ...c.groups.map((g) =>
      groupBlock(
        ctx,
        g,
        t('opinion.collegeHeading', { college: g.id, n: fmt(ctx, g.size) }),
        'opinion.collegeRepresentative.caption',
      ),
    ),
  );
}
