// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { setLang } from '../i18n/i18n';
import { parseBrokers, parseRecommendations } from '../partners';
import { BlocksLabels } from './blocks_labels';
import { brokersView } from './partners_brokers';
import { PartnerLabels } from './partners_labels';
import { recommendationsView } from './partners_results';

const labels = () =>
  new PartnerLabels(new BlocksLabels(null), [
    { id: 'finance', block: 'investment_and_funds', label: { en: 'finance', fr: 'financement' } },
  ]);

const DATA = parseRecommendations({
  actor_id: 'pole',
  needs: {
    source: 'declared',
    lacked_blocks: [],
    note: { en: 'For your want.', fr: 'Pour vous.' },
  },
  recommendations: [
    {
      partner: { id: 'risq', name: 'RISQ', group: 'funder' },
      score: 0.5,
      components: { complementarity: 0.8, proximity: 0.25, trust: 0 },
      shared_ties: { count: 0, examples: [] },
      distance_km: null,
      tied: false,
      matches: [
        { direction: 'forward', want_id: 'w', offer_id: 'o', asset_type: 'finance', coverage: 1 },
      ],
      explanation: { en: 'RISQ offers finance', fr: 'RISQ propose du financement' },
    },
  ],
  candidates_scored: 1,
  tied_left_out: 0,
});

describe('recommendationsView', () => {
  afterEach(() => setLang('en', null));

  it('links each partner, and says its score and parts in words', () => {
    const view = recommendationsView(DATA, labels());
    const link = view.querySelector<HTMLAnchorElement>('[data-testid="partner-link"]');
    expect(link?.getAttribute('href')).toBe('#/actors/risq');
    expect(link?.textContent).toBe('RISQ');
    expect(view.querySelector('[data-testid="partner-score"]')?.textContent).toBe('Score 50%');
    const meter = view.querySelector('[data-testid="partner-complementarity"] meter');
    expect(meter?.getAttribute('value')).toBe('0.8');
    const labelId = meter?.getAttribute('aria-labelledby') ?? '';
    expect(view.querySelector(`#${labelId}`)?.textContent).toBe('Complementarity');
    expect(view.querySelector('[data-testid="partner-complementarity"]')?.textContent).toContain(
      '80%',
    );
    expect(view.querySelector('[data-testid="partner-distance"]')?.textContent).toBe(
      'Distance unknown.',
    );
    expect(view.textContent).toContain('finance (100%)');
  });

  it('draws the explanation and the needs in the current language', () => {
    setLang('fr', null);
    const view = recommendationsView(DATA, labels());
    expect(view.querySelector('[data-testid="partner-explanation"]')?.textContent).toBe(
      'RISQ propose du financement',
    );
    expect(view.querySelector('[data-testid="partners-needs"]')?.textContent).toBe('Pour vous.');
    expect(view.textContent).toContain('financement (100');
  });

  it('says when there is no partner', () => {
    const view = recommendationsView({ ...DATA, items: [] }, labels());
    expect(view.querySelector('[data-testid="partners-none"]')).not.toBeNull();
    expect(view.querySelector('[data-testid="partners-list"]')).toBeNull();
  });
});

describe('brokersView', () => {
  it('gives each gap its sentence, counts and bridging actors', () => {
    const report = parseBrokers({
      territory: 'CA/quebec',
      gaps: [
        {
          block: 'knowledge_transfer',
          a: { group: 'cooperative', actors: 3, examples: [{ id: 'c1', name: 'Coop 1' }] },
          b: { group: 'university', actors: 1, examples: [] },
          bridges: [{ id: 'tiess', name: 'TIESS', group: 'network', side: 'a', ties_to_side: 2 }],
          text: { en: 'no broker between co-operatives and universities' },
        },
      ],
    });
    const view = brokersView(report, labels());
    expect(view.querySelector('[data-testid="broker-gap-text"]')?.textContent).toBe(
      'no broker between co-operatives and universities',
    );
    const sides = [...view.querySelectorAll('[data-testid="broker-side"]')].map(
      (s) => s.textContent,
    );
    expect(sides).toEqual(['Co-operative: 3 actors — Coop 1', 'University: 1 actors']);
    const bridge = view.querySelector<HTMLAnchorElement>('[data-testid="broker-bridge"]');
    expect(bridge?.getAttribute('href')).toBe('#/actors/tiess');
    expect(view.querySelector('h3')?.textContent).toBe('Knowledge transfer');
  });

  it('says when nothing is missing', () => {
    const view = brokersView({ territory: 'CA', gaps: [] }, labels());
    expect(view.querySelector('[data-testid="brokers-none"]')).not.toBeNull();
  });
});
