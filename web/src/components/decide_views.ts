// The parts of a tally's result every method shares: whether it decided and why not, the
// winners (or those leading when nothing was decided), the tie-break rule when a tie was broken,
// the ballots by channel and by college, the quorum's conditions and the threshold's share
// against the share needed. The method's own details are in decide_method_views.ts.

import { h, type Child } from '../dom';
import type { TallyResult, ThresholdResult } from '../decide';
import { t, tMaybe, type MessageKey } from '../i18n/i18n';

/** How the views name and format things: option names from the input, the reader's language. */
export interface ViewContext {
  lang: string;
  names: Map<string, string>;
}

export function optionLabel(ctx: ViewContext, id: string): string {
  const name = ctx.names.get(id);
  return name && name !== id ? `${name} (${id})` : id;
}

export function fmt(ctx: ViewContext, n: number): string {
  return new Intl.NumberFormat(ctx.lang, { maximumFractionDigits: 3 }).format(n);
}

export function pct(ctx: ViewContext, share: number): string {
  return new Intl.NumberFormat(ctx.lang, { style: 'percent', maximumFractionDigits: 1 }).format(
    share,
  );
}

export function list(ctx: ViewContext, ids: string[]): string {
  return new Intl.ListFormat(ctx.lang, { type: 'conjunction' }).format(
    ids.map((id) => optionLabel(ctx, id)),
  );
}

export type Heading = MessageKey | { text: string };

/** A data table: a caption, column headings (keys or plain text), rows of cells. */
export function dataTable(
  testId: string,
  caption: MessageKey,
  headings: Heading[],
  rows: HTMLTableRowElement[],
): HTMLElement {
  const th = (x: Heading) =>
    typeof x === 'string'
      ? h('th', { i18n: x, attrs: { scope: 'col' } })
      : h('th', { text: x.text, attrs: { scope: 'col' } });
  return h(
    'div',
    { className: 'table-wrapper' },
    h(
      'table',
      { className: 'data-table decide-table', testId },
      h('caption', { i18n: caption }),
      h('thead', {}, h('tr', {}, ...headings.map(th))),
      h('tbody', {}, ...rows),
    ),
  );
}

/** A row: a header cell naming it, then cells (figures right-aligned). */
export function row(testId: string, head: string, ...cells: Child[]): HTMLTableRowElement {
  return h(
    'tr',
    { testId },
    h('th', { text: head, attrs: { scope: 'row' } }),
    ...cells.map((c) => (c instanceof HTMLElement && c.tagName === 'TD' ? c : h('td', {}, c))),
  );
}

export function figure(text: string, testId?: string): HTMLTableCellElement {
  return h('td', { className: 'figure', text, testId });
}

export function section(title: MessageKey, testId: string, ...children: Child[]): HTMLElement {
  return h(
    'section',
    { className: 'decide-section', testId },
    h('h3', { i18n: title }),
    ...children,
  );
}

/** "Met" or "Not met", in words and with a mark, never by colour alone. */
export function metBadge(met: boolean): HTMLElement {
  return h('span', {
    className: `decide-badge ${met ? 'decide-met' : 'decide-not-met'}`,
    text: `${met ? '✓' : '✗'} ${t(met ? 'decide.met' : 'decide.notMet')}`,
  });
}

const WHY: Record<string, MessageKey> = {
  'the quorum was not met': 'decide.why.quorum',
  'no option reached the threshold': 'decide.why.threshold',
  'no option won': 'decide.why.none',
};

/** The engine's reason in the reader's language (its words when they are new). */
export function whyUndecided(why: string): string {
  const key = WHY[why];
  return key ? t(key) : why;
}

function winners(ctx: ViewContext, r: TallyResult): HTMLElement {
  const leading = !r.decided && r.winners.length === 0 && r.leading.length > 0;
  const ids = leading ? r.leading : r.winners;
  return h(
    'div',
    { className: 'decide-winners' },
    h('h3', { i18n: leading ? 'decide.result.leading' : 'decide.result.winners' }),
    ids.length > 0
      ? h(
          'ul',
          { testId: leading ? 'decide-leading' : 'decide-winners' },
          ...ids.map((id) => h('li', { text: optionLabel(ctx, id), testId: 'decide-winner' })),
        )
      : h('p', { i18n: 'decide.result.noWinner', testId: 'decide-no-winner' }),
  );
}

function tieBreak(ctx: ViewContext, r: TallyResult): HTMLElement | null {
  if (!r.tie || !r.tieBreak) return null;
  return h(
    'div',
    { className: 'notice decide-tie', testId: 'decide-tie' },
    h('p', { text: t('decide.tie.broken', { rule: r.tieBreak }), testId: 'decide-tie-rule' }),
    r.tied.length > 0 && h('p', { text: t('decide.tie.tied', { list: list(ctx, r.tied) }) }),
    r.tieBreakOrder.length > 0 &&
      h('p', { text: t('decide.tie.order', { list: list(ctx, r.tieBreakOrder) }) }),
  );
}

/** Decided, or not and why, then the winners or those leading, then a broken tie's rule. */
export function summaryView(ctx: ViewContext, r: TallyResult): HTMLElement {
  const status = r.decided
    ? t('decide.result.decided')
    : t('decide.result.undecided', { why: whyUndecided(r.whyUndecided) });
  return h(
    'div',
    { className: 'decide-summary', testId: 'decide-summary' },
    h('p', {
      className: `decide-status ${r.decided ? 'decide-decided' : 'decide-undecided'}`,
      text: `${r.decided ? '✓' : '✗'} ${status}`,
      testId: 'decide-status',
    }),
    h('p', {
      text: t('decide.result.method', { method: tMaybe(`decide.method.${r.method}`) ?? r.method }),
    }),
    winners(ctx, r),
    tieBreak(ctx, r),
  );
}

const CHANNELS: [string, MessageKey][] = [
  ['online', 'decide.channel.online'],
  ['paper', 'decide.channel.paper'],
  ['in_person', 'decide.channel.in_person'],
];

/** The ballots cast, by channel and (with colleges) by college. */
export function ballotsView(ctx: ViewContext, r: TallyResult): HTMLElement {
  const b = r.ballots;
  // The engine writes by_college in alphabetical order; the colleges' details keep the input's.
  const order = r.colleges.map((c) => c.name);
  const place = (name: string) => (order.includes(name) ? order.indexOf(name) : order.length);
  const colleges = Object.entries(b.byCollege).sort(([a], [c]) => place(a) - place(c));
  return section(
    'decide.ballots.title',
    'decide-ballots',
    h('p', {
      testId: 'decide-cast',
      text: t('decide.ballots.cast', {
        n: fmt(ctx, b.cast),
        represented: fmt(ctx, b.represented),
        proxies: fmt(ctx, b.proxies),
      }),
    }),
    dataTable(
      'decide-by-channel',
      'decide.channel.caption',
      ['decide.channel.name', 'decide.count'],
      CHANNELS.map(([id, key]) =>
        row('decide-channel-row', t(key), figure(fmt(ctx, b.byChannel[id] ?? 0))),
      ),
    ),
    colleges.length > 0 &&
      dataTable(
        'decide-by-college',
        'decide.byCollege.caption',
        ['decide.college', 'decide.count'],
        colleges.map(([name, n]) => row('decide-college-count', name, figure(fmt(ctx, n)))),
      ),
  );
}

const QUORUM_RULES: Record<string, MessageKey> = {
  min_ballots: 'decide.quorum.min_ballots',
  min_share_of_eligible: 'decide.quorum.min_share_of_eligible',
  min_colleges: 'decide.quorum.min_colleges',
};

/** Whether the quorum was met, and each of its conditions. */
export function quorumView(ctx: ViewContext, r: TallyResult): HTMLElement {
  const q = r.quorum;
  const value = (rule: string, n: number) =>
    rule === 'min_share_of_eligible' ? pct(ctx, n) : fmt(ctx, n);
  return section(
    'decide.quorum.title',
    'decide-quorum',
    h('p', {
      testId: 'decide-quorum-status',
      i18n:
        q.conditions.length === 0
          ? 'decide.quorum.none'
          : q.met
            ? 'decide.quorum.met'
            : 'decide.quorum.notMet',
    }),
    q.conditions.length > 0 &&
      dataTable(
        'decide-quorum-table',
        'decide.quorum.caption',
        ['decide.quorum.rule', 'decide.quorum.needed', 'decide.quorum.actual', 'decide.met'],
        q.conditions.map((c) => {
          const label = QUORUM_RULES[c.rule];
          return row(
            'decide-quorum-row',
            label ? t(label) : c.rule,
            figure(value(c.rule, c.needed)),
            figure(value(c.rule, c.actual)),
            metBadge(c.met),
          );
        }),
      ),
  );
}

function thresholdSentence(ctx: ViewContext, th: ThresholdResult): string {
  return t('decide.threshold.result', {
    share: pct(ctx, th.share),
    of: t(th.of === 'eligible voters' ? 'decide.threshold.ofEligible' : 'decide.threshold.ofVotes'),
    rule: t(th.strictlyMore ? 'decide.thresholdRule.more' : 'decide.thresholdRule.least'),
    needed: pct(ctx, th.needed),
  });
}

/** The share that had to pass the threshold against the share needed. */
export function thresholdView(ctx: ViewContext, r: TallyResult): HTMLElement {
  const th = r.threshold;
  return section(
    'decide.threshold.title',
    'decide-threshold',
    th
      ? h(
          'p',
          { testId: 'decide-threshold-result' },
          metBadge(th.met),
          ' ',
          thresholdSentence(ctx, th),
        )
      : h('p', { i18n: 'decide.threshold.none', testId: 'decide-threshold-none' }),
  );
}
