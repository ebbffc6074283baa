import { describe, expect, it } from 'vitest';
import {
  parseCaseDoc,
  parseCaseRecord,
  parseCaseSearch,
  parseSimilar,
  parseVersions,
  pickText,
  reviewActions,
  textOf,
} from './knowledge';
import { CASE_RECORD, SEARCH, SIMILAR, VERSIONS } from './knowledge.fixture';

describe('texts', () => {
  it('reads a bare string as English and drops blank languages', () => {
    expect(textOf('Hello')).toEqual({ en: 'Hello' });
    expect(textOf({ fr: 'Bonjour', es: ' ', pt: 3 })).toEqual({ fr: 'Bonjour' });
  });

  it('picks the language asked, else English, else the first given, and says which', () => {
    expect(pickText({ en: 'Hi', fr: 'Salut' }, 'fr')).toEqual({ text: 'Salut', lang: 'fr' });
    expect(pickText({ en: 'Hi', hi: 'नमस्ते' }, 'pt')).toEqual({ text: 'Hi', lang: 'en' });
    expect(pickText({ ar: 'مرحبا', id: 'Halo' }, 'es')).toEqual({ text: 'مرحبا', lang: 'ar' });
    expect(pickText({}, 'en')).toEqual({ text: '', lang: '' });
  });
});

describe('parseCaseRecord', () => {
  it('reads every field of the document and the record around it', () => {
    const record = parseCaseRecord(CASE_RECORD);
    expect(record).toMatchObject({
      id: CASE_RECORD.id,
      version: 2,
      status: 'in_review',
      who: 'user:7',
    });
    const doc = record.doc;
    expect(doc.rootCauses).toEqual([{ en: 'Few women drivers' }]);
    expect(doc.coreElements[0]?.reliesOn[1]).toEqual({
      feature: 'trust',
      op: 'at_least',
      value: 'medium',
      why: '',
      severity: 'high',
    });
    expect(doc.actors).toEqual([
      { name: 'Sakha Consulting Wings', actorId: 'sakha', role: 'initiator' },
      { name: 'Drivers', actorId: '', role: 'community' },
    ]);
    expect(doc.siDrive).toEqual({
      societal_needs: { en: 'Safe mobility for women.' },
      concepts: { en: 'not a Text' },
    });
    expect(doc.outcomes[0]?.sources[1]).toEqual({
      title: 'Unsafe link',
      url: 'javascript:alert(1)',
      year: null,
    });
    expect(doc.strength?.assessedAt).toBe('2026-11-30');
    expect(doc.provenance[0]?.contributors).toEqual(['TIESS', 'Sakha']);
    // Unknown (null) values of the origin are left out.
    expect(doc.origin).toEqual({
      id: 'lucknow',
      name: 'Lucknow',
      domains: { socio_cultural: { trust: 'medium' }, socio_economic: { informal_share: 0.8 } },
    });
    expect(doc.location).toEqual({ lat: 26.85, lon: 80.95 });
    expect(doc.source?.licence).toBe('CC-BY-4.0');
    expect(doc.sdgs).toEqual([5, 11]);
  });

  it('reads a minimal document with empty fields, never crashing', () => {
    const doc = parseCaseDoc({
      id: 'x',
      title: 'Only a title',
      sdgs: [3, '4'],
      location: { lat: 1 },
    });
    expect(doc.title).toEqual({ en: 'Only a title' });
    expect(doc.sdgs).toEqual([3]);
    expect(doc.location).toBeNull();
    expect(doc.strength).toBeNull();
    expect(doc.origin).toBeNull();
    expect(doc.coreElements).toEqual([]);
  });

  it('refuses an answer that is not a case, naming what is missing', () => {
    expect(() => parseCaseRecord({ id: 'x' })).toThrow(
      'not a case record: id and doc are required',
    );
    expect(() => parseCaseRecord([])).toThrow('not a case record');
    expect(() => parseCaseRecord({ id: 'x', doc: { id: 'x', title: {} } })).toThrow(
      'not a case document: id and title are required',
    );
  });
});

describe('parseCaseSearch', () => {
  it('reads the items and every facet, numbers as text', () => {
    const search = parseCaseSearch(SEARCH);
    expect(search.total).toBe(3);
    expect(search.items.map((i) => i.id)).toEqual([SEARCH.items[0]?.id, 'draft-case']);
    expect(search.items[1]?.year).toBeNull();
    expect(search.facets.sdg).toEqual([
      { value: '5', count: 2 },
      { value: '11', count: 1 },
    ]);
    expect(search.facets.strength).toEqual([]);
  });

  it('reads missing facets as empty', () => {
    const search = parseCaseSearch({ total: 0, items: [] });
    expect(search.facets.country).toEqual([]);
  });

  it('refuses an answer without total or items', () => {
    expect(() => parseCaseSearch({ items: [] })).toThrow(
      'not a case search: total and items are required',
    );
    expect(() => parseCaseSearch({ total: 1, items: {} })).toThrow('not a case search');
    expect(() => parseCaseSearch(null)).toThrow('not a case search');
  });
});

describe('versions and similar cases', () => {
  it('lists versions newest first', () => {
    expect(parseVersions(VERSIONS).map((v) => [v.version, v.status, v.change])).toEqual([
      [2, 'in_review', 'outcomes'],
      [1, 'published', 'import'],
    ]);
  });

  it('reads similar cases with their score', () => {
    expect(parseSimilar(SIMILAR)[0]).toMatchObject({ id: 'other-rickshaw', score: 0.42 });
  });

  it('refuses lists without items', () => {
    expect(() => parseVersions({})).toThrow('not a list of versions: items are required');
    expect(() => parseSimilar({ items: 'x' })).toThrow('not a list of similar cases');
  });
});

describe('reviewActions', () => {
  const reader = { author: false, steward: false };
  const author = { author: true, steward: false };
  const steward = { author: true, steward: true };

  it('offers nothing to a reader without a role', () => {
    expect(reviewActions('draft', reader)).toEqual([]);
  });

  it('lets an author submit a draft only', () => {
    expect(reviewActions('draft', author)).toEqual(['submit']);
    expect(reviewActions('in_review', author)).toEqual([]);
  });

  it('lets a steward approve, return and withdraw by status', () => {
    expect(reviewActions('draft', steward)).toEqual(['submit']);
    expect(reviewActions('in_review', steward)).toEqual(['approve', 'return', 'withdraw']);
    expect(reviewActions('published', steward)).toEqual(['withdraw']);
    expect(reviewActions('withdrawn', steward)).toEqual([]);
  });
});
