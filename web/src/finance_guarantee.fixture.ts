// Answers of the guarantee funds and match-funded campaigns as the server writes them
// (FinanceRecordToJson, GuaranteeFundReportToJson, MatchResultToJson), for the finance pages'
// tests. The figures follow guarantee_fund.h and match.h by hand; amounts are integer cents.

const record = (kind: string, id: string, doc: unknown) => ({
  kind,
  id,
  version: 1,
  actor_id: '',
  parent: '',
  doc,
  who: 'user:usr-1',
  at: '2026-03-01T10:00:00Z',
  deleted: false,
});

// A regional fund: 200,000.00 EUR of capital, 65% of each loan up to 50,000.00, leverage 3, 1% a
// year. L-2 (100,000.00 outstanding) is guaranteed 50,000.00 (the cap) and called on a loss of
// 90,000.00: 58,500.00 covered, 50,000.00 paid. L-3 is called on 20,000.00: 13,000.00 paid.
const idfDoc = {
  id: 'fonds-idf',
  name: 'Fonds de garantie Île-de-France',
  currency: 'EUR',
  fund: {
    capital: 20000000,
    per_loan_cap: 5000000,
    coverage: 0.65,
    leverage: 3,
    annual_fee_rate: 0.01,
  },
  guarantees: [
    { loan_id: 'L-1', outstanding: 4000000 },
    { loan_id: 'L-2', outstanding: 10000000 },
    { loan_id: 'L-3', outstanding: 6000000 },
  ],
  calls: [
    { loan_id: 'L-2', loss: 9000000 },
    { loan_id: 'L-3', loss: 2000000 },
  ],
};

export const IDF_VIEW = {
  record: record('guarantee_fund', 'fonds-idf', idfDoc),
  report: {
    guarantees: [
      { loan_id: 'L-1', guaranteed: 2600000, annual_fee: 26000, called: false },
      { loan_id: 'L-2', guaranteed: 5000000, annual_fee: 50000, called: true },
      { loan_id: 'L-3', guaranteed: 3900000, annual_fee: 39000, called: true },
    ],
    calls: [
      {
        loan_id: 'L-2',
        loss: 9000000,
        covered: 5850000,
        paid: 5000000,
        limited_by: 'per_loan_cap',
        lender_bears: 4000000,
      },
      {
        loan_id: 'L-3',
        loss: 2000000,
        covered: 1300000,
        paid: 1300000,
        limited_by: 'coverage',
        lender_bears: 700000,
      },
    ],
    capital_left: 13700000,
    limit: 41100000,
    exposure: 2600000,
    remaining_capacity: 38500000,
    annual_fees: 26000,
  },
};

// A small fund without a currency or a cap: 10,000.00 of capital, 80%, leverage 2, 2% a year.
// P-1's call takes 8,000.00; P-2's 4,000.00 covered is cut to the 2,000.00 left; P-3, not called,
// is then 2,000.00 over the limit (2 x 0 left).
const smallDoc = {
  id: 'petit-fonds',
  fund: { capital: 1000000, coverage: 0.8, leverage: 2, annual_fee_rate: 0.02 },
  guarantees: [
    { loan_id: 'P-1', outstanding: 1000000 },
    { loan_id: 'P-2', outstanding: 1000000 },
    { loan_id: 'P-3', outstanding: 250000 },
  ],
  calls: [
    { loan_id: 'P-1', loss: 1000000 },
    { loan_id: 'P-2', loss: 500000 },
  ],
};

export const SMALL_VIEW = {
  record: record('guarantee_fund', 'petit-fonds', smallDoc),
  report: {
    guarantees: [
      { loan_id: 'P-1', guaranteed: 800000, annual_fee: 16000, called: true },
      { loan_id: 'P-2', guaranteed: 800000, annual_fee: 16000, called: true },
      { loan_id: 'P-3', guaranteed: 200000, annual_fee: 4000, called: false },
    ],
    calls: [
      {
        loan_id: 'P-1',
        loss: 1000000,
        covered: 800000,
        paid: 800000,
        limited_by: 'coverage',
        lender_bears: 200000,
      },
      {
        loan_id: 'P-2',
        loss: 500000,
        covered: 400000,
        paid: 200000,
        limited_by: 'fund_capital',
        lender_bears: 300000,
      },
    ],
    capital_left: 0,
    limit: 0,
    exposure: 200000,
    remaining_capacity: -200000,
    annual_fees: 4000,
  },
};

export const GUARANTEE_FUNDS = {
  items: [
    SMALL_VIEW.record,
    IDF_VIEW.record,
    { ...record('guarantee_fund', 'old', smallDoc), deleted: true },
  ],
};

// match.h's example: half-match capped at 5,000.00, released at 25% of the 20,000.00 target
// from 10 backers; on 2026-05-10 one backer has pledged 100.00.
const bakeryDoc = {
  id: 'bakery',
  name: 'Bakery oven',
  target: 2000000,
  deadline: '2026-06-30',
  pledges: [{ backer: 'ana', amount: 10000, date: '2026-05-02' }],
  rule: {
    id: 'half-match',
    source: 'Regional council 2026',
    clauses: [
      { kind: 'ratio', match_per_unit: 0.5 },
      { kind: 'cap', amount: 500000 },
      { kind: 'release_trigger', share_of_target: 0.25, min_backers: 10 },
    ],
  },
};

export const BAKERY_VIEW = {
  record: record('campaign', 'bakery', bakeryDoc),
  match: {
    campaign: 'bakery',
    rule: 'half-match',
    as_of: '2026-05-10',
    raised: 10000,
    backers: 1,
    match_earned: 5000,
    limited_by: 'ratio',
    released: false,
    owed_now: 0,
    blockers: [
      {
        kind: 'share_of_target',
        needed: 500000,
        have: 10000,
        why: 'backers have pledged 100.00 of the 5000.00 needed (0.25 of the target); 4900.00 to go',
      },
      {
        kind: 'min_backers',
        needed: 10,
        have: 1,
        why: '1 backers of the 10 needed; 9 more to go',
      },
    ],
    deadline: {
      passed: false,
      target_reached: false,
      outcome: 'short',
      match: 0,
      collected: 10000,
      refunded: 0,
    },
  },
};

// All or nothing, 1:1 up to 25% of a 40,000.00 budget; 40 backers pledged 24,000.00 of the
// 30,000.00 target by the deadline: refunded, no match.
const libraryDoc = {
  id: 'library',
  name: 'Community library',
  target: 3000000,
  budget: 4000000,
  deadline: '2026-03-31',
  pledges: Array.from({ length: 40 }, (_, i) => ({
    backer: `b-${i + 1}`,
    amount: 60000,
    date: '2026-03-01',
  })),
  rule: {
    id: 'one-to-one',
    source: 'Library foundation',
    clauses: [
      { kind: 'ratio', match_per_unit: 1 },
      { kind: 'budget_share', max_share: 0.25 },
      { kind: 'all_or_nothing', match_counts: false },
    ],
  },
};

export const LIBRARY_VIEW = {
  record: record('campaign', 'library', libraryDoc),
  match: {
    campaign: 'library',
    rule: 'one-to-one',
    as_of: '2026-04-15',
    raised: 2400000,
    backers: 40,
    match_earned: 1000000,
    limited_by: 'budget_share',
    released: true,
    owed_now: 0,
    blockers: [
      {
        kind: 'all_or_nothing',
        needed: 3000000,
        have: 2400000,
        why: "the target was missed at the deadline 2026-03-31 (backers' pledges: 24000.00 of 30000.00): backers are refunded and no match is paid",
      },
    ],
    deadline: {
      passed: true,
      target_reached: false,
      outcome: 'failed',
      match: 0,
      collected: 0,
      refunded: 2400000,
    },
  },
};

export const CAMPAIGNS = { items: [LIBRARY_VIEW.record, BAKERY_VIEW.record] };
