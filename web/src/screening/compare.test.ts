import { describe, expect, it } from 'vitest';
import { differences, summarise } from './compare';
import type { ScreeningResult } from './types';

const result: ScreeningResult = {
  framework: 'un-ilo',
  version: '1.0.0',
  title: 'UN/ILO',
  verdict: 'insufficient_evidence',
  principles: [
    {
      id: 'democratic_governance',
      title: 'Democracy',
      status: 'insufficient_evidence',
      criteria: [
        {
          id: 'vote',
          status: 'insufficient_evidence',
          severity: 'hard',
          evidence: [],
          source: { ref: 'ilo', article: '5' },
          missing: ['governance.voting_rule'],
        },
      ],
    },
  ],
  red_flags: [],
  unchecked_flags: [{ id: 'capital_voting', missing: ['governance.voting_rule'] }],
};

describe('compare', () => {
  it('summarises statuses, missing facts and flag ids', () => {
    expect(summarise(result)).toEqual({
      verdict: 'insufficient_evidence',
      principles: { democratic_governance: 'insufficient_evidence' },
      criteria: { vote: { status: 'insufficient_evidence', missing: ['governance.voting_rule'] } },
      red_flags: [],
      unchecked_flags: ['capital_voting'],
    });
  });

  it('finds no difference between equal results', () => {
    expect(differences([result], [structuredClone(result)])).toEqual([]);
  });

  it('names each difference', () => {
    const server = structuredClone(result);
    server.verdict = 'inconsistent';
    const vote = server.principles[0]?.criteria[0];
    if (vote) {
      vote.status = 'not_met';
      delete vote.missing;
    }
    expect(differences([result], [server])).toEqual([
      {
        framework: 'un-ilo',
        item: 'verdict',
        browser: 'insufficient_evidence',
        server: 'inconsistent',
      },
      {
        framework: 'un-ilo',
        item: 'vote',
        browser: 'insufficient_evidence (governance.voting_rule)',
        server: 'not_met',
      },
    ]);
  });

  it('reports a framework only one side screened', () => {
    expect(differences([result], [])).toEqual([
      { framework: 'un-ilo', item: 'verdict', browser: 'insufficient_evidence', server: '—' },
    ]);
  });
});
