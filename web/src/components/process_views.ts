// What a participatory process shows (docs/participation.md, "Processes"): its phases in order
// with the current one marked in words and by aria-current="step" (never by colour alone), its
// participants (people, and organisations with their delegate, mandate and college), its
// proposals with the institutional response and an "overdue" badge, its decisions with their
// turnout and winners, its draws by lot, its accountability results with their progress, and the
// report of its verification.

import { h, type Child } from '../dom';
import { formatDate } from '../format';
import { getLang, t, tMaybe, type MessageKey } from '../i18n/i18n';
import type {
  AccountabilityResult,
  DecisionRow,
  InstitutionalResponse,
  Participant,
  Phase,
  ProposalRow,
  Sortition,
  VerifyReport,
} from '../processes';
import { processDecisionHref, processProposalHref } from '../router';
import { dataTable, row } from './decide_views';
import { badge } from './finance_common';

/** A value the catalogue names (a phase kind, an answer, a status), else the value itself. */
export function valueLabel(prefix: string, value: string): string {
  return tMaybe(`${prefix}.${value}`) ?? value;
}

export const phaseKindLabel = (kind: string) => valueLabel('process.phaseKind', kind);
export const answerLabel = (answer: string) => valueLabel('process.answer', answer);
export const statusLabel = (status: string) => valueLabel('process.resultStatus', status);
export const methodLabel = (method: string) => valueLabel('decide.method', method);

/** A day as the reader writes it ("–" when none). */
export function day(value: string): string {
  return value ? formatDate(value, getLang()) : '–';
}

/** A titled section, labelled by its heading. */
export function processSection(title: MessageKey, testId: string, ...content: Child[]) {
  const id = `${testId}-title`;
  return h(
    'section',
    { className: 'process-section', attrs: { 'aria-labelledby': id }, testId },
    h('h2', { i18n: title, attrs: { id } }),
    ...content,
  );
}

export function emptyLine(key: MessageKey, testId: string): HTMLElement {
  return h('p', { className: 'process-empty', i18n: key, testId });
}

/** "Proposals (from 2027-01-10 to 2027-02-10)", the current phase marked in words. */
export function phaseList(phases: Phase[], current: string): HTMLElement {
  return h(
    'ol',
    { className: 'process-phases', testId: 'process-phases' },
    ...phases.map((p) => {
      const isCurrent = p.id === current;
      const dates =
        p.start || p.end ? t('process.phase.dates', { start: day(p.start), end: day(p.end) }) : '';
      const li = h(
        'li',
        {
          className: isCurrent ? 'process-phase current' : 'process-phase',
          attrs: { 'aria-current': isCurrent ? 'step' : null, 'data-phase': p.id },
          testId: 'process-phase',
        },
        h('span', { className: 'process-phase-title', text: p.title || p.id }),
        ' ',
        h('span', { className: 'process-phase-kind', text: `(${phaseKindLabel(p.kind)})` }),
        dates && h('span', { className: 'hint', text: ` ${dates}` }),
        isCurrent &&
          h('strong', {
            className: 'process-current-mark',
            text: ` ← ${t('process.phase.current')}`,
            testId: 'process-phase-current',
          }),
      );
      return li;
    }),
  );
}

function participantName(p: Participant): string {
  return p.name && p.name !== p.id ? `${p.name} (${p.id})` : p.id;
}

export function participantsTable(participants: Participant[]): HTMLElement {
  if (participants.length === 0) return emptyLine('process.participants.none', 'process-no-one');
  const byId = new Map(participants.map((p) => [p.id, p]));
  const rows = participants.map((p) => {
    const delegate = byId.get(p.delegate);
    const tr = row(
      'process-participant',
      participantName(p),
      t(p.kind === 'organisation' ? 'process.kind.organisation' : 'process.kind.person'),
      p.kind === 'organisation' && p.delegate
        ? h(
            'span',
            { testId: 'process-delegate' },
            delegate ? participantName(delegate) : p.delegate,
            p.mandate && h('span', { className: 'hint', text: ` — ${p.mandate}` }),
          )
        : '–',
      p.college || '–',
      p.votes === null ? '1' : String(p.votes),
    );
    tr.dataset.participant = p.id;
    return tr;
  });
  return dataTable(
    'process-participants-table',
    'process.participants.caption',
    [
      'process.participant',
      'process.participant.kind',
      'process.participant.delegate',
      'process.participant.college',
      'process.participant.votes',
    ],
    rows,
  );
}

/** The answer in words; a pending one past its deadline also says "overdue" (with a mark). */
export function responseCell(r: InstitutionalResponse | null): HTMLElement {
  if (!r) return h('span', { i18n: 'process.response.none', testId: 'process-response-none' });
  const tone = r.answer === 'rejected' ? 'bad' : r.answer === 'pending' ? 'partial' : 'good';
  return h(
    'span',
    { className: 'process-response' },
    badge(tone, answerLabel(r.answer), 'process-answer'),
    r.overdue && ' ',
    r.overdue && overdueBadge(r.deadline),
  );
}

export function overdueBadge(deadline: string): HTMLElement {
  return h(
    'span',
    { className: 'status-badge tone-bad process-overdue', testId: 'process-overdue' },
    h('span', { className: 'status-symbol', text: '⚠', attrs: { 'aria-hidden': 'true' } }),
    ' ',
    h('span', { text: t('process.response.overdue', { deadline: day(deadline) }) }),
  );
}

export function proposalsTable(processId: string, proposals: ProposalRow[]): HTMLElement {
  if (proposals.length === 0) return emptyLine('process.proposals.none', 'process-no-proposal');
  const rows = proposals.map((p) => {
    const tr = h(
      'tr',
      { testId: 'process-proposal', attrs: { 'data-proposal': p.id } },
      h(
        'th',
        { attrs: { scope: 'row' } },
        h('a', {
          text: p.title || p.id,
          attrs: { href: processProposalHref(processId, p.id) },
          testId: 'process-proposal-link',
        }),
      ),
      h('td', { text: p.author }),
      h('td', { className: 'figure', text: String(p.amendments) }),
      h('td', { className: 'figure', text: String(p.comments) }),
      h('td', {}, responseCell(p.response)),
    );
    return tr;
  });
  return dataTable(
    'process-proposals-table',
    'process.proposals.caption',
    [
      'process.proposal',
      'process.author',
      'process.amendments',
      'process.comments',
      'process.response',
    ],
    rows,
  );
}

/** "7 of 12 voted" */
export function turnout(voted: number, roll: number): string {
  return t('process.decision.turnout', { voted, roll });
}

function winnersText(d: DecisionRow): string {
  if (!d.result) return '–';
  const ids = d.result.winners.length > 0 ? d.result.winners : [];
  if (ids.length === 0) return t('process.decision.noWinner');
  return new Intl.ListFormat(getLang(), { type: 'conjunction' }).format(ids);
}

export function statusText(status: 'open' | 'closed'): string {
  return t(status === 'open' ? 'process.decision.open' : 'process.decision.closed');
}

/**
 * The decisions; `closeButton` gives a convener's button for an open one (null for anyone else).
 */
export function decisionsTable(
  processId: string,
  decisions: DecisionRow[],
  closeButton: (d: DecisionRow) => HTMLElement | null,
): HTMLElement {
  if (decisions.length === 0) return emptyLine('process.decisions.none', 'process-no-decision');
  const rows = decisions.map((d) =>
    h(
      'tr',
      { testId: 'process-decision', attrs: { 'data-decision': d.id } },
      h(
        'th',
        { attrs: { scope: 'row' } },
        h('a', {
          text: d.title || d.id,
          attrs: { href: processDecisionHref(processId, d.id) },
          testId: 'process-decision-link',
        }),
      ),
      h('td', { text: methodLabel(d.method) }),
      h('td', { i18n: d.secret ? 'process.decision.secret' : 'process.decision.openBallot' }),
      h('td', { text: statusText(d.status), testId: 'process-decision-status' }),
      h('td', { text: turnout(d.voted, d.roll), testId: 'process-decision-turnout' }),
      h('td', { text: winnersText(d), testId: 'process-decision-winners' }),
      h('td', {}, d.status === 'open' ? closeButton(d) : null),
    ),
  );
  return dataTable(
    'process-decisions-table',
    'process.decisions.caption',
    [
      'process.decision',
      'process.decision.method',
      'process.decision.ballot',
      'process.decision.status',
      'process.decision.turnoutHeading',
      'process.decision.winners',
      'process.actions',
    ],
    rows,
  );
}

export function sortitionsList(sortitions: Sortition[]): HTMLElement {
  if (sortitions.length === 0) return emptyLine('process.sortitions.none', 'process-no-draw');
  return h(
    'ul',
    { className: 'process-sortitions' },
    ...sortitions.map((s) =>
      h(
        'li',
        { testId: 'process-sortition', attrs: { 'data-sortition': s.id } },
        h('p', { className: 'process-item-title', text: s.id }),
        h('p', {
          text: t('process.sortition.seed', { seed: s.seed, seq: s.seq }),
          testId: 'process-sortition-seed',
        }),
        h('p', {
          text: t('process.sortition.witnesses', { list: s.witnesses.join(', ') || '–' }),
        }),
        h('p', {
          text: t('process.sortition.selected', {
            seats: s.seats,
            list: s.selected.join(', ') || '–',
          }),
          testId: 'process-sortition-selected',
        }),
      ),
    ),
  );
}

/** A result's progress as a bar with its figure in words beside it. */
function progressView(r: AccountabilityResult): HTMLElement | null {
  if (r.progress === null) return null;
  const id = `process-progress-${r.id}`;
  return h(
    'p',
    { className: 'process-progress' },
    h('label', { attrs: { for: id }, i18n: 'process.result.progress' }),
    ' ',
    h('progress', { attrs: { id, max: 100, value: r.progress } }),
    ' ',
    h('span', { text: `${Math.round(r.progress)}%`, testId: 'process-result-progress' }),
  );
}

export function resultsList(
  results: AccountabilityResult[],
  proposalLink: (id: string) => HTMLElement,
): HTMLElement {
  if (results.length === 0) return emptyLine('process.results.none', 'process-no-result');
  return h(
    'ul',
    { className: 'process-results' },
    ...results.map((r) =>
      h(
        'li',
        { testId: 'process-result', attrs: { 'data-result': r.id } },
        h('p', { className: 'process-item-title', text: r.title || r.id }),
        h('p', {
          text: t('process.result.status', { status: statusLabel(r.status) }),
          testId: 'process-result-status',
        }),
        progressView(r),
        r.description && h('p', { text: r.description }),
        r.proposals.length > 0 &&
          h(
            'p',
            {},
            h('span', { i18n: 'process.result.answers' }),
            ' ',
            ...r.proposals.flatMap((id, i) => [i > 0 ? ', ' : '', proposalLink(id)]),
          ),
      ),
    ),
  );
}

/** Verified, or the list of problems, each with its log entry. */
export function verifyReportView(r: VerifyReport): HTMLElement {
  const figures = t('process.verify.figures', {
    entries: r.entries,
    decisions: r.decisionsClosed,
    sortitions: r.sortitions,
    records: r.records,
  });
  return h(
    'div',
    { className: 'process-verify-report', testId: 'process-verify-report' },
    h(
      'p',
      { testId: 'process-verify-status' },
      r.ok
        ? badge('good', t('process.verify.ok'), 'process-verify-ok')
        : badge(
            'bad',
            t('process.verify.problems', { n: r.problems.length }),
            'process-verify-bad',
          ),
    ),
    h('p', { text: figures }),
    h('p', {}, h('span', { i18n: 'process.log.head' }), ' ', hashBox(r.headHash)),
    r.problems.length > 0 &&
      h(
        'ul',
        { className: 'process-problems', testId: 'process-problems' },
        ...r.problems.map((p) => h('li', { text: p.message, testId: 'process-problem' })),
      ),
  );
}

/** A hash (or a commitment) in a monospace box that wraps. */
export function hashBox(hash: string, testId = 'process-hash'): HTMLElement {
  return h('code', { className: 'process-hash', text: hash || '–', testId });
}
