// Social finance (docs/finance.md): the answers of /api/v1/finance read into typed values, and the
// arithmetic the finance pages do on them (money in cents, the loss a reader types, the ratio of
// the MIP's impact to the greedy ranking's). The JSON is written by src/finance/*_json.cc: amounts
// of funds and loans are integer cents, allocation amounts are numbers in currency units, ratios
// and shares are fractions from 0 to 1. Parsers are lenient (json_read.ts) but throw when the
// answer lacks what makes it the answer asked for.

import { arr, isObject, num, numOrNull, obj, str, strings, type Json } from './json_read';

/** A finance document kept as a versioned record (service.h FinanceRecordToJson). */
export interface FinanceRecord {
  kind: string;
  id: string;
  version: number;
  actorId: string;
  parent: string;
  doc: Json;
  who: string;
  at: string;
  deleted: boolean;
}

export interface Tranche {
  id: string;
  name: string;
  /** "public" or "private". */
  source: string;
  instrument: string;
  committed: number;
  drawn: number;
  targetReturn: number | null;
  lossOrder: number;
}

export interface Fund {
  id: string;
  name: string;
  currency: string;
  tranches: Tranche[];
}

export interface TrancheLoss {
  id: string;
  lossOrder: number;
  amount: number;
  absorbed: number;
  remaining: number;
  shareLost: number;
  attachment: number;
  detachment: number;
}

export interface Waterfall {
  loss: number;
  total: number;
  absorbed: number;
  unabsorbed: number;
  tranches: TrancheLoss[];
}

export interface Leverage {
  public: number;
  private: number;
  ratio: number | null;
  privateNeeded: number;
  shortfall: number;
  passes: boolean;
  minPrivatePerPublic: number;
  basis: string;
  source: string;
}

export interface FundSummary {
  id: string;
  name: string;
  currency: string;
  committed: number;
  public: number;
  private: number;
  leverage: Leverage | null;
  applications: number;
  loans: number;
}

export interface FundView {
  record: FinanceRecord | null;
  fund: Fund;
  warnings: string[];
  leverage: Leverage | null;
  waterfall: Waterfall;
  losses: Waterfall[];
  applications: FinanceRecord[];
  allocation: FinanceRecord | null;
  loans: { count: number; outstanding: number };
}

export interface Grant {
  id: string;
  amount: number;
  impact: number;
}

export interface Portfolio {
  impact: number;
  allocated: number;
  privateCapital: number;
  firstLoss: number;
  funded: number;
  grants: Grant[];
}

export interface ConstraintReport {
  id: string;
  family: string;
  activity: number;
  limit: number;
  tight: boolean;
  analysed: boolean;
  statusWithout: string;
  impactWithout: number | null;
  impactCost: number | null;
  binding: boolean;
}

export interface AllocatedApplication {
  id: string;
  actorId: string;
  requested: number;
  mip: number;
  greedy: number;
}

export interface Allocation {
  status: string;
  solver: string;
  seconds: number;
  impact: number;
  bestBound: number;
  gap: number;
  mip: Portfolio;
  greedy: Portfolio;
  greedyViolations: string[];
  constraints: ConstraintReport[];
  infeasibility: string[];
  unfundable: string[];
  applications: AllocatedApplication[];
}

export interface ParFigure {
  days: number;
  atRisk: number;
  outstanding: number;
  ratio: number;
  loansAtRisk: number;
}

export interface ParThreshold {
  days: number;
  all: ParFigure;
  restructured: ParFigure;
  excludingRestructured: ParFigure;
}

export interface BookLoan {
  id: string;
  actorId: string;
  actorName: string;
  parent: string;
  principal: number;
  disbursedOn: string;
  outstandingPrincipal: number;
  daysInArrears: number;
  restructured: boolean;
  writtenOff: boolean;
}

export interface LoanBook {
  asOf: string;
  /** Not in the contract yet: the book's currency when the server sends one, else "". */
  currency: string;
  writtenOffPrincipal: number;
  thresholds: ParThreshold[];
  loans: BookLoan[];
  funds: string[];
}

/** The three ILO axes of a mechanism (ILO 2019). */
export interface Axes {
  origin: string;
  provider: string;
  terms: string;
}

export interface CatalogueMechanism {
  id: string;
  label: string;
  description: string;
  axes: Axes;
  instrument: string;
}

export interface RuleOutcome {
  rule: string;
  text: string;
  reason: string;
  change: string;
  missing: string[];
}

export interface MechanismFit {
  mechanism: string;
  label: string;
  axes: Axes;
  instrument: string;
  /** "fits", "unknown" or "does_not_fit". */
  fit: string;
  passed: RuleOutcome[];
  failed: RuleOutcome[];
  unknown: RuleOutcome[];
}

export interface FunderCondition {
  condition: string;
  /** "held", "failed" or "unknown". */
  outcome: string;
  detail: string;
  change: string;
}

/** One result of FunderMatchToJson: a funder and an organisation, and why it is (not) eligible. */
export interface FunderFit {
  rank: number;
  funder: string;
  /** The organisation's actor id. */
  organisation: string;
  /** "eligible", "unknown" or "not_eligible". */
  eligibility: string;
  fittingMechanisms: string[];
  conditions: FunderCondition[];
}

/** FunderMatchToJson: the results ranked, and the ranking's keys in words. */
export interface FunderMatch {
  orderedBy: string[];
  results: FunderFit[];
}

/**
 * A stored funder's terms (funders.cc ParseFunder): empty lists mean "any"; amounts are in
 * currency units; min_readiness is a readiness stage's id.
 */
export interface FunderTerms {
  id: string;
  name: string;
  mechanisms: string[];
  amountMin: number | null;
  amountMax: number | null;
  regions: string[];
  sectors: string[];
  legalForms: string[];
  minReadiness: string;
}

export interface ReadinessScore {
  dimension: string;
  label: string;
  score: number;
  meaning: string;
}

export interface ReadinessStep {
  id: string;
  label: string;
  meaning: string;
}

export interface Readiness {
  date: string;
  total: number;
  maxTotal: number;
  weakest: string[];
  scores: ReadinessScore[];
  governance: ReadinessScore[];
  stage: ReadinessStep;
  pipeline: ReadinessStep;
  history: { date: string; total: number; stage: string; pipeline: string }[];
  /** The change in total since the assessment before, or null with a single one. */
  change: number | null;
}

export interface ScheduleLine {
  number: number;
  dueOn: string;
  principal: number;
  interest: number;
  lateFee: number;
  paid: number;
  overdue: boolean;
  daysLate: number;
}

export interface LoanPosition {
  loanId: string;
  outstandingPrincipal: number;
  overduePrincipal: number;
  daysInArrears: number;
  restructured: boolean;
  writtenOff: boolean;
  /** The schedules, the original first; a restructuring starts a new one. */
  phases: { startsOn: string; instalments: ScheduleLine[] }[];
}

export interface SharePlan {
  payouts: { request: string; member: string; amount: number; paidOn: string }[];
  years: { year: number; capitalAtStart: number; limit: number; paid: number }[];
  unpaid: { request: string; member: string; amount: number }[];
}

export interface OrganisationFinance {
  actor: { id: string; name: string; territory: string };
  readiness: Readiness | null;
  mechanisms: MechanismFit[];
  funders: FunderFit[];
  applications: FinanceRecord[];
  loans: { record: FinanceRecord | null; position: LoanPosition }[];
  shareRegister: SharePlan | null;
}

/** Throws naming what the answer lacks. */
function need(condition: boolean, what: string): void {
  if (!condition) throw new Error(`unexpected answer from the server: ${what}`);
}

/** A text the server sends localised (a string) or as {lang: text}. */
export function localText(v: unknown, lang: string): string {
  if (typeof v === 'string') return v;
  const texts = obj(v);
  return str(texts[lang]) || str(texts.en) || str(Object.values(texts)[0]);
}

export function parseRecord(v: unknown): FinanceRecord | null {
  if (!isObject(v)) return null;
  return {
    kind: str(v.kind),
    id: str(v.id),
    version: num(v.version),
    actorId: str(v.actor_id),
    parent: str(v.parent),
    doc: obj(v.doc),
    who: str(v.who),
    at: str(v.at),
    deleted: v.deleted === true,
  };
}

const records = (v: unknown): FinanceRecord[] =>
  arr(v)
    .map(parseRecord)
    .filter((r): r is FinanceRecord => r !== null);

function parseTranche(v: unknown): Tranche {
  const t = obj(v);
  return {
    id: str(t.id),
    name: str(t.name) || str(t.id),
    source: str(t.source),
    instrument: str(t.instrument),
    committed: num(t.committed),
    drawn: num(t.drawn),
    targetReturn: numOrNull(t.target_return),
    lossOrder: num(t.loss_order),
  };
}

export function parseFund(v: unknown): Fund {
  const f = obj(v);
  return {
    id: str(f.id),
    name: str(f.name) || str(f.id),
    currency: str(f.currency),
    tranches: arr(f.tranches)
      .map(parseTranche)
      .sort((a, b) => a.lossOrder - b.lossOrder),
  };
}

export function parseWaterfall(v: unknown): Waterfall {
  const w = obj(v);
  return {
    loss: num(w.loss),
    total: num(w.total),
    absorbed: num(w.absorbed),
    unabsorbed: num(w.unabsorbed),
    tranches: arr(w.tranches)
      .map((x) => {
        const t = obj(x);
        return {
          id: str(t.id),
          lossOrder: num(t.loss_order),
          amount: num(t.amount),
          absorbed: num(t.absorbed),
          remaining: num(t.remaining),
          shareLost: num(t.share_lost),
          attachment: num(t.attachment),
          detachment: num(t.detachment),
        };
      })
      .sort((a, b) => a.lossOrder - b.lossOrder),
  };
}

export function parseLeverage(v: unknown): Leverage | null {
  if (!isObject(v)) return null;
  const rule = obj(v.rule);
  return {
    public: num(v.public),
    private: num(v.private),
    ratio: numOrNull(v.ratio),
    privateNeeded: num(v.private_needed),
    shortfall: num(v.shortfall),
    passes: v.passes === true,
    minPrivatePerPublic: num(rule.min_private_per_public),
    basis: str(rule.basis),
    source: str(rule.source),
  };
}

export function parseFundList(v: unknown): FundSummary[] {
  need(Array.isArray(obj(v).items), 'no list of funds');
  return arr(obj(v).items).map((x) => {
    const f = obj(x);
    return {
      id: str(f.id),
      name: str(f.name) || str(f.id),
      currency: str(f.currency),
      committed: num(f.committed),
      public: num(f.public),
      private: num(f.private),
      leverage: parseLeverage(f.leverage),
      applications: num(f.applications),
      loans: num(f.loans),
    };
  });
}

export function parseFundView(v: unknown): FundView {
  const o = obj(v);
  need(isObject(o.fund), 'no fund');
  const loans = obj(o.loans);
  return {
    record: parseRecord(o.record),
    fund: parseFund(o.fund),
    warnings: strings(o.warnings),
    leverage: parseLeverage(o.leverage),
    waterfall: parseWaterfall(o.waterfall),
    losses: arr(o.losses).map(parseWaterfall),
    applications: records(o.applications).filter((r) => !r.deleted),
    allocation: parseRecord(o.allocation),
    loans: { count: num(loans.count), outstanding: num(loans.outstanding) },
  };
}

function parsePortfolio(v: unknown): Portfolio {
  const p = obj(v);
  return {
    impact: num(p.impact),
    allocated: num(p.allocated),
    privateCapital: num(p.private_capital),
    firstLoss: num(p.first_loss),
    funded: num(p.funded),
    grants: arr(p.grants).map((x) => {
      const g = obj(x);
      return { id: str(g.id), amount: num(g.amount), impact: num(g.impact) };
    }),
  };
}

function parseConstraint(v: unknown): ConstraintReport {
  const c = obj(v);
  return {
    id: str(c.id),
    family: str(c.family),
    activity: num(c.activity),
    limit: num(c.limit),
    tight: c.tight === true,
    analysed: c.analysed === true,
    statusWithout: str(c.status_without),
    impactWithout: numOrNull(c.impact_without),
    impactCost: numOrNull(c.impact_cost),
    binding: c.binding === true,
  };
}

/**
 * An allocation: POST .../allocate's answer, or a saved allocation record's document (the same
 * JSON). The applications list is rebuilt from the portfolios when the answer has none.
 */
export function parseAllocation(v: unknown): Allocation {
  const o = obj(v);
  need(typeof o.status === 'string', 'no solver status');
  const mip = parsePortfolio(o.mip);
  const greedy = parsePortfolio(o.greedy);
  let applications = arr(o.applications).map((x) => {
    const a = obj(x);
    return {
      id: str(a.id),
      actorId: str(a.actor_id),
      requested: num(a.requested),
      mip: num(a.mip),
      greedy: num(a.greedy),
    };
  });
  if (applications.length === 0) applications = applicationsFromPortfolios(mip, greedy);
  return {
    status: str(o.status),
    solver: str(o.solver),
    seconds: num(o.seconds),
    impact: num(o.impact),
    bestBound: num(o.best_bound),
    gap: num(o.gap),
    mip,
    greedy,
    greedyViolations: strings(o.greedy_violations),
    constraints: arr(o.constraints).map(parseConstraint),
    infeasibility: strings(o.infeasibility),
    unfundable: strings(o.unfundable),
    applications,
  };
}

function applicationsFromPortfolios(mip: Portfolio, greedy: Portfolio): AllocatedApplication[] {
  const ids = [...new Set([...mip.grants, ...greedy.grants].map((g) => g.id))];
  const amount = (p: Portfolio, id: string) => p.grants.find((g) => g.id === id)?.amount ?? 0;
  return ids.map((id) => ({
    id,
    actorId: '',
    requested: 0,
    mip: amount(mip, id),
    greedy: amount(greedy, id),
  }));
}

/**
 * How much more impact the MIP's portfolio has than the greedy ranking's: mip / greedy (1.25 =
 * 25% more). Null when greedy funds nothing with impact (no ratio to speak of).
 */
export function impactRatio(allocation: Pick<Allocation, 'mip' | 'greedy'>): number | null {
  const greedy = allocation.greedy.impact;
  if (!(greedy > 0)) return null;
  return allocation.mip.impact / greedy;
}

/** The binding constraints, the costliest first. */
export function bindingConstraints(allocation: Allocation): ConstraintReport[] {
  return allocation.constraints
    .filter((c) => c.binding)
    .sort((a, b) => (b.impactCost ?? 0) - (a.impactCost ?? 0));
}

function parseFigure(v: unknown): ParFigure {
  const f = obj(v);
  return {
    days: num(f.days),
    atRisk: num(f.at_risk),
    outstanding: num(f.outstanding),
    ratio: num(f.ratio),
    loansAtRisk: num(f.loans_at_risk),
  };
}

export function parseLoanBook(v: unknown): LoanBook {
  const o = obj(v);
  need(isObject(o.par), 'no portfolio at risk');
  const par = obj(o.par);
  return {
    asOf: str(o.as_of) || str(par.as_of),
    currency: str(o.currency),
    writtenOffPrincipal: num(par.written_off_principal),
    thresholds: arr(par.thresholds).map((x) => {
      const t = obj(x);
      return {
        days: num(t.days),
        all: parseFigure(t.all),
        restructured: parseFigure(t.restructured),
        excludingRestructured: parseFigure(t.excluding_restructured),
      };
    }),
    loans: sortByArrears(
      arr(o.loans).map((x) => {
        const l = obj(x);
        return {
          id: str(l.id),
          actorId: str(l.actor_id),
          actorName: str(l.actor_name),
          parent: str(l.parent),
          principal: num(l.principal),
          disbursedOn: str(l.disbursed_on),
          outstandingPrincipal: num(l.outstanding_principal),
          daysInArrears: num(l.days_in_arrears),
          restructured: l.restructured === true,
          writtenOff: l.written_off === true,
        };
      }),
    ),
    funds: strings(o.funds),
  };
}

/** The latest loans first: most days in arrears, then the largest outstanding, then by id. */
export function sortByArrears(loans: BookLoan[]): BookLoan[] {
  return [...loans].sort(
    (a, b) =>
      b.daysInArrears - a.daysInArrears ||
      b.outstandingPrincipal - a.outstandingPrincipal ||
      a.id.localeCompare(b.id),
  );
}

function parseAxes(v: unknown): Axes {
  const a = obj(v);
  return { origin: str(a.origin), provider: str(a.provider), terms: str(a.terms) };
}

/** GET /finance/mechanisms: the catalogue (CatalogueToJson), texts in `lang`. */
export function parseCatalogue(v: unknown, lang: string): CatalogueMechanism[] {
  const o = obj(v);
  need(Array.isArray(o.mechanisms) || Array.isArray(o.items), 'no list of mechanisms');
  return arr(o.mechanisms ?? o.items).map((x) => {
    const m = obj(x);
    return {
      id: str(m.id),
      label: localText(m.label, lang) || str(m.id),
      description: localText(m.description, lang),
      axes: parseAxes(m.axes),
      instrument: str(m.instrument),
    };
  });
}

function parseOutcome(v: unknown): RuleOutcome {
  const o = obj(v);
  return {
    rule: str(o.rule),
    text: str(o.text),
    reason: str(o.reason),
    change: str(o.change),
    missing: strings(o.missing),
  };
}

function parseMechanismFit(v: unknown): MechanismFit {
  const m = obj(v);
  return {
    mechanism: str(m.mechanism),
    label: str(m.label) || str(m.mechanism),
    axes: parseAxes(m.axes),
    instrument: str(m.instrument),
    fit: str(m.fit),
    passed: arr(m.passed).map(parseOutcome),
    failed: arr(m.failed).map(parseOutcome),
    unknown: arr(m.unknown).map(parseOutcome),
  };
}

function parseFunderFit(v: unknown): FunderFit {
  const f = obj(v);
  return {
    rank: num(f.rank),
    funder: str(f.funder),
    organisation: str(f.organisation),
    eligibility: str(f.eligibility),
    fittingMechanisms: strings(f.fitting_mechanisms),
    conditions: arr(f.conditions).map((x) => {
      const c = obj(x);
      return {
        condition: str(c.condition),
        outcome: str(c.outcome),
        detail: str(c.detail),
        change: str(c.change),
      };
    }),
  };
}

/** GET /finance/funders/{id}/applicants (FunderMatchToJson). */
export function parseFunderMatch(v: unknown): FunderMatch {
  const o = obj(v);
  need(Array.isArray(o.results), 'no list of results');
  return { orderedBy: strings(o.ordered_by), results: arr(o.results).map(parseFunderFit) };
}

/** A funder record's terms; the record's id when the document has none. */
export function funderTerms(record: FinanceRecord): FunderTerms {
  const d = record.doc;
  const amount = obj(d.amount);
  const id = str(d.id) || record.id;
  return {
    id,
    name: str(d.name) || id,
    mechanisms: strings(d.mechanisms),
    amountMin: numOrNull(amount.min),
    amountMax: numOrNull(amount.max),
    regions: strings(d.regions),
    sectors: strings(d.sectors),
    legalForms: strings(d.legal_forms),
    minReadiness: str(d.min_readiness),
  };
}

/** GET /finance/records/funder: the funders not deleted, by name. */
export function parseFunderList(v: unknown): FunderTerms[] {
  need(Array.isArray(obj(v).items), 'no list of funders');
  return records(obj(v).items)
    .filter((r) => !r.deleted)
    .map(funderTerms)
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** GET /finance/records/funder/{id}: one funder's terms. */
export function parseFunderRecord(v: unknown): FunderTerms {
  const record = parseRecord(v);
  if (record?.kind !== 'funder') throw new Error('unexpected answer from the server: no funder');
  return funderTerms(record);
}

function parseScores(v: unknown): ReadinessScore[] {
  return arr(v).map((x) => {
    const s = obj(x);
    return {
      dimension: str(s.dimension),
      label: str(s.label) || str(s.dimension),
      score: num(s.score),
      meaning: str(s.meaning),
    };
  });
}

function parseStep(v: unknown): ReadinessStep {
  const s = obj(v);
  return { id: str(s.id), label: str(s.label) || str(s.id), meaning: str(s.meaning) };
}

export function parseReadiness(v: unknown): Readiness | null {
  if (!isObject(v) || !isObject(v.latest)) return null;
  const latest = v.latest;
  const change = obj(obj(v.change).total);
  return {
    date: str(latest.date),
    total: num(latest.total),
    maxTotal: num(latest.max_total),
    weakest: strings(latest.weakest),
    scores: parseScores(latest.scores),
    governance: parseScores(latest.governance),
    stage: parseStep(latest.stage),
    pipeline: parseStep(latest.pipeline),
    history: arr(v.history).map((x) => {
      const h = obj(x);
      return {
        date: str(h.date),
        total: num(h.total),
        stage: str(h.stage),
        pipeline: str(h.pipeline),
      };
    }),
    change: numOrNull(change.change),
  };
}

function parsePosition(v: unknown): LoanPosition {
  const p = obj(v);
  return {
    loanId: str(p.loan_id),
    outstandingPrincipal: num(p.outstanding_principal),
    overduePrincipal: num(p.overdue_principal),
    daysInArrears: num(p.days_in_arrears),
    restructured: p.restructured === true,
    writtenOff: p.written_off === true,
    phases: arr(p.phases).map((v) => {
      const phase = obj(v);
      return {
        startsOn: str(phase.starts_on),
        instalments: arr(phase.instalments).map((w) => {
          const i = obj(w);
          return {
            number: num(i.number),
            dueOn: str(i.due_on),
            principal: num(i.principal),
            interest: num(i.interest),
            lateFee: num(i.late_fee),
            paid: num(i.principal_paid) + num(i.interest_paid) + num(i.late_fee_paid),
            overdue: i.overdue === true,
            daysLate: num(i.days_late),
          };
        }),
      };
    }),
  };
}

export function parseSharePlan(v: unknown): SharePlan | null {
  if (!isObject(v)) return null;
  return {
    payouts: arr(v.payouts).map((x) => {
      const p = obj(x);
      return {
        request: str(p.request),
        member: str(p.member),
        amount: num(p.amount),
        paidOn: str(p.paid_on),
      };
    }),
    years: arr(v.years).map((x) => {
      const y = obj(x);
      return {
        year: num(y.year),
        capitalAtStart: num(y.capital_at_start),
        limit: num(y.limit),
        paid: num(y.paid),
      };
    }),
    unpaid: arr(v.unpaid).map((x) => {
      const u = obj(x);
      return { request: str(u.request), member: str(u.member), amount: num(u.amount) };
    }),
  };
}

export function parseOrganisationFinance(v: unknown): OrganisationFinance {
  const o = obj(v);
  need(isObject(o.actor), 'no actor');
  const actor = obj(o.actor);
  return {
    actor: { id: str(actor.id), name: str(actor.name), territory: str(actor.territory) },
    readiness: parseReadiness(o.readiness),
    mechanisms: arr(obj(o.mechanisms).mechanisms).map(parseMechanismFit),
    funders: arr(obj(o.funders).results).map(parseFunderFit),
    applications: records(o.applications).filter((r) => !r.deleted),
    loans: arr(o.loans).map((x) => ({
      record: parseRecord(obj(x).record),
      position: parsePosition(obj(x).position),
    })),
    shareRegister: parseSharePlan(o.share_register),
  };
}

/**
 * The amount a reader typed in currency units ("12 500,50", "12,500.50", "1000") in cents, or null
 * when it is not a non-negative amount. The last "," or "." followed by one or two digits is the
 * decimal separator; other separators, spaces included, group thousands.
 */
export function centsFromInput(text: string): number | null {
  const s = text.replace(/[\s\u00a0\u202f']/g, '');
  if (!/^\d[\d.,]*$/.test(s)) return null;
  const decimal = /[.,](\d{1,2})$/.exec(s);
  const whole = (decimal ? s.slice(0, decimal.index) : s).replace(/[.,]/g, '');
  if (!/^\d+$/.test(whole)) return null;
  const fraction = decimal ? (decimal[1] ?? '').padEnd(2, '0') : '00';
  const cents = Number(whole) * 100 + Number(fraction);
  return Number.isSafeInteger(cents) ? cents : null;
}

/** Cents as a plain amount for an input (1250050 -> "12500.50"). */
export function inputFromCents(cents: number): string {
  return (cents / 100).toFixed(2);
}

/** An amount in currency units in its currency, else as a number with two decimals. */
export function formatMoney(units: number, currency: string, lang: string): string {
  if (/^[A-Z]{3}$/.test(currency)) {
    try {
      return new Intl.NumberFormat(lang, { style: 'currency', currency }).format(units);
    } catch {
      // A code Intl does not know: a plain number below.
    }
  }
  return new Intl.NumberFormat(lang, {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(units);
}

/** Integer cents in their currency. */
export function formatCents(cents: number, currency: string, lang: string): string {
  return formatMoney(cents / 100, currency, lang);
}

/** A fraction (0.125) as a percentage ("12.5%"); with `signed`, "+12.5%" and "-3%". */
export function formatPercent(fraction: number, lang: string, digits = 1, signed = false): string {
  return new Intl.NumberFormat(lang, {
    style: 'percent',
    maximumFractionDigits: digits,
    signDisplay: signed ? 'exceptZero' : 'auto',
  }).format(fraction);
}

/** A number with at most `digits` decimals. */
export function formatDecimal(value: number, lang: string, digits = 2): string {
  return new Intl.NumberFormat(lang, { maximumFractionDigits: digits }).format(value);
}
