import { describe, expect, it } from 'vitest';
import {
  aggregatePrinciple,
  criterionOutcome,
  defaultFrameworks,
  evidenceOf,
  overallVerdict,
  screen,
  subjectOf,
} from './engine';
import type { Criterion, Framework, Severity } from './types';

const texts = (en: string) => ({ en, fr: `${en} (fr)`, es: `${en} (es)`, pt: `${en} (pt)` });

function criterion(id: string, principle: string, severity: Severity, rule: unknown): Criterion {
  return {
    id,
    principle,
    severity,
    facts: [],
    rule,
    source: { ref: 'law', article: 'art. 1' },
    explanation: {
      met: texts(`${id} met`),
      not_met: texts(`${id} not met`),
      insufficient_evidence: texts(`${id} unknown`),
    },
  };
}

const framework: Framework = {
  id: 'test',
  version: '1.0.0',
  subject: 'organisation',
  kind: 'definition',
  title: texts('Test framework'),
  description: texts('A framework for tests'),
  sources: [
    { id: 'law', title: 'The law', url: 'https://example.org/law', verified: true },
    { id: 'guess', title: 'A guess', verified: false },
  ],
  options: [{ id: 'esus', title: texts('ESUS') }],
  principles: [
    { id: 'democracy', title: texts('Democracy') },
    { id: 'profits', title: texts('Profits') },
  ],
  criteria: [
    {
      ...criterion('vote', 'democracy', 'hard', {
        in: [{ var: 'governance.voting_rule' }, ['one_member_one_vote', 'capped_weighted']],
      }),
      facts: ['governance.voting_rule'],
    },
    {
      ...criterion('assemblies', 'democracy', 'soft', {
        '>=': [{ var: 'governance.general_assemblies_per_year' }, 1],
      }),
      facts: ['governance.general_assemblies_per_year'],
    },
    {
      ...criterion('dividends', 'profits', 'hard', { '<=': [{ var: 'profits.dividends' }, 0.5] }),
      applies_when: { '==': [{ var: 'profits.distributable' }, true] },
      source: { ref: 'guess', article: 'para 2' },
    },
    {
      ...criterion('esus_pay', 'profits', 'strong', { '<=': [{ var: 'pay.ratio' }, 10] }),
      option: 'esus',
    },
  ],
  red_flags: [
    {
      id: 'capital_voting',
      severity: 'hard',
      facts: ['governance.voting_rule'],
      rule: { '==': [{ var: 'governance.voting_rule' }, 'capital_proportional'] },
      source: { ref: 'law', article: 'art. 3' },
      explanation: texts('Votes follow capital'),
    },
  ],
};

describe('criterion status', () => {
  const rule = { '==': [{ var: 'x' }, true] };

  it('is met when the rule is true, not met when false, insufficient when unknown', () => {
    expect(criterionOutcome({ rule }, { x: true }, []).status).toBe('met');
    expect(criterionOutcome({ rule }, { x: false }, []).status).toBe('not_met');
    expect(criterionOutcome({ rule }, {}, [])).toEqual({
      status: 'insufficient_evidence',
      missing: ['x'],
      error: undefined,
    });
  });

  it('is not applicable when applies_when is false', () => {
    const c = { rule, applies_when: { '==': [{ var: 'form' }, 'coop'] } };
    expect(criterionOutcome(c, { form: 'company', x: true }, []).status).toBe('not_applicable');
  });

  it('is evaluated when applies_when is unknown: a missing fact never exempts', () => {
    const c = { rule, applies_when: { '==': [{ var: 'form' }, 'coop'] } };
    expect(criterionOutcome(c, { x: false }, []).status).toBe('not_met');
    expect(criterionOutcome(c, {}, []).missing).toEqual(['x']);
  });

  it('is not applicable when its option is off, evaluated when on', () => {
    const c = { rule, option: 'esus' };
    expect(criterionOutcome(c, { x: true }, []).status).toBe('not_applicable');
    expect(criterionOutcome(c, { x: true }, ['esus']).status).toBe('met');
  });
});

describe('principle status', () => {
  const c = (
    status: 'met' | 'not_met' | 'insufficient_evidence' | 'not_applicable',
    severity: Severity,
  ) => ({
    status,
    severity,
  });

  it('is not met when a hard criterion is not met', () => {
    expect(aggregatePrinciple([c('not_met', 'hard'), c('not_met', 'soft'), c('met', 'hard')])).toBe(
      'not_met',
    );
  });

  it('is partly met when only strong or soft criteria are not met', () => {
    expect(aggregatePrinciple([c('not_met', 'strong'), c('met', 'hard')])).toBe('partly_met');
    expect(aggregatePrinciple([c('not_met', 'soft'), c('insufficient_evidence', 'hard')])).toBe(
      'partly_met',
    );
  });

  it('is insufficient when nothing failed and a hard criterion lacks its facts', () => {
    expect(aggregatePrinciple([c('insufficient_evidence', 'hard'), c('met', 'soft')])).toBe(
      'insufficient_evidence',
    );
  });

  it('is insufficient when no criterion applies', () => {
    expect(aggregatePrinciple([c('not_applicable', 'hard')])).toBe('insufficient_evidence');
    expect(aggregatePrinciple([])).toBe('insufficient_evidence');
  });

  it('is met when strong and soft criteria lack facts but nothing failed', () => {
    expect(
      aggregatePrinciple([
        c('met', 'hard'),
        c('insufficient_evidence', 'strong'),
        c('insufficient_evidence', 'soft'),
        c('not_applicable', 'hard'),
      ]),
    ).toBe('met');
  });
});

describe('verdict', () => {
  it('is inconsistent when a principle is not met', () => {
    expect(overallVerdict(['met', 'partly_met', 'not_met'])).toBe('inconsistent');
  });

  it('is consistent when every principle is met', () => {
    expect(overallVerdict(['met', 'met'])).toBe('consistent');
  });

  it('is insufficient evidence when some principle is, and none is partly met', () => {
    expect(overallVerdict(['met', 'insufficient_evidence'])).toBe('insufficient_evidence');
  });

  it('is partially consistent when some principle is partly met', () => {
    expect(overallVerdict(['met', 'partly_met'])).toBe('partially_consistent');
    expect(overallVerdict(['partly_met', 'insufficient_evidence'])).toBe('partially_consistent');
  });
});

describe('screen', () => {
  const profile = {
    governance: { voting_rule: 'one_member_one_vote', general_assemblies_per_year: 1 },
    profits: { distributable: true, dividends: 0.2 },
  };

  it('gives the server JSON shape, with explanations in the chosen language', () => {
    const result = screen(framework, { profile, lang: 'fr' });
    expect(result).toMatchObject({
      framework: 'test',
      version: '1.0.0',
      title: 'Test framework (fr)',
      verdict: 'consistent',
      red_flags: [],
      unchecked_flags: [],
    });
    const [democracy, profits] = result.principles;
    expect(democracy).toMatchObject({ id: 'democracy', title: 'Democracy (fr)', status: 'met' });
    expect(democracy?.criteria[0]).toEqual({
      id: 'vote',
      status: 'met',
      severity: 'hard',
      evidence: [
        { fact: 'governance.voting_rule', value: 'one_member_one_vote', source: 'declared' },
      ],
      source: {
        ref: 'law',
        article: 'art. 1',
        title: 'The law',
        url: 'https://example.org/law',
        verified: true,
      },
      explanation: 'vote met (fr)',
    });
    expect(profits?.criteria[0]?.source).toEqual({
      ref: 'guess',
      article: 'para 2',
      title: 'A guess',
      verified: false,
    });
    // The ESUS criterion is off: not applicable, with no explanation.
    expect(profits?.criteria[1]).toMatchObject({ id: 'esus_pay', status: 'not_applicable' });
    expect(profits?.criteria[1]).not.toHaveProperty('explanation');
    expect(profits?.criteria[1]?.option).toBe('esus');
  });

  it('shows insufficient evidence with the missing facts', () => {
    const result = screen(framework, { profile: {}, lang: 'en', options: ['esus'] });
    expect(result.verdict).toBe('insufficient_evidence');
    const vote = result.principles[0]?.criteria[0];
    expect(vote).toMatchObject({
      status: 'insufficient_evidence',
      missing: ['governance.voting_rule'],
      explanation: 'vote unknown',
      evidence: [{ fact: 'governance.voting_rule', missing: true }],
    });
    expect(result.unchecked_flags).toEqual([
      { id: 'capital_voting', missing: ['governance.voting_rule'] },
    ]);
  });

  it('raises a red flag when its rule is true', () => {
    const capital = { governance: { voting_rule: 'capital_proportional' } };
    const result = screen(framework, { profile: capital, lang: 'en' });
    expect(result.verdict).toBe('inconsistent');
    expect(result.principles[0]?.status).toBe('not_met');
    expect(result.red_flags).toEqual([
      {
        id: 'capital_voting',
        severity: 'hard',
        evidence: [
          { fact: 'governance.voting_rule', value: 'capital_proportional', source: 'declared' },
        ],
        source: expect.objectContaining({ ref: 'law', article: 'art. 3' }),
        explanation: 'Votes follow capital',
      },
    ]);
    expect(result.unchecked_flags).toEqual([]);
  });

  it('raises declared_vs_statutes_conflict when the statutes contradict the declaration', () => {
    const evidence = { clause: 'one_member_one_vote', polarity: 'affirmed', start: 4, end: 20 };
    const conflict = {
      fact: 'governance.voting_rule',
      declared: 'capital_proportional',
      statutes: 'one_member_one_vote',
      statutes_evidence: evidence,
    };
    const withOrigin = {
      ...profile,
      provenance: { 'governance.voting_rule': { source: 'statutes', evidence } },
    };
    const result = screen(framework, { profile: withOrigin, conflicts: [conflict], lang: 'es' });
    const flag = result.red_flags.find((f) => f.id === 'declared_vs_statutes_conflict');
    expect(flag).toEqual({
      id: 'declared_vs_statutes_conflict',
      severity: 'strong',
      evidence: [conflict],
      explanation: expect.stringContaining('estatutos'),
    });
    expect(result.principles[0]?.criteria[0]?.evidence[0]).toEqual({
      fact: 'governance.voting_rule',
      value: 'one_member_one_vote',
      source: 'statutes',
      statutes: evidence,
    });
  });

  it('gives not_applicable and nothing else when the framework does not apply', () => {
    const national: Framework = {
      ...framework,
      applies_when: { '==': [{ var: 'jurisdiction' }, 'FR'] },
    };
    const result = screen(national, { profile: { jurisdiction: 'GB' }, lang: 'en' });
    expect(result).toMatchObject({ verdict: 'not_applicable', principles: [], red_flags: [] });
    // Unknown applicability: evaluated anyway.
    expect(screen(national, { profile: {}, lang: 'en' }).principles).toHaveLength(2);
  });
});

describe('profiles', () => {
  it('tell the subject from their facts', () => {
    expect(subjectOf({ legal_form: 'cooperative' })).toBe('organisation');
    expect(subjectOf({ initiative: { scope: 'systemic' } })).toBe('initiative');
    expect(subjectOf({ programme: { funds_co_construction: true } })).toBe('programme');
  });

  it('give evidence with the origin of each fact', () => {
    const profile = {
      legal_form: 'cooperative',
      name: null,
      provenance: { legal_form: { source: 'registry' } },
    };
    expect(evidenceOf(['legal_form', 'name'], profile)).toEqual([
      { fact: 'legal_form', value: 'cooperative', source: 'registry' },
      { fact: 'name', missing: true },
    ]);
  });

  it('default to un-ilo and the schemes of the subject that apply', () => {
    const unIlo = { ...framework, id: 'un-ilo' };
    const fr = {
      ...framework,
      id: 'fr-ess',
      applies_when: { '==': [{ var: 'jurisdiction' }, 'FR'] },
    };
    const initiative = { ...framework, id: 'innovation', subject: 'initiative' as const };
    const all = [fr, unIlo, initiative];
    expect(defaultFrameworks({ jurisdiction: 'FR' }, all).map((f) => f.id)).toEqual([
      'un-ilo',
      'fr-ess',
    ]);
    expect(defaultFrameworks({}, all).map((f) => f.id)).toEqual(['un-ilo']);
    expect(defaultFrameworks({ initiative: {} }, all).map((f) => f.id)).toEqual(['innovation']);
  });
});
