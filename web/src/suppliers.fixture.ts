// A POST /api/v1/ecosystem/suppliers answer in the documented shape (docs/http-api.md), trimmed
// to one supplier of a tender reserved under article 77, for the unit tests.

export const ANSWER = {
  tender: { buyer: 'cardiff-cc', reservation: 'eu-2014-24-art77', max_duration_years: 3 },
  buyer: { id: 'cardiff-cc', name: 'Cardiff Council' },
  reservation: {
    framework: 'eu-2014-24-art77',
    version: '1.0.0',
    title: { en: 'Article 77', fr: 'Article 77 (fr)' },
    sources: [],
  },
  counts: { candidates: 1, eligible: 0, not_eligible: 1, insufficient_evidence: 0 },
  suppliers: [
    {
      actor: {
        id: 'care-coop',
        name: 'Care Co-op',
        kind: 'cooperative',
        territory: 'GB/wales/cardiff',
        activities: ['ICA140'],
        sector: null,
      },
      verdict: 'not_eligible',
      summary: { en: 'Not eligible.', fr: 'Non éligible.' },
      screened: true,
      profile_version: 2,
      facts_shown: true,
      matched_activities: ['ICA140'],
      evidence: { decided: 4, conditions: 4, completeness: 1 },
      conditions: [
        {
          id: 'art77.no_recent_award',
          condition: { en: '(d) No recent award' },
          status: 'not_met',
          facts: [
            { fact: 'tender.art77_award_within_3_years', value: true, source: 'awards' },
            { fact: 'purpose.general_interest', missing: true },
            { fact: 'governance.voting', source: 'statutes', by: 'user:3', date: '2026-05-01' },
          ],
          source: {
            ref: 'eu-2014-24',
            article: 'art. 77(2)(d)',
            title: 'Directive',
            url: 'https://x',
          },
          text: { en: 'An award in the last three years.' },
        },
      ],
      recent_art77_awards: [
        {
          relationship_id: 'award-1',
          date: '2025-01-10',
          reservation: 'eu-2014-24-art77',
          description: 'Meals',
        },
      ],
    },
  ],
};
