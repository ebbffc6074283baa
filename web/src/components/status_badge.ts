// Status badges of screening results: the status in words, with a symbol and a colour that only
// repeat it (never colour alone).

import { h } from '../dom';
import type { MessageKey } from '../i18n/i18n';
import type { CriterionStatus, PrincipleStatus, Verdict } from '../screening/types';

type Tone = 'good' | 'partial' | 'bad' | 'unknown' | 'none';

const SYMBOLS: Record<Tone, string> = {
  good: '✓',
  partial: '◐',
  bad: '✗',
  unknown: '?',
  none: '–',
};

export const VERDICT_KEYS: Record<Verdict, MessageKey> = {
  consistent: 'verdict.consistent',
  partially_consistent: 'verdict.partially_consistent',
  inconsistent: 'verdict.inconsistent',
  insufficient_evidence: 'verdict.insufficient_evidence',
  not_applicable: 'verdict.not_applicable',
};

const VERDICT_TONES: Record<Verdict, Tone> = {
  consistent: 'good',
  partially_consistent: 'partial',
  inconsistent: 'bad',
  insufficient_evidence: 'unknown',
  not_applicable: 'none',
};

const PRINCIPLE_KEYS: Record<PrincipleStatus, MessageKey> = {
  met: 'status.met',
  partly_met: 'status.partly_met',
  not_met: 'status.not_met',
  insufficient_evidence: 'status.insufficient_evidence',
};

const CRITERION_KEYS: Record<CriterionStatus, MessageKey> = {
  met: 'status.met',
  not_met: 'status.not_met',
  insufficient_evidence: 'status.insufficient_evidence',
  not_applicable: 'status.not_applicable',
};

const STATUS_TONES: Record<PrincipleStatus | CriterionStatus, Tone> = {
  met: 'good',
  partly_met: 'partial',
  not_met: 'bad',
  insufficient_evidence: 'unknown',
  not_applicable: 'none',
};

function badge(tone: Tone, key: MessageKey, status: string, testId: string): HTMLElement {
  return h(
    'span',
    { className: `status-badge tone-${tone}`, attrs: { 'data-status': status }, testId },
    h('span', {
      className: 'status-symbol',
      text: SYMBOLS[tone],
      attrs: { 'aria-hidden': 'true' },
    }),
    ' ',
    h('span', { i18n: key }),
  );
}

export function verdictBadge(verdict: Verdict): HTMLElement {
  return badge(VERDICT_TONES[verdict] ?? 'none', VERDICT_KEYS[verdict], verdict, 'verdict-badge');
}

export function principleBadge(status: PrincipleStatus): HTMLElement {
  return badge(STATUS_TONES[status] ?? 'none', PRINCIPLE_KEYS[status], status, 'principle-badge');
}

export function criterionBadge(status: CriterionStatus): HTMLElement {
  return badge(STATUS_TONES[status] ?? 'none', CRITERION_KEYS[status], status, 'criterion-badge');
}
