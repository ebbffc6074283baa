import { describe, expect, it } from 'vitest';
import {
  addressLine,
  displayValue,
  mergeRequestFor,
  pairsOf,
  proposedSurvivor,
  type DuplicateCluster,
} from './duplicates';

const cluster: DuplicateCluster = {
  ids: ['cuk-r2', 'map-8', 'net-3'],
  score: 0.91,
  pairs: [],
  actors: [
    { id: 'map-8', name: 'Unicorn Grocery', website: 'https://unicorn.coop', identifiers: {} },
    {
      id: 'cuk-r2',
      name: 'Unicorn Grocery Limited',
      legal_form: 'Society',
      identifiers: { 'coops-uk': 'R2' },
      address: {
        street: '89 Albany Road',
        locality: 'Manchester',
        postcode: 'M21 0BN',
        country: 'GB',
      },
    },
    { id: 'net-3', name: 'Unicorn', identifiers: { susy: 'S3' } },
  ],
};

describe('proposedSurvivor', () => {
  it('prefers the record with most identifiers, then the fullest', () => {
    // cuk-r2 and net-3 have one identifier each; cuk-r2 has more fields filled.
    expect(proposedSurvivor(cluster.actors)).toBe('cuk-r2');
    expect(proposedSurvivor([{ id: 'a' }, { id: 'b', name: 'B' }])).toBe('b');
    expect(proposedSurvivor([])).toBe('');
  });
});

describe('mergeRequestFor', () => {
  it('merges every other record into the survivor', () => {
    expect(mergeRequestFor(cluster, 'map-8')).toEqual({
      survivor: 'map-8',
      merged: ['cuk-r2', 'net-3'],
    });
    expect(mergeRequestFor(cluster, 'net-3', true)).toEqual({
      survivor: 'net-3',
      merged: ['cuk-r2', 'map-8'],
      dry_run: true,
    });
  });
  it('refuses a survivor outside the cluster', () => {
    expect(() => mergeRequestFor(cluster, 'other')).toThrow(/not in the cluster/);
  });
});

describe('pairsOf', () => {
  it('lists each pair once', () => {
    expect(pairsOf(['a', 'b', 'c'])).toEqual([
      ['a', 'b'],
      ['a', 'c'],
      ['b', 'c'],
    ]);
    expect(pairsOf(['a'])).toEqual([]);
  });
});

describe('displayValue and addressLine', () => {
  it('writes values on one line', () => {
    expect(displayValue(null)).toBe('');
    expect(displayValue(['ICA140', 'ICA230'])).toBe('ICA140, ICA230');
    expect(displayValue({ 'coops-uk': 'R2', empty: '' })).toBe('coops-uk: R2');
    expect(displayValue({ lat: 53.4, lon: -2.2 })).toBe('lat: 53.4; lon: -2.2');
    expect(addressLine(cluster.actors[1] ?? { id: '' })).toBe(
      '89 Albany Road, M21 0BN Manchester, GB',
    );
    expect(addressLine({ id: 'x' })).toBe('');
  });
});
