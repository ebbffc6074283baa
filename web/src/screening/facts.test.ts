// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { factGroup, profileToSave, setFact, showValue, valueLabel } from './facts';
import type { FactSpec } from './types';

const spec = (path: string, type: FactSpec['type']): FactSpec => ({
  path,
  subject: 'organisation',
  type,
  label: { en: path },
});

describe('facts', () => {
  it('sets facts by dotted path', () => {
    const doc = {};
    setFact(doc, 'governance.voting_rule', 'one_member_one_vote');
    setFact(doc, 'governance.max_member_vote_share', 0.1);
    setFact(doc, 'name', 'Coop');
    expect(doc).toEqual({
      governance: { voting_rule: 'one_member_one_vote', max_member_vote_share: 0.1 },
      name: 'Coop',
    });
  });

  it('groups facts by the first part of their path', () => {
    expect(factGroup('governance.voting_rule')).toBe('governance');
    expect(factGroup('legal_form')).toBe('general');
  });

  it('shows values in words', () => {
    expect(valueLabel('one_member_one_vote')).toBe('One member, one vote');
    expect(valueLabel('some_new_value')).toBe('some new value');
    expect(showValue(true)).toBe('Yes');
    expect(showValue(0.35, spec('x', 'share'))).toBe('35 %');
    expect(showValue('capital_proportional', spec('x', 'enum'))).toBe(
      'In proportion to capital held',
    );
    expect(showValue([{ name: 'workers', weight: 0.5 }])).toBe('workers (50 %)');
    expect(showValue(null)).toBe('not known');
    expect(showValue([])).toBe('None of these');
  });

  it('saves a profile without the unchanged facts of the statutes, keeping other origins', () => {
    const facts = [
      spec('governance.voting_rule', 'enum'),
      spec('legal_form', 'enum'),
      spec('purpose.social', 'boolean'),
      spec('profits.dividends', 'share'),
    ];
    const loaded = {
      governance: { voting_rule: 'one_member_one_vote' },
      legal_form: 'cooperative',
      profits: { dividends: 0.2 },
      provenance: {
        'governance.voting_rule': { source: 'statutes' },
        legal_form: { source: 'registry', date: '2024-01-01' },
        'profits.dividends': { source: 'statutes' },
      },
    };
    const read = {
      governance: { voting_rule: 'one_member_one_vote' },
      legal_form: 'cooperative',
      purpose: { social: true },
      profits: { dividends: 0.3 },
    };
    expect(profileToSave(read, loaded, facts)).toEqual({
      legal_form: 'cooperative',
      purpose: { social: true },
      profits: { dividends: 0.3 },
      provenance: { legal_form: { source: 'registry', date: '2024-01-01' } },
    });
  });
});
