import { describe, expect, it } from 'vitest';
import { ANALYSIS, FRAMEWORK } from './knowledge.fixture';
import {
  contextOf,
  parseContextFramework,
  parseCount,
  parseShare,
  parseTransferAnalysis,
  valueWords,
  type ContextFields,
} from './knowledge_transfer';

const framework = parseContextFramework(FRAMEWORK);
const fields = (values: ContextFields['values'], extra: Partial<ContextFields> = {}) => ({
  id: '',
  name: '',
  territory: '',
  values,
  ...extra,
});
const words = { yes: 'yes', no: 'no', unknown: 'unknown' };

describe('parseContextFramework', () => {
  it("reads the API's catalogue: domains, features, options with labels", () => {
    expect(framework.domains.map((d) => d.id)).toEqual([
      'socio_cultural',
      'socio_economic',
      'legal',
    ]);
    const trust = framework.features.find((f) => f.id === 'trust');
    expect(trust).toMatchObject({ domain: 'socio_cultural', type: 'level' });
    expect(trust?.options).toEqual([
      { value: 'low', label: { en: 'low' } },
      { value: 'medium', label: { en: 'medium' } },
      { value: 'high', label: { en: 'high' } },
    ]);
    expect(trust?.question).toEqual({ en: 'How far do people trust each other?' });
    expect(framework.flags).toEqual([
      'settlement_mismatch',
      'trust_dependency',
      'informal_economy_mismatch',
    ]);
  });

  it('also reads levels as names labelled by value_labels in four languages', () => {
    const f = parseContextFramework({
      domains: [{ id: 'political', label: { en: 'Political', fr: 'Politique' } }],
      features: [
        {
          id: 'sse_networks',
          domain: 'political',
          type: 'level',
          levels: ['none', 'structured'],
          value_labels: { none: { en: 'none', fr: 'aucun' } },
          label: { en: 'SSE networks', fr: "réseaux de l'ESS" },
        },
        { id: 'mystery', domain: 'political', type: 'colour' },
        { id: 'elsewhere', domain: 'nowhere', type: 'bool' },
      ],
    });
    expect(f.domains[0]?.label).toEqual({ en: 'Political', fr: 'Politique' });
    expect(f.features.map((x) => x.id)).toEqual(['sse_networks']);
    expect(f.features[0]?.options).toEqual([
      { value: 'none', label: { en: 'none', fr: 'aucun' } },
      { value: 'structured', label: {} },
    ]);
  });

  it('refuses an answer without domains or features', () => {
    expect(() => parseContextFramework({ domains: [], features: [] })).toThrow(
      'not a context framework: domains and features are required',
    );
    expect(() => parseContextFramework({ domains: [{ id: 'legal' }] })).toThrow(
      'not a context framework',
    );
  });
});

describe('shares and numbers', () => {
  it.each([
    ['0.7', 0.7],
    ['0,7', 0.7],
    ['70%', 0.7],
    ['70 %', 0.7],
    ['.5', 0.5],
    ['1', 1],
    ['0', 0],
  ])('reads the share %s as %s', (text, value) => {
    expect(parseShare(text)).toBeCloseTo(value);
  });

  it.each(['1.5', '150%', '-0.1', 'half', '', '70%%'])('refuses the share %j', (text) => {
    expect(parseShare(text)).toBeNull();
  });

  it('reads counts with spaces between thousands and refuses the rest', () => {
    expect(parseCount('12 000')).toBe(12000);
    expect(parseCount('3500000')).toBe(3500000);
    expect(parseCount('-4')).toBeNull();
    expect(parseCount('many')).toBeNull();
  });
});

describe('contextOf', () => {
  it('groups known values by domain and leaves unknown features out', () => {
    const result = contextOf(
      framework,
      fields(
        {
          trust: 'low',
          multi_function_organisations: 'false',
          informal_share: '60%',
          population: '2 000 000',
          legal_forms: ['cooperative'],
          settlement: '',
        },
        { id: ' other-city ', name: 'A city', territory: '' },
      ),
    );
    expect(result.problems).toEqual([]);
    expect(result.context).toEqual({
      id: 'other-city',
      name: 'A city',
      socio_cultural: { trust: 'low', multi_function_organisations: false },
      socio_economic: { informal_share: 0.6, population: 2000000 },
      legal: { legal_forms: ['cooperative'] },
    });
  });

  it('sends an empty list for "none of these" and nothing for an unanswered list', () => {
    expect(contextOf(framework, fields({ legal_forms: [] })).context).toEqual({
      legal: { legal_forms: [] },
    });
    expect(contextOf(framework, fields({ legal_forms: null })).context).toEqual({});
  });

  it('sends nothing at all when everything is unknown, but the territory when given', () => {
    expect(contextOf(framework, fields({ trust: '', informal_share: ' ' })).context).toEqual({});
    expect(contextOf(framework, fields({}, { territory: 'IN/up' })).context).toEqual({
      territory: 'IN/up',
    });
  });

  it('lists values the API would refuse instead of sending them', () => {
    const result = contextOf(
      framework,
      fields({
        informal_share: '150%',
        population: 'lots',
        trust: 'enormous',
        multi_function_organisations: 'maybe',
        legal_forms: ['cooperative', 'guild'],
      }),
    );
    expect(result.problems).toEqual([
      { feature: 'trust', problem: 'option' },
      { feature: 'multi_function_organisations', problem: 'option' },
      { feature: 'informal_share', problem: 'share' },
      { feature: 'population', problem: 'number' },
      { feature: 'legal_forms', problem: 'option' },
    ]);
    expect(result.context).toEqual({});
  });
});

describe('parseTransferAnalysis', () => {
  it('reads the verdict, domains, flags, adaptations, unknowns and local partners', () => {
    const a = parseTransferAnalysis(ANALYSIS);
    expect(a.verdict).toBe('redesign');
    expect(a.target).toBe('other-city');
    expect(a.domains.map((d) => [d.domain, d.fit])).toEqual([
      ['socio_cultural', 'unknown'],
      ['legal', 'poor'],
    ]);
    expect(a.riskFlags[0]).toMatchObject({
      id: 'legal_form_unavailable',
      element: 'women_drivers',
      severity: 'high',
      target: ['cooperative'],
    });
    expect(a.adaptations[0]?.text).toEqual({ en: 'Use a cooperative instead.' });
    expect(a.unknowns[0]?.feature).toBe('trust');
    expect(a.localPartners[0]?.assets).toEqual(['legal_support', 'training']);
    expect(a.localPartners[0]?.actors).toEqual([
      {
        id: 'lko-coop',
        name: 'Lucknow Co-op Support',
        territory: 'IN/up',
        assetType: 'legal_support',
        offer: 'Registering co-operatives',
      },
    ]);
  });

  it('reads missing lists as empty', () => {
    const a = parseTransferAnalysis({ verdict: 'fits', domains: [] });
    expect(a.riskFlags).toEqual([]);
    expect(a.localPartners).toEqual([]);
  });

  it('refuses an answer without verdict or domains', () => {
    expect(() => parseTransferAnalysis({ domains: [] })).toThrow(
      'not a transfer analysis: verdict and domains are required',
    );
    expect(() => parseTransferAnalysis({ verdict: 'fits' })).toThrow('not a transfer analysis');
  });
});

describe('valueWords', () => {
  const feature = (id: string) => framework.features.find((f) => f.id === id);

  it('words values by their type', () => {
    expect(valueWords(feature('informal_share'), 0.8, 'en', words)).toBe('80%');
    expect(valueWords(feature('legal_forms'), ['self_help_group', 'x'], 'en', words)).toBe(
      'self-help group, x',
    );
    expect(valueWords(feature('multi_function_organisations'), false, 'en', words)).toBe('no');
    expect(valueWords(feature('population'), 12000, 'en', words)).toBe('12,000');
    expect(valueWords(undefined, null, 'en', words)).toBe('unknown');
  });
});
