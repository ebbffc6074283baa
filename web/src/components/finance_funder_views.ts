// The pieces of the funders' pages: the list of stored funders on #/finance, a funder's terms, and
// its applicants ranked by the server and grouped by eligibility (each group named in words, each
// applicant with its badge, the conditions that held, failed or are unknown and its mechanisms
// that fit). Mechanism ids go through the catalogue's labels when it could be loaded.

import { h } from '../dom';
import {
  formatDecimal,
  type CatalogueMechanism,
  type FunderFit,
  type FunderMatch,
  type FunderTerms,
} from '../finance';
import { t, type MessageKey } from '../i18n/i18n';
import { financeFunderHref, financeOrganisationHref } from '../router';
import { table } from './finance_charts';
import { definitionList } from './definition_list';
import { emptyNote } from './finance_common';
import {
  conditionsList,
  eligibilityBadge,
  fittingMechanismsNote,
} from './finance_organisation_views';

/** A mechanism's id in words, or the id itself. */
export type MechanismLabel = (id: string) => string;

/** The catalogue's label of each mechanism id it knows. */
export function mechanismLabels(catalogue: CatalogueMechanism[]): MechanismLabel {
  const labels = new Map(catalogue.map((m) => [m.id, m.label]));
  return (id) => labels.get(id) ?? id;
}

/** "50,000 to 1,500,000", "from 5,000", "up to 250,000" or "any amount" (currency units). */
export function amountRange(min: number | null, max: number | null, lang: string): string {
  const n = (v: number) => formatDecimal(v, lang);
  if (min !== null && max !== null) return t('finance.funders.range', { min: n(min), max: n(max) });
  if (min !== null) return t('finance.funders.from', { min: n(min) });
  if (max !== null) return t('finance.funders.upTo', { max: n(max) });
  return t('finance.funders.anyAmount');
}

const listOrAny = (items: string[]) =>
  items.length > 0 ? items.join(', ') : t('finance.funders.any');
const readinessOrNone = (stage: string) => stage || t('finance.funders.noMinimum');

/** The stored funders, each linking to its page. */
export function funderListTable(
  funders: FunderTerms[],
  label: MechanismLabel,
  lang: string,
): HTMLElement {
  if (funders.length === 0) return emptyNote('finance.funders.none', 'finance-funder-records-none');
  const rows = funders.map((f) =>
    h(
      'tr',
      { testId: 'finance-funder-row', attrs: { 'data-funder': f.id } },
      h(
        'th',
        { attrs: { scope: 'row' } },
        h('a', {
          text: f.name,
          attrs: { href: financeFunderHref(f.id) },
          testId: 'finance-funder-link',
        }),
      ),
      h('td', { text: f.mechanisms.map(label).join(', ') }),
      h('td', { className: 'figure', text: amountRange(f.amountMin, f.amountMax, lang) }),
      h('td', { text: readinessOrNone(f.minReadiness) }),
    ),
  );
  return table(
    'finance-funders-table',
    'finance.funders.caption',
    [
      'finance.funders.name',
      'finance.funders.mechanisms',
      'finance.funders.amount',
      'finance.funders.minReadiness',
    ],
    rows,
  );
}

/** A funder's terms; an empty list reads "any". */
export function funderTermsView(f: FunderTerms, label: MechanismLabel, lang: string): HTMLElement {
  return h(
    'div',
    { testId: 'finance-funder-terms' },
    definitionList([
      {
        label: 'finance.funders.mechanisms',
        value: f.mechanisms.map(label).join(', '),
        testId: 'finance-terms-mechanisms',
      },
      {
        label: 'finance.funders.amount',
        value: amountRange(f.amountMin, f.amountMax, lang),
        testId: 'finance-terms-amount',
      },
      { label: 'finance.condition.region', value: listOrAny(f.regions) },
      { label: 'finance.condition.sector', value: listOrAny(f.sectors) },
      { label: 'finance.condition.legal_form', value: listOrAny(f.legalForms) },
      {
        label: 'finance.funders.minReadiness',
        value: readinessOrNone(f.minReadiness),
        testId: 'finance-terms-readiness',
      },
    ]),
  );
}

const GROUPS: [string, MessageKey][] = [
  ['eligible', 'finance.funder.eligible'],
  ['unknown', 'finance.funder.unknown'],
  ['not_eligible', 'finance.funder.not_eligible'],
];

function applicantItem(a: FunderFit, label: MechanismLabel): HTMLElement {
  return h(
    'li',
    {
      className: 'finance-funder',
      testId: 'finance-applicant',
      attrs: {
        value: a.rank || null,
        'data-rank': a.rank,
        'data-organisation': a.organisation,
        'data-eligibility': a.eligibility,
      },
    },
    h(
      'p',
      {},
      h(
        'strong',
        {},
        h('a', {
          text: a.organisation,
          attrs: { href: financeOrganisationHref(a.organisation) },
          testId: 'finance-applicant-link',
        }),
      ),
      ' ',
      eligibilityBadge(a.eligibility),
    ),
    fittingMechanismsNote(a.fittingMechanisms, label),
    conditionsList(a.conditions),
  );
}

/**
 * The applicants in the server's order, grouped by eligibility (a value outside the three reads
 * as unknown, like its badge); each keeps its overall rank as its list number.
 */
export function applicantsView(match: FunderMatch, label: MechanismLabel): HTMLElement {
  if (match.results.length === 0) {
    return emptyNote('finance.applicants.none', 'finance-applicants-none');
  }
  const groupOf = (e: string) => (GROUPS.some(([g]) => g === e) ? e : 'unknown');
  return h(
    'div',
    { className: 'finance-fit-groups' },
    match.orderedBy.length > 0 &&
      h('p', {
        className: 'hint',
        text: t('finance.applicants.orderedBy', { list: match.orderedBy.join('; ') }),
        testId: 'finance-applicants-ordered-by',
      }),
    ...GROUPS.map(([eligibility, key]) => {
      const group = match.results.filter((a) => groupOf(a.eligibility) === eligibility);
      return h(
        'div',
        { className: 'finance-fit-group', testId: `finance-applicants-${eligibility}` },
        h('h3', { text: `${t(key)} (${group.length})` }),
        group.length === 0
          ? h('p', { className: 'hint', i18n: 'finance.fit.empty' })
          : h(
              'ol',
              { className: 'finance-funder-list' },
              ...group.map((a) => applicantItem(a, label)),
            ),
      );
    }),
  );
}
