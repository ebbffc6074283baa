// Answers of /api/v1/finance as src/finance/*_json.cc writes them, for the finance pages' tests:
// a fund of 1,000,000.00 EUR in three tranches (a public first-loss grant, private subordinated
// debt, public senior debt), two applications, a saved allocation and a loan book.

const tranches = [
  {
    id: 'grant',
    name: 'Municipal grant',
    source: 'public',
    instrument: 'grant',
    committed: 10000000,
    drawn: 10000000,
    target_return: null,
    loss_order: 1,
  },
  {
    id: 'sub',
    name: 'Credit union notes',
    source: 'private',
    instrument: 'subordinated_debt',
    committed: 30000000,
    drawn: 20000000,
    target_return: 0.03,
    loss_order: 2,
  },
  {
    id: 'senior',
    name: 'Regional bank',
    source: 'public',
    instrument: 'senior_debt',
    committed: 60000000,
    drawn: 60000000,
    target_return: 0.02,
    loss_order: 3,
  },
];

/** The waterfall of `loss` cents over the three tranches (first loss first). */
export function waterfall(loss: number): unknown {
  let left = loss;
  let attachment = 0;
  const rows = tranches.map((t) => {
    const absorbed = Math.min(left, t.committed);
    left -= absorbed;
    const row = {
      id: t.id,
      loss_order: t.loss_order,
      amount: t.committed,
      absorbed,
      remaining: t.committed - absorbed,
      share_lost: absorbed / t.committed,
      attachment,
      detachment: attachment + t.committed,
    };
    attachment += t.committed;
    return row;
  });
  return {
    fund: 'solidarity-fund',
    loss,
    total: 100000000,
    absorbed: loss - left,
    unabsorbed: left,
    tranches: rows,
  };
}

export const LEVERAGE = {
  public: 70000000,
  private: 30000000,
  ratio: 0.42857142857142855,
  private_needed: 140000000,
  shortfall: 110000000,
  passes: false,
  rule: { min_private_per_public: 2, basis: 'committed', source: 'Canada Social Finance Fund' },
};

export const FUNDS = {
  items: [
    {
      id: 'solidarity-fund',
      name: 'Solidarity Fund',
      currency: 'EUR',
      committed: 100000000,
      public: 70000000,
      private: 30000000,
      leverage: LEVERAGE,
      applications: 2,
      loans: 3,
    },
    {
      id: 'coop-fund',
      name: 'Co-op Growth Fund',
      currency: 'GBP',
      committed: 50000000,
      public: 10000000,
      private: 40000000,
      leverage: {
        ...LEVERAGE,
        public: 10000000,
        private: 40000000,
        ratio: 4,
        passes: true,
        shortfall: 0,
      },
      applications: 0,
      loans: 0,
    },
  ],
};

const record = (kind: string, id: string, doc: unknown, extra: Record<string, unknown> = {}) => ({
  kind,
  id,
  version: 1,
  actor_id: '',
  parent: '',
  doc,
  who: 'user:usr-1',
  at: '2026-03-01T10:00:00Z',
  deleted: false,
  ...extra,
});

export const ALLOCATION = {
  status: 'optimal',
  solver: 'proven optimal',
  seconds: 0.42,
  impact: 150,
  best_bound: 150,
  gap: 0,
  mip: {
    impact: 150,
    allocated: 90000,
    private_capital: 20000,
    first_loss: 0,
    funded: 2,
    grants: [
      { id: 'app-bakery', amount: 40000, impact: 80 },
      { id: 'app-care', amount: 50000, impact: 70 },
    ],
  },
  greedy: {
    impact: 120,
    allocated: 80000,
    private_capital: 10000,
    first_loss: 0,
    funded: 1,
    grants: [{ id: 'app-bakery', amount: 80000, impact: 120 }],
  },
  greedy_violations: ['women_led_quota: at least 30% to women-led organisations'],
  constraints: [
    {
      id: 'budget',
      family: 'budget',
      activity: 90000,
      limit: 90000,
      tight: true,
      analysed: true,
      status_without: 'optimal',
      impact_without: 190,
      impact_cost: 40,
      binding: true,
    },
    {
      id: 'north',
      family: 'region',
      activity: 40000,
      limit: 40000,
      tight: true,
      analysed: true,
      status_without: 'optimal',
      impact_without: 160,
      impact_cost: 10,
      binding: true,
    },
    {
      id: 'leverage',
      family: 'leverage',
      activity: 1,
      limit: 2,
      tight: false,
      analysed: true,
      status_without: 'optimal',
      impact_without: 150,
      impact_cost: 0,
      binding: false,
    },
  ],
  infeasibility: [],
  unfundable: [],
  applications: [
    { id: 'app-bakery', actor_id: 'bakery-coop', requested: 80000, mip: 40000, greedy: 80000 },
    { id: 'app-care', actor_id: 'care-coop', requested: 50000, mip: 50000, greedy: 0 },
  ],
  fund: 'solidarity-fund',
};

export function fundView(loss = 10000000): unknown {
  return {
    record: record('fund', 'solidarity-fund', {}),
    fund: { id: 'solidarity-fund', name: 'Solidarity Fund', currency: 'EUR', tranches },
    warnings: ['tranche sub: drawn is below committed'],
    leverage: LEVERAGE,
    waterfall: waterfall(loss),
    losses: Array.from({ length: 11 }, (_, i) => waterfall(i * 10000000)),
    applications: [
      record(
        'application',
        'app-bakery',
        { id: 'app-bakery', requested: 80000, impact_score: 120, region: 'north', sector: 'food' },
        { actor_id: 'bakery-coop', parent: 'solidarity-fund' },
      ),
      record(
        'application',
        'app-care',
        { id: 'app-care', requested: 50000, impact_score: 70, region: 'south', sector: 'care' },
        { actor_id: 'care-coop', parent: 'solidarity-fund' },
      ),
    ],
    allocation: record('allocation', 'solidarity-fund', ALLOCATION),
    loans: { count: 3, outstanding: 4500000 },
  };
}

const figure = (days: number, atRisk: number, outstanding: number, n: number) => ({
  days,
  at_risk: atRisk,
  outstanding,
  ratio: outstanding > 0 ? atRisk / outstanding : 0,
  loans_at_risk: n,
  loan_ids: [],
});

export const LOAN_BOOK = {
  as_of: '2026-06-30',
  par: {
    as_of: '2026-06-30',
    restructured_included: true,
    written_off_principal: 300000,
    thresholds: [
      {
        days: 30,
        all: figure(30, 1500000, 6000000, 2),
        restructured: figure(30, 500000, 1000000, 1),
        excluding_restructured: figure(30, 1000000, 5000000, 1),
      },
      {
        days: 90,
        all: figure(90, 500000, 6000000, 1),
        restructured: figure(90, 500000, 1000000, 1),
        excluding_restructured: figure(90, 0, 5000000, 0),
      },
    ],
    loans: [],
  },
  loans: [
    {
      id: 'L-1',
      actor_id: 'bakery-coop',
      actor_name: 'Bakery Co-op',
      parent: 'solidarity-fund',
      principal: 3000000,
      disbursed_on: '2025-01-15',
      outstanding_principal: 3000000,
      days_in_arrears: 0,
      restructured: false,
      written_off: false,
    },
    {
      id: 'L-2',
      actor_id: 'care-coop',
      actor_name: 'Care Co-op',
      parent: 'solidarity-fund',
      principal: 1500000,
      disbursed_on: '2025-02-01',
      outstanding_principal: 1000000,
      days_in_arrears: 45,
      restructured: false,
      written_off: false,
    },
    {
      id: 'L-3',
      actor_id: 'print-coop',
      actor_name: 'Print Co-op',
      parent: 'coop-fund',
      principal: 1000000,
      disbursed_on: '2024-06-01',
      outstanding_principal: 500000,
      days_in_arrears: 120,
      restructured: true,
      written_off: false,
    },
  ],
  funds: ['coop-fund', 'solidarity-fund'],
};

export const MECHANISMS = {
  id: 'finance-mechanisms',
  version: '1.0.0',
  title: { en: 'Social finance mechanisms' },
  mechanisms: [
    {
      id: 'member_shares',
      axes: { origin: 'internal', provider: 'private', terms: 'market' },
      instrument: 'equity_without_outside_votes',
      label: { en: 'Member shares', fr: 'Parts sociales' },
      description: { en: 'Capital from the members.' },
      source: 'ilo-2019',
      rules: [],
    },
    {
      id: 'public_grant',
      axes: { origin: 'external', provider: 'public', terms: 'non_market' },
      instrument: 'grant',
      label: { en: 'Public grant', fr: 'Subvention publique' },
      description: { en: 'A grant.' },
      source: 'ilo-2019',
      rules: [],
    },
  ],
};

export const ORGANISATION = {
  actor: { id: 'bakery-coop', name: 'Bakery Co-op', territory: 'GB-WLS' },
  profile: { legal_form: 'cooperative' },
  readiness: {
    latest: {
      organisation: 'bakery-coop',
      date: '2026-02-01',
      assessor: 'coach',
      scores: [
        { dimension: 'plan', label: 'Business plan', score: 2, meaning: 'A costed plan' },
        { dimension: 'people', label: 'People', score: 1, meaning: 'Some skills' },
      ],
      governance: [{ dimension: 'board', label: 'Board', score: 2, meaning: 'Meets monthly' }],
      total: 9,
      max_total: 14,
      min_score: 1,
      weakest: ['people'],
      stage: {
        id: 'investable',
        label: 'Investable',
        meaning: 'Can take a loan',
        rule: true,
        source: 'canada-irp',
      },
      pipeline: {
        id: 'apply',
        label: 'Apply',
        meaning: 'Ready to apply',
        rule: true,
        source: 'canada-irp',
      },
    },
    history: [
      { date: '2025-06-01', total: 6, stage: 'emerging', pipeline: 'prepare' },
      { date: '2026-02-01', total: 9, stage: 'investable', pipeline: 'apply' },
    ],
    change: { total: { before: 6, after: 9, change: 3 } },
  },
  mechanisms: {
    organisation: 'bakery-coop',
    ordered_by: [],
    mechanisms: [
      {
        mechanism: 'member_shares',
        label: 'Member shares',
        axes: { origin: 'internal', provider: 'private', terms: 'market' },
        instrument: 'equity_without_outside_votes',
        fit: 'fits',
        passed: [{ rule: 'is_coop', source: 'ica-1995', text: 'It is a co-operative' }],
        failed: [],
        unknown: [],
        rank: 1,
      },
      {
        mechanism: 'social_loan',
        label: 'Social loan',
        axes: { origin: 'external', provider: 'private', terms: 'market' },
        instrument: 'debt',
        fit: 'unknown',
        passed: [],
        failed: [],
        unknown: [{ rule: 'trading', source: 'ilo-2019', missing: ['income.trading'] }],
        rank: 2,
      },
      {
        mechanism: 'equity',
        label: 'Outside equity',
        axes: { origin: 'external', provider: 'private', terms: 'market' },
        instrument: 'equity_with_outside_votes',
        fit: 'does_not_fit',
        passed: [],
        failed: [
          {
            rule: 'one_vote',
            source: 'ica-1995',
            reason: 'Outside votes break one member one vote',
            change: 'Use non-voting shares',
          },
        ],
        unknown: [],
        rank: 3,
      },
    ],
  },
  funders: {
    ordered_by: [],
    results: [
      {
        rank: 1,
        funder: 'wales-coop-fund',
        organisation: 'bakery-coop',
        eligibility: 'not_eligible',
        fitting_mechanisms: ['member_shares'],
        conditions: [
          { condition: 'region', outcome: 'held', detail: 'GB-WLS is accepted' },
          {
            condition: 'amount',
            outcome: 'failed',
            detail: '90000 is above 50000',
            change: 'ask for at most 50000',
          },
        ],
      },
    ],
  },
  applications: [
    record(
      'application',
      'app-bakery',
      { requested: 80000, impact_score: 120 },
      { actor_id: 'bakery-coop', parent: 'solidarity-fund' },
    ),
  ],
  loans: [
    {
      record: record(
        'loan',
        'L-1',
        { id: 'L-1', terms: { principal: 3000000, disbursed_on: '2025-01-15' } },
        { actor_id: 'bakery-coop', parent: 'solidarity-fund' },
      ),
      position: {
        loan_id: 'L-1',
        as_of: '2026-06-30',
        restructured: false,
        written_off: false,
        written_off_principal: 0,
        recoveries: 0,
        outstanding_principal: 2500000,
        overdue_principal: 0,
        overdue_interest: 0,
        overdue_late_fees: 0,
        days_in_arrears: 0,
        phases: [
          {
            starts_on: '2025-01-15',
            capitalised_arrears: 0,
            instalments: [
              {
                number: 1,
                due_on: '2025-02-15',
                principal: 250000,
                interest: 30000,
                late_fee: 0,
                principal_paid: 250000,
                interest_paid: 30000,
                late_fee_paid: 0,
                paid_in_full_on: null,
                overdue: false,
                days_late: 0,
              },
              {
                number: 2,
                due_on: '2025-03-15',
                principal: 252500,
                interest: 27500,
                late_fee: 1500,
                principal_paid: 0,
                interest_paid: 0,
                late_fee_paid: 0,
                paid_in_full_on: null,
                overdue: true,
                days_late: 35,
              },
            ],
          },
        ],
      },
    },
  ],
  share_register: {
    payouts: [{ request: 'W-1', member: 'm-7', amount: 50000, paid_on: '2026-09-30' }],
    years: [{ year: 2026, capital_at_start: 2000000, limit: 200000, paid: 50000 }],
    unpaid: [],
  },
};

// GET /finance/records/funder: two funders as ParseFunder reads them (amounts in currency units,
// min_readiness a readiness stage's id), and one deleted that the list leaves out.
const funderDoc = {
  id: 'fiducie-chantier',
  name: 'Fiducie du Chantier',
  mechanisms: ['member_shares', 'quasi_equity'],
  amount: { min: 50000, max: 1500000 },
  regions: ['CA'],
  legal_forms: ['cooperative', 'association'],
  min_readiness: 'investment_ready',
};

export const FUNDER_RECORD = record('funder', 'fiducie-chantier', funderDoc, {
  actor_id: 'fiducie-chantier',
});

export const FUNDERS = {
  items: [
    record('funder', 'risq', {
      id: 'risq',
      name: 'RISQ',
      mechanisms: ['public_grant'],
      amount: { max: 250000 },
      regions: [],
    }),
    FUNDER_RECORD,
    record(
      'funder',
      'gone',
      { id: 'gone', name: 'Gone', mechanisms: ['grant'] },
      { deleted: true },
    ),
  ],
};

// GET /finance/funders/fiducie-chantier/applicants (FunderMatchToJson): one applicant of each
// eligibility, in the server's order.
const held = (condition: string, detail: string) => ({ condition, outcome: 'held', detail });

export const APPLICANTS = {
  ordered_by: [
    'eligibility: eligible, then unknown, then not eligible',
    'higher readiness total first (no assessment last)',
    'input order',
  ],
  results: [
    {
      rank: 1,
      funder: 'fiducie-chantier',
      organisation: 'chantier',
      eligibility: 'eligible',
      fitting_mechanisms: ['member_shares', 'quasi_equity'],
      conditions: [
        held('mechanism', 'fitting mechanisms: member_shares, quasi_equity'),
        held('amount', '200000 is within 50000 to 1500000'),
        held('region', 'CA/QC is accepted'),
        held('sector', 'any sector'),
        held('legal_form', 'cooperative is accepted'),
        held('readiness', 'stage investment_ready reaches investment_ready'),
      ],
    },
    {
      rank: 2,
      funder: 'fiducie-chantier',
      organisation: 'tiess/qc',
      eligibility: 'unknown',
      fitting_mechanisms: [],
      conditions: [
        {
          condition: 'mechanism',
          outcome: 'unknown',
          detail: 'may fit, facts missing: quasi_equity',
        },
        { condition: 'amount', outcome: 'unknown', detail: 'the amount sought is not given' },
        held('region', 'CA/QC is accepted'),
      ],
    },
    {
      rank: 3,
      funder: 'fiducie-chantier',
      organisation: 'za-township-stokvel',
      eligibility: 'not_eligible',
      fitting_mechanisms: ['member_shares'],
      conditions: [
        held('mechanism', 'fitting mechanisms: member_shares'),
        {
          condition: 'region',
          outcome: 'failed',
          detail: 'ZA is not among CA',
          change: 'the funder accepts only CA',
        },
        {
          condition: 'readiness',
          outcome: 'failed',
          detail: 'stage early is below investment_ready',
          change: 'raise the readiness scores to reach investment_ready (weakest: plan)',
        },
      ],
    },
  ],
};
