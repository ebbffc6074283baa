// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { Assessment, ScreeningResult } from '../screening/types';
import { historyList } from './history_list';
import { screeningResultView } from './screening_result';
import { statutesView } from './statutes_view';

const names = { label: (path: string) => `«${path}»`, spec: () => undefined };

const result: ScreeningResult = {
  framework: 'un-ilo',
  version: '1.0.0',
  title: 'UN/ILO definition',
  verdict: 'insufficient_evidence',
  principles: [
    {
      id: 'democratic_governance',
      title: 'Democratic governance',
      status: 'insufficient_evidence',
      criteria: [
        {
          id: 'democratic.one_member_one_vote',
          status: 'insufficient_evidence',
          severity: 'hard',
          evidence: [{ fact: 'governance.voting_rule', missing: true }],
          source: { ref: 'r193', article: 'para 7', title: 'ILO R193', verified: false },
          explanation: 'The voting rule is not known.',
          missing: ['governance.voting_rule'],
        },
        {
          id: 'esus.pay',
          status: 'not_applicable',
          severity: 'strong',
          evidence: [],
          source: { ref: 'x', article: '' },
        },
      ],
    },
  ],
  red_flags: [
    {
      id: 'declared_vs_statutes_conflict',
      severity: 'strong',
      evidence: [
        {
          fact: 'purpose.social',
          declared: false,
          statutes: true,
          statutes_evidence: {
            clause: 'social_purpose',
            polarity: 'affirmed',
            start: 0,
            end: 4,
            text: 'quote',
          },
        },
      ],
      explanation: 'The statutes say otherwise.',
    },
  ],
  unchecked_flags: [{ id: 'capital_voting', missing: ['governance.voting_rule'] }],
};

describe('screening result', () => {
  it('says each status in words, not only in colour', () => {
    const el = screeningResultView(result, names);
    const badges = [...el.querySelectorAll('.status-badge')].map((b) => b.textContent?.trim());
    expect(badges).toContain('? Insufficient evidence');
    expect(el.querySelector('[data-testid="verdict-badge"]')?.getAttribute('data-status')).toBe(
      'insufficient_evidence',
    );
  });

  it('names the missing facts, marks unverified sources and folds criteria that do not apply', () => {
    const el = screeningResultView(result, names);
    expect(el.querySelector('[data-testid="missing-facts"]')?.textContent).toBe(
      'Missing facts: «governance.voting_rule»',
    );
    expect(el.querySelector('[data-testid="unverified"]')?.textContent).toBe('unverified');
    expect(el.querySelector('details.not-applicable summary')?.textContent).toBe(
      'Criteria that do not apply (1)',
    );
    expect(el.querySelectorAll('[data-testid="criterion"]')).toHaveLength(1);
  });

  it('shows the red flags with the conflicts, and the flags it could not check', () => {
    const el = screeningResultView(result, names);
    const flag = el.querySelector('[data-testid="red-flag"]');
    expect(flag?.textContent).toContain('«purpose.social»: declared No, the statutes say Yes');
    expect(el.querySelector('[data-testid="unchecked-flags"]')?.textContent).toContain(
      'capital_voting',
    );
  });
});

describe('statutes view', () => {
  it('highlights the clauses at their byte offsets', () => {
    const text = 'Préambule. One member, one vote.';
    const start = new TextEncoder().encode('Préambule. ').length;
    const el = statutesView(text, [
      {
        type: 'one_member_one_vote',
        polarity: 'affirmed',
        evidence: { start, end: start + 'One member, one vote'.length },
      },
    ]);
    const marks = el.querySelectorAll('[data-testid="evidence-span"]');
    expect([...marks].map((m) => m.textContent)).toEqual(['One member, one vote']);
    expect(el.querySelector('[data-testid="statutes-text"]')?.textContent).toBe(text);
  });
});

describe('history', () => {
  const item = (n: number, verdict: Assessment['verdict'], changes?: Assessment['changes']) =>
    ({
      id: `a${n}`,
      framework: 'un-ilo',
      framework_version: '1.0.0',
      n,
      date: '2026-01-0' + n,
      who: 'user:1',
      profile_version: n,
      verdict,
      result,
      changes,
    }) as Assessment;

  it('lists assessments newest first with what changed', () => {
    const el = historyList([
      item(1, 'insufficient_evidence'),
      item(2, 'inconsistent', [
        { what: 'verdict', id: 'un-ilo', from: 'insufficient_evidence', to: 'inconsistent' },
        { what: 'red_flag', id: 'capital_voting', from: '', to: 'raised' },
      ]),
    ]);
    const entries = el.querySelectorAll('[data-testid="history-entry"]');
    expect(entries).toHaveLength(2);
    expect(entries[0]?.querySelector('[data-testid="history-changes"]')?.textContent).toBe(
      'Verdict un-ilo: Insufficient evidence → InconsistentRed flag capital_voting: none → raised',
    );
    expect(entries[1]?.textContent).toContain('First assessment under this framework.');
  });
});
