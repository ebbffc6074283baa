import { describe, expect, it } from 'vitest';
import { CASE_ID, LINEAGE, REVIEWS, TRANSFER } from './knowledge.fixture';
import {
  EMPTY_ADAPTATION,
  flagsConcerning,
  isBlankAdaptation,
  parseLineage,
  parseReviews,
  parseTransferRecord,
  transferDocOf,
  type TransferFields,
} from './knowledge_lineage';

describe('parseLineage', () => {
  it('reads both directions, the FRAME records and the flag history', () => {
    const l = parseLineage(LINEAGE);
    expect(l.caseId).toBe(CASE_ID);
    // A transfer without its id or cases is left out.
    expect(l.origin.map((t) => t.id)).toEqual(['tr-delhi-to-up']);
    expect(l.origin[0]).toMatchObject({ originCase: 'delhi-pink-autos', started: '' });
    const [t] = l.transfers;
    expect(t).toMatchObject({
      id: 'tr-up-to-za',
      originCase: CASE_ID,
      caseId: 'za-groups',
      started: '2024-03',
      flags: ['trust_dependency', 'gender_norms_barrier'],
      outcome: 'failure',
      outcomeNote: { en: 'Stopped after a year.' },
      version: 1,
      recordedAt: '2026-11-30T05:10:47Z',
    });
    expect(t?.target?.domains).toEqual({ socio_cultural: { trust: 'low' } });
    expect(t?.adaptations[0]).toEqual({
      element: 'women_drivers',
      when: 'pre_implementation',
      planned: 'planned',
      decidedBy: ['members', 'federation'],
      what: 'content',
      level: 'organisation',
      change: 'substituting',
      description: {
        en: 'A stokvel replaces microfinance',
        fr: 'Un stokvel remplace le microcrédit',
      },
      fidelity: true,
      reasons: ['recipient', 'organisation'],
      why: { en: 'No microfinance lender nearby' },
      date: '2024-02-01',
    });
    // Not said is unknown, never a no.
    expect(t?.adaptations[1]).toMatchObject({ element: '', fidelity: null, decidedBy: [] });
    expect(l.flagHistory).toEqual({
      transfersKnown: 4,
      failed: 2,
      flags: [
        { flag: 'trust_dependency', transfers: 3, failed: 2 },
        { flag: 'scale_mismatch', transfers: 1, failed: 0 },
      ],
    });
  });

  it('reads texts the server localised as English, and a fidelity that is not a bool as unknown', () => {
    const l = parseLineage({
      ...LINEAGE,
      transfers: [
        {
          ...TRANSFER,
          outcome_note: 'Stopped.',
          adaptations: [{ description: 'Shorter', fidelity_consistent: 'yes' }],
        },
      ],
    });
    expect(l.transfers[0]?.outcomeNote).toEqual({ en: 'Stopped.' });
    expect(l.transfers[0]?.adaptations[0]).toMatchObject({
      description: { en: 'Shorter' },
      fidelity: null,
    });
  });

  it('refuses an answer without origin, transfers or flag history', () => {
    expect(() => parseLineage(null)).toThrow(/origin, transfers and flag_history/);
    expect(() => parseLineage([])).toThrow(/not a lineage/);
    expect(() => parseLineage({ ...LINEAGE, origin: {} })).toThrow(/not a lineage/);
    expect(() => parseLineage({ ...LINEAGE, transfers: undefined })).toThrow(/not a lineage/);
    expect(() => parseLineage({ ...LINEAGE, flag_history: [] })).toThrow(/not a lineage/);
  });

  it('finds the flags of the history that concern the given transfers', () => {
    const l = parseLineage(LINEAGE);
    expect(flagsConcerning(l.flagHistory, l.transfers).map((f) => f.flag)).toEqual([
      'trust_dependency',
    ]);
    expect(flagsConcerning(l.flagHistory, l.origin)).toEqual([]);
  });
});

describe('parseTransferRecord', () => {
  it('reads the stored transfer', () => {
    expect(parseTransferRecord(TRANSFER)).toMatchObject({ id: 'tr-up-to-za', who: 'user:7' });
  });

  it('refuses an answer without its id or cases', () => {
    expect(() => parseTransferRecord({ ...TRANSFER, id: '' })).toThrow(/not a transfer/);
    expect(() => parseTransferRecord({ ...TRANSFER, case: 3 })).toThrow(/origin_case and case/);
    expect(() => parseTransferRecord('tr-1')).toThrow(/not a transfer/);
  });
});

describe('parseReviews', () => {
  it('reads the trail newest first', () => {
    expect(parseReviews(REVIEWS)).toEqual([
      {
        n: 2,
        action: 'return',
        version: 1,
        who: 'user:1',
        at: '2026-11-02T09:00:00Z',
        comment: 'Add sources',
      },
      {
        n: 1,
        action: 'submit',
        version: 1,
        who: 'user:7',
        at: '2026-11-01T09:00:00Z',
        comment: '',
      },
    ]);
  });

  it('leaves out entries without an action and refuses an answer without items', () => {
    expect(parseReviews({ items: [{ n: 3 }, 'x'] })).toEqual([]);
    expect(() => parseReviews({ items: {} })).toThrow(/not a review trail/);
    expect(() => parseReviews(undefined)).toThrow(/items are required/);
  });
});

const fields = (over: Partial<TransferFields> = {}): TransferFields => ({
  originCase: CASE_ID,
  caseId: 'za-groups',
  started: '',
  outcome: '',
  outcomeNote: '',
  adaptations: [],
  ...over,
});

describe('transferDocOf', () => {
  it('turns the form into the document the API takes, texts in the language typed', () => {
    const { doc, problems } = transferDocOf(
      fields({
        started: ' 2024-03 ',
        outcome: 'partial',
        outcomeNote: ' Two buildings of three ',
        adaptations: [
          {
            element: 'women_drivers',
            when: 'pre_implementation',
            planned: 'reactive',
            decidedBy: 'members, federation,, members ',
            what: 'content',
            level: 'group',
            change: 'substituting',
            description: ' A stokvel replaces microfinance ',
            fidelity: 'false',
            reasons: ['recipient', 'evidence', 'recipient'],
            why: 'No lender',
            date: '2024-02-01',
          },
          { ...EMPTY_ADAPTATION },
          { ...EMPTY_ADAPTATION, description: 'Night shifts', fidelity: '' },
        ],
      }),
      'fr',
    );
    expect(problems).toEqual([]);
    expect(doc).toEqual({
      origin_case: CASE_ID,
      case: 'za-groups',
      started: '2024-03',
      outcome: 'partial',
      outcome_note: { fr: 'Two buildings of three' },
      adaptations: [
        {
          element: 'women_drivers',
          when: 'pre_implementation',
          planned: 'reactive',
          decided_by: ['members', 'federation'],
          what: 'content',
          level: 'group',
          change: 'substituting',
          description: { fr: 'A stokvel replaces microfinance' },
          fidelity_consistent: false,
          reasons: ['recipient', 'evidence'],
          why: { fr: 'No lender' },
          date: '2024-02-01',
        },
        // The blank row is not sent; unknown fidelity is null, never false.
        { description: { fr: 'Night shifts' }, fidelity_consistent: null },
      ],
    });
    // No flags: the server computes them.
    expect('flags' in doc).toBe(false);
  });

  it('says an unsaid outcome is ongoing', () => {
    expect(transferDocOf(fields(), 'en').doc).toEqual({
      origin_case: CASE_ID,
      case: 'za-groups',
      outcome: 'ongoing',
      adaptations: [],
    });
  });

  it('lists what the API would refuse, naming the row', () => {
    const { problems } = transferDocOf(
      fields({
        caseId: '',
        started: 'March 2024',
        outcome: 'won',
        adaptations: [
          { ...EMPTY_ADAPTATION, when: 'yesterday', date: '2024-13', reasons: ['luck'] },
          { ...EMPTY_ADAPTATION, description: 'fine' },
        ],
      }),
      'en',
    );
    expect(problems).toEqual([
      { field: 'case', row: null, problem: 'case' },
      { field: 'started', row: null, problem: 'date' },
      { field: 'outcome', row: null, problem: 'option' },
      { field: 'when', row: 0, problem: 'option' },
      { field: 'description', row: 0, problem: 'description' },
      { field: 'reasons', row: 0, problem: 'option' },
      { field: 'date', row: 0, problem: 'date' },
    ]);
  });

  it('refuses a transfer of a case to itself', () => {
    expect(transferDocOf(fields({ caseId: ` ${CASE_ID}` }), 'en').problems).toEqual([
      { field: 'case', row: null, problem: 'same_case' },
    ]);
  });

  it('tells a blank row from one that says something', () => {
    expect(isBlankAdaptation({ ...EMPTY_ADAPTATION, why: '  ' })).toBe(true);
    expect(isBlankAdaptation({ ...EMPTY_ADAPTATION, reasons: ['evidence'] })).toBe(false);
    expect(isBlankAdaptation({ ...EMPTY_ADAPTATION, fidelity: 'true' })).toBe(false);
  });
});
