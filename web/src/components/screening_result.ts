// One framework's screening result, principle by principle: each principle's status, each
// criterion's status, explanation, missing facts, evidence and source, then the red flags raised
// and those that could not be checked. Used for live self-assessments and stored assessments.

import { h } from '../dom';
import { t, type MessageKey } from '../i18n/i18n';
import { showValue } from '../screening/facts';
import type {
  Conflict,
  CriterionResult,
  Evidence,
  FactSpec,
  FlagResult,
  PrincipleResult,
  ScreeningResult,
  Severity,
  SourceJson,
  Span,
} from '../screening/types';
import { safeHttpUrl } from '../format';
import { criterionBadge, principleBadge, verdictBadge } from './status_badge';

/** How facts are named and described in the result. */
export interface FactNames {
  label(path: string): string;
  spec(path: string): FactSpec | undefined;
  /** The statutes' words at a span, when the evidence does not carry them (stored results). */
  quote?(span: Span): string | undefined;
}

const SEVERITY_KEYS: Record<Severity, MessageKey> = {
  hard: 'severity.hard',
  strong: 'severity.strong',
  soft: 'severity.soft',
};

const SOURCE_KEYS: Record<string, MessageKey> = {
  declared: 'factSource.declared',
  registry: 'factSource.registry',
  statutes: 'factSource.statutes',
  assessor: 'factSource.assessor',
};

export function screeningResultView(result: ScreeningResult, names: FactNames): HTMLElement {
  return h(
    'section',
    {
      className: 'screening-result',
      attrs: { 'data-framework': result.framework },
      testId: 'screening-result',
    },
    h(
      'div',
      { className: 'result-heading' },
      h('h3', { text: result.title || result.framework }),
      verdictBadge(result.verdict),
    ),
    result.texts_from_version &&
      h('p', {
        className: 'hint',
        text: t('screening.textsFrom', {
          version: result.texts_from_version,
          assessed: result.version,
        }),
      }),
    result.principles.length > 0 &&
      h(
        'ol',
        { className: 'principle-list' },
        ...result.principles.map((p) => principle(p, names)),
      ),
    flags(result, names),
  );
}

function principle(p: PrincipleResult, names: FactNames): HTMLElement {
  const applicable = p.criteria.filter((c) => c.status !== 'not_applicable');
  const other = p.criteria.filter((c) => c.status === 'not_applicable');
  return h(
    'li',
    { className: 'principle', attrs: { 'data-principle': p.id }, testId: 'principle' },
    h(
      'div',
      { className: 'result-heading' },
      h('h4', { text: p.title || p.id }),
      principleBadge(p.status),
    ),
    applicable.length > 0 &&
      h('ul', { className: 'criterion-list' }, ...applicable.map((c) => criterion(c, names))),
    other.length > 0 &&
      h(
        'details',
        { className: 'not-applicable' },
        h('summary', { text: t('screening.notApplicable', { n: other.length }) }),
        h('ul', {}, ...other.map((c) => h('li', {}, h('code', { text: c.id })))),
      ),
  );
}

function criterion(c: CriterionResult, names: FactNames): HTMLElement {
  return h(
    'li',
    { className: 'criterion', attrs: { 'data-criterion': c.id }, testId: 'criterion' },
    h(
      'div',
      { className: 'criterion-head' },
      criterionBadge(c.status),
      h('code', { className: 'criterion-id', text: c.id }),
      h('span', { className: 'severity', i18n: SEVERITY_KEYS[c.severity] }),
    ),
    c.explanation && h('p', { className: 'explanation', text: c.explanation }),
    c.missing &&
      c.missing.length > 0 &&
      h('p', {
        className: 'missing-facts',
        text: t('screening.missing', { facts: c.missing.map((f) => names.label(f)).join('; ') }),
        testId: 'missing-facts',
      }),
    c.error && h('p', { className: 'hint', text: t('screening.error', { error: c.error }) }),
    evidenceList(c.evidence, names),
    sourceLine(c.source),
  );
}

/** The facts a criterion or red flag read: value and origin, or "not known". */
function evidenceList(evidence: readonly Evidence[] | undefined, names: FactNames) {
  const known = (evidence ?? []).filter((e) => !e.missing);
  if (known.length === 0) return null;
  return h(
    'ul',
    { className: 'evidence', attrs: { 'aria-label': t('screening.evidence') } },
    ...known.map((e) => {
      const origin = e.source ? SOURCE_KEYS[e.source] : undefined;
      const shown =
        'value' in e ? showValue(e.value, names.spec(e.fact)) : t('screening.valueHidden');
      return h(
        'li',
        {},
        t('screening.factValue', { fact: names.label(e.fact), value: shown }),
        origin && h('span', { className: 'fact-origin', text: ` (${t(origin)})` }),
        quoted(e.statutes, names),
      );
    }),
  );
}

/** The statutes' words behind a fact, quoted. */
function quoted(span: Span | undefined, names: FactNames): HTMLElement | null {
  const text = span ? (span.text ?? names.quote?.(span)) : undefined;
  return text ? h('q', { className: 'statutes-quote', text, testId: 'statutes-quote' }) : null;
}

function sourceLine(source: SourceJson | undefined): HTMLElement | null {
  if (!source?.ref) return null;
  const title = source.title ?? source.ref;
  const url = safeHttpUrl(source.url);
  return h(
    'p',
    { className: 'source-line' },
    h('span', { text: `${t('screening.source')} ` }),
    url ? h('a', { text: title, attrs: { href: url, rel: 'noopener', target: '_blank' } }) : title,
    source.article ? `, ${source.article}` : '',
    source.verified === false &&
      h('span', { className: 'unverified', i18n: 'screening.unverified', testId: 'unverified' }),
  );
}

function flags(result: ScreeningResult, names: FactNames): HTMLElement {
  const raised = result.red_flags;
  const unchecked = result.unchecked_flags;
  return h(
    'div',
    { className: 'flags' },
    h('h4', { i18n: 'screening.redFlags' }),
    raised.length === 0
      ? h('p', { i18n: 'screening.noRedFlags' })
      : h('ul', { className: 'red-flag-list' }, ...raised.map((f) => flag(f, names))),
    unchecked.length > 0 &&
      h(
        'details',
        { className: 'unchecked-flags', testId: 'unchecked-flags' },
        h('summary', { text: t('screening.unchecked', { n: unchecked.length }) }),
        h(
          'ul',
          {},
          ...unchecked.map((u) =>
            h(
              'li',
              {},
              h('code', { text: u.id }),
              u.missing.length > 0 &&
                ` — ${t('screening.missing', { facts: u.missing.map((f) => names.label(f)).join('; ') })}`,
            ),
          ),
        ),
      ),
  );
}

function flag(f: FlagResult, names: FactNames): HTMLElement {
  const conflicts = (f.evidence ?? []).filter((e): e is Conflict => 'declared' in e);
  const facts = (f.evidence ?? []).filter((e): e is Evidence => !('declared' in e));
  return h(
    'li',
    { className: 'red-flag', attrs: { 'data-flag': f.id }, testId: 'red-flag' },
    h(
      'div',
      { className: 'criterion-head' },
      h('span', { className: 'status-badge tone-bad', text: `⚑ ${t('screening.redFlag')}` }),
      h('code', { className: 'criterion-id', text: f.id }),
      h('span', { className: 'severity', i18n: SEVERITY_KEYS[f.severity] }),
    ),
    f.explanation && h('p', { className: 'explanation', text: f.explanation }),
    conflicts.length > 0 &&
      h(
        'ul',
        { className: 'evidence' },
        ...conflicts.map((c) =>
          h(
            'li',
            {},
            t('screening.conflict', {
              fact: names.label(c.fact),
              declared: showValue(c.declared, names.spec(c.fact)),
              statutes: showValue(c.statutes, names.spec(c.fact)),
            }),
            quoted(c.statutes_evidence, names),
          ),
        ),
      ),
    evidenceList(facts, names),
    sourceLine(f.source),
  );
}
