import { describe, expect, it } from 'vitest';
import {
  assetsByBlock,
  brokersUrl,
  EMPTY_QUERY,
  kilometres,
  kmOf,
  limitOf,
  offerWantBody,
  offerWantOf,
  offersWantsUrl,
  offerWantUrl,
  parseAssets,
  parseBrokers,
  parseRecommendations,
  partnersHref,
  partnersQueryOf,
  partnersUrl,
  percent,
  sortOffersWants,
  tagList,
  type OfferWantDraft,
} from './partners';
import { parseRoute } from './router';

/** The first element; fails the test when there is none. */
function first<T>(list: readonly T[]): T {
  const item = list[0];
  if (item === undefined) throw new Error('empty list');
  return item;
}

/** As partners_json.cc writes it (texts in the four languages, as without ?lang=). */
const RECOMMENDATIONS = {
  actor_id: 'pole-es-capitale-nationale',
  needs: {
    source: 'declared',
    lacked_blocks: [],
    note: { en: 'Partners for your 1 declared wants.', fr: 'Partenaires pour vos 1 besoins.' },
  },
  recommendations: [
    {
      partner: { id: 'fiducie-chantier', name: 'Fiducie du Chantier', group: 'funder' },
      score: 0.6234,
      components: { complementarity: 0.9, proximity: 0.4, trust: 0.3 },
      shared_ties: { count: 1, examples: [{ id: 'tiess', name: 'TIESS' }] },
      distance_km: 233.4,
      tied: false,
      matches: [
        {
          direction: 'forward',
          want_id: 'ow-1',
          offer_id: 'role:finance_intermediary:finance',
          asset_type: 'finance',
          coverage: 1,
        },
      ],
      explanation: { en: 'Fiducie offers finance', fr: 'Fiducie propose financement' },
    },
  ],
  candidates_scored: 7,
  tied_left_out: 2,
};

const DRAFT: OfferWantDraft = {
  exchange_type: 'want',
  title: ' Loan for an oven ',
  description: 'A new oven for the bakery',
  asset_type: 'finance',
  tags: 'Oven, bakery,, oven',
  transaction_types: ['receive-donate', 'borrow-lend', 'steal'],
  geographic_scope: 'regional',
  email: ' info@example.org ',
};

describe('the route', () => {
  it('reads every filter of #/partners', () => {
    const route = parseRoute(
      '#/partners?actor=risq&block=investment_and_funds&asset=finance&max_km=50.5' +
        '&include_tied=true&limit=20&territory=CA%2Fquebec',
    );
    expect(route.page).toBe('partners');
    expect(partnersQueryOf(route.params)).toEqual({
      actor: 'risq',
      block: 'investment_and_funds',
      asset: 'finance',
      maxKm: 50.5,
      includeTied: true,
      limit: 20,
      territory: 'CA/quebec',
    });
  });

  it('ignores distances and limits the server would refuse', () => {
    expect(kmOf('-3')).toBeNull();
    expect(kmOf('far')).toBeNull();
    expect(kmOf('0')).toBe(0);
    expect(limitOf('0')).toBeNull();
    expect(limitOf('101')).toBeNull();
    expect(limitOf('2.5')).toBeNull();
    expect(limitOf(' 100 ')).toBe(100);
    const q = partnersQueryOf(new URLSearchParams('actor=a&max_km=-1&limit=500&include_tied=yes'));
    expect(q).toEqual({ ...EMPTY_QUERY, actor: 'a' });
  });

  it('writes only what is given, and reads back what it wrote', () => {
    expect(partnersHref({})).toBe('#/partners');
    const href = partnersHref({ actor: 'pole-es', territory: 'CA/quebec', maxKm: 0 });
    expect(href).toBe('#/partners?actor=pole-es&max_km=0&territory=CA%2Fquebec');
    const q = { ...EMPTY_QUERY, actor: 'x y', asset: 'finance', includeTied: true, limit: 5 };
    expect(partnersQueryOf(parseRoute(partnersHref(q)).params)).toEqual(q);
  });

  it('asks the API without the territory and without a language', () => {
    const q = { ...EMPTY_QUERY, actor: 'risq', block: 'market_access', territory: 'CA' };
    expect(partnersUrl(q)).toBe('/api/v1/ecosystem/partners?actor=risq&block=market_access');
    expect(brokersUrl('CA/quebec')).toBe('/api/v1/ecosystem/brokers?territory=CA%2Fquebec');
    expect(offersWantsUrl('a/b')).toBe('/api/v1/actors/a%2Fb/offers-wants');
    expect(offersWantsUrl('a', true)).toBe('/api/v1/actors/a/offers-wants?with_deleted=true');
    expect(offerWantUrl('ow-1')).toBe('/api/v1/offers-wants/ow-1');
  });
});

describe('reading the answers', () => {
  it('reads recommendations as the server nests them', () => {
    const r = parseRecommendations(RECOMMENDATIONS);
    expect(r.needs.source).toBe('declared');
    expect(r.needs.note.fr).toBe('Partenaires pour vos 1 besoins.');
    expect(r.candidates_scored).toBe(7);
    expect(r.tied_left_out).toBe(2);
    const item = first(r.items);
    expect(item.partner).toEqual({
      id: 'fiducie-chantier',
      name: 'Fiducie du Chantier',
      group: 'funder',
    });
    expect(item.components).toEqual({ complementarity: 0.9, proximity: 0.4, trust: 0.3 });
    expect(item.shared_ties).toEqual({ count: 1, examples: [{ id: 'tiess', name: 'TIESS' }] });
    expect(item.distance_km).toBe(233.4);
    expect(first(item.matches).asset_type).toBe('finance');
    expect(item.explanation.en).toBe('Fiducie offers finance');
  });

  it('reads a null distance, a tied partner and a one-language note', () => {
    const r = parseRecommendations({
      actor_id: 'a',
      needs: { source: 'lacked_blocks', lacked_blocks: ['market_access'], note: 'plain note' },
      recommendations: [
        {
          partner: { id: 'b', name: 'B', group: 'cooperative' },
          score: 0.5,
          components: { complementarity: 1, proximity: 0, trust: 0.25 },
          shared_ties: { count: 0, examples: [] },
          distance_km: null,
          tied: true,
          explanation: 'because',
        },
      ],
    });
    expect(r.needs).toEqual({
      source: 'lacked_blocks',
      lacked_blocks: ['market_access'],
      note: { en: 'plain note' },
    });
    const item = first(r.items);
    expect(item.partner.name).toBe('B');
    expect(item.components.trust).toBe(0.25);
    expect(item.distance_km).toBeNull();
    expect(item.tied).toBe(true);
    expect(item.explanation).toEqual({ en: 'because' });
  });

  it('refuses an answer that is not recommendations', () => {
    expect(() => parseRecommendations({ error: { code: 'not_found' } })).toThrow(/actor_id/);
    expect(() => parseBrokers({ territory: 'CA' })).toThrow(/gaps/);
  });

  it('reads broker gaps with both sides and the bridges', () => {
    const report = parseBrokers({
      territory: 'CA/quebec',
      gaps: [
        {
          block: 'knowledge_transfer',
          a: { group: 'cooperative', actors: 3, examples: [{ id: 'c1', name: 'Coop 1' }] },
          b: { group: 'university', actors: 1, examples: [{ id: 'u1', name: 'Uni' }] },
          bridges: [{ id: 'tiess', name: 'TIESS', group: 'network', side: 'a', ties_to_side: 2 }],
          text: { en: 'no broker between co-operatives and universities', fr: 'aucun' },
        },
      ],
    });
    const gap = first(report.gaps);
    expect(gap.a.actors).toBe(3);
    expect(gap.b.examples).toEqual([{ id: 'u1', name: 'Uni' }]);
    expect(first(gap.bridges)).toEqual({
      id: 'tiess',
      name: 'TIESS',
      group: 'network',
      side: 'a',
      ties_to_side: 2,
    });
    expect(gap.text.fr).toBe('aucun');
  });

  it('reads asset types and offers', () => {
    const assets = parseAssets({
      asset_types: [{ id: 'finance', block: 'investment_and_funds', label: { en: 'finance' } }],
    });
    expect(assets).toEqual([
      { id: 'finance', block: 'investment_and_funds', label: { en: 'finance' } },
    ]);
    const o = offerWantOf({ id: 'ow-1', title: 'T', contact_details: { email: 'a@b.c', n: 3 } });
    expect(o.contact_details).toEqual({ email: 'a@b.c' });
    expect(o.deleted).toBe(false);
    expect(o.tags).toEqual([]);
  });
});

describe('display', () => {
  it('shows shares as whole percentages in the reader language', () => {
    expect(percent(0.6234, 'en')).toBe('62%');
    expect(percent(0.6234, 'fr')).toMatch(/^62\s%$/u);
    expect(percent(1.7, 'en')).toBe('100%');
    expect(percent(-0.2, 'en')).toBe('0%');
    expect(percent(null, 'en')).toBe('—');
    expect(percent(Number.NaN, 'en')).toBe('—');
  });

  it('shows distances with a decimal only when short', () => {
    expect(kilometres(3.456, 'en')).toBe('3.5');
    expect(kilometres(1234.5, 'en')).toBe('1,235');
    expect(kilometres(null, 'en')).toBe('—');
  });

  it('groups asset types by block in the framework order', () => {
    const assets = [
      { id: 'market', block: 'market_access', label: {} },
      { id: 'finance', block: 'investment_and_funds', label: {} },
      { id: 'odd', block: 'unknown_block', label: {} },
      { id: 'procurement', block: 'market_access', label: {} },
    ];
    const groups = assetsByBlock(assets, ['investment_and_funds', 'market_access']);
    expect(groups.map((g) => [g.block, g.assets.map((a) => a.id)])).toEqual([
      ['investment_and_funds', ['finance']],
      ['market_access', ['market', 'procurement']],
      ['unknown_block', ['odd']],
    ]);
  });

  it('lists wants before offers and live ones before deleted ones', () => {
    const item = (id: string, exchange_type: string, deleted: boolean, title = id) =>
      offerWantOf({ id, exchange_type, deleted, title });
    const sorted = sortOffersWants([
      item('o1', 'offer', false),
      item('w2', 'want', true),
      item('w1', 'want', false, 'b'),
      item('w0', 'want', false, 'a'),
    ]);
    expect(sorted.map((o) => o.id)).toEqual(['w0', 'w1', 'w2', 'o1']);
  });
});

describe('a new offer or want', () => {
  it('cleans the form into the body the server reads', () => {
    expect(offerWantBody(DRAFT)).toEqual({
      body: {
        exchange_type: 'want',
        title: 'Loan for an oven',
        description: 'A new oven for the bakery',
        asset_type: 'finance',
        tags: ['oven', 'bakery'],
        transaction_types: ['borrow-lend', 'receive-donate'],
        geographic_scope: 'regional',
        contact_details: { email: 'info@example.org' },
      },
    });
  });

  it('names the first field the server would refuse', () => {
    expect(offerWantBody({ ...DRAFT, exchange_type: 'swap' }).error).toBe(
      'partners.form.errorExchange',
    );
    expect(offerWantBody({ ...DRAFT, title: '  ' }).error).toBe('partners.form.errorTitle');
    expect(offerWantBody({ ...DRAFT, description: '' }).error).toBe(
      'partners.form.errorDescription',
    );
    expect(offerWantBody({ ...DRAFT, geographic_scope: 'galactic' }).error).toBe(
      'partners.form.errorScope',
    );
    expect(offerWantBody({ ...DRAFT, email: 'not an email' }).error).toBe(
      'partners.form.errorEmail',
    );
  });

  it('splits tags on commas, without empties or repeats', () => {
    expect(tagList('')).toEqual([]);
    expect(tagList(' Finance ,finance, oven')).toEqual(['finance', 'oven']);
  });
});
