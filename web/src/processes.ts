// Participatory processes (docs/participation.md, "Processes" and "Verifiable records"): the
// calls of /api/v1/processes and the reading of their answers. A process is public: anyone reads
// it, its log and its verification; writing needs a signed-in caller (conveners run it,
// participants write and vote as themselves), and every refusal is an ApiError whose message says
// what to fix. The reader is tolerant: a missing key is empty, never an error.

import { API_BASE, requestJson } from './api';
import { parseTallyResult, type TallyResult } from './decide';

export const PROCESSES_URL = `${API_BASE}/processes`;

export const PHASE_KINDS = [
  'diagnosis',
  'proposals',
  'deliberation',
  'decision',
  'accountability',
  'other',
] as const;
export const ANSWERS = ['pending', 'accepted', 'partially_accepted', 'rejected'] as const;
export type Answer = (typeof ANSWERS)[number];
export const RESULT_STATUSES = ['planned', 'in_progress', 'done', 'abandoned'] as const;
export type ItemKind = 'proposal' | 'amendment' | 'comment' | 'response' | 'result';

type Obj = Record<string, unknown>;

export const obj = (v: unknown): Obj =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {};
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
const strs = (v: unknown): string[] => arr(v).filter((x): x is string => typeof x === 'string');

export interface Phase {
  id: string;
  kind: string;
  title: string;
  start: string;
  end: string;
}

export interface Participant {
  id: string;
  kind: 'person' | 'organisation';
  name: string;
  account: string;
  actorId: string;
  delegate: string;
  mandate: string;
  college: string;
  votes: number | null;
}

export interface ProcessSummary {
  id: string;
  title: string;
  phase: Phase | null;
  participants: number;
  organisations: number;
  proposals: number;
  decisions: number;
  version: number;
}

export interface InstitutionalResponse {
  id: string;
  proposal: string;
  by: string;
  answer: string;
  deadline: string;
  justification: string;
  answeredAt: string;
  overdue: boolean;
}

export interface ProposalRow {
  id: string;
  title: string;
  author: string;
  amendments: number;
  comments: number;
  response: InstitutionalResponse | null;
}

export interface DecisionRow {
  id: string;
  title: string;
  method: string;
  secret: boolean;
  status: 'open' | 'closed';
  voted: number;
  roll: number;
  result: TallyResult | null;
}

export interface Sortition {
  id: string;
  seed: string;
  witnesses: string[];
  seats: number;
  selected: string[];
  seq: number;
}

export interface AccountabilityResult {
  id: string;
  title: string;
  proposals: string[];
  status: string;
  progress: number | null;
  description: string;
}

export interface ProcessDoc {
  id: string;
  title: string;
  description: string;
  organisations: string[];
  phases: Phase[];
  currentPhase: string;
  participants: Participant[];
  conveners: string[];
}

export interface ProcessView {
  process: ProcessDoc;
  version: number;
  phase: Phase | null;
  proposals: ProposalRow[];
  decisions: DecisionRow[];
  sortitions: Sortition[];
  results: AccountabilityResult[];
  log: { entries: number; headHash: string };
}

export interface Amendment {
  id: string;
  text: string;
  author: string;
  version: number;
  at: string;
}

export interface Comment {
  id: string;
  on: string;
  text: string;
  author: string;
  at: string;
}

export interface ProposalView {
  proposal: { id: string; title: string; body: string; author: string };
  version: number;
  amendments: Amendment[];
  comments: Comment[];
  responses: InstitutionalResponse[];
  results: AccountabilityResult[];
}

export interface Me {
  participants: string[];
  convener: boolean;
}

export interface DecisionView {
  id: string;
  title: string;
  secret: boolean;
  proposal: string;
  /** The tally input, without ballots (method, options, quorum...). */
  input: Obj;
  rollIds: string[];
  status: 'open' | 'closed';
  roll: number;
  voted: number;
  paper: number;
  result: TallyResult | null;
  merkleRoot: string;
  closedSeq: number | null;
  /** Which of the caller's participants have voted. */
  mine: Record<string, boolean>;
}

export interface Receipt {
  process: string;
  decision: string;
  voter: string;
  commitment: string;
  secret: boolean;
  seq: number;
}

export interface ReceiptCheck {
  commitment: string;
  included: boolean;
  closed: boolean;
  index: number | null;
  treeSize: number | null;
  merkleRoot: string;
  closedSeq: number | null;
}

/** The answer of a draw by lot (POST .../sortitions): who was selected, from which pool. */
export interface DrawResult {
  id: string;
  seed: string;
  witnesses: string[];
  seats: number;
  selected: string[];
  poolSha256: string;
}

export interface VerifyReport {
  ok: boolean;
  entries: number;
  headHash: string;
  decisionsClosed: number;
  sortitions: number;
  records: number;
  problems: { seq: number; kind: string; message: string }[];
}

export function parsePhase(raw: unknown): Phase {
  const p = obj(raw);
  return {
    id: str(p.id),
    kind: str(p.kind),
    title: str(p.title),
    start: str(p.start),
    end: str(p.end),
  };
}

function parseParticipant(raw: unknown): Participant {
  const p = obj(raw);
  return {
    id: str(p.id),
    kind: p.kind === 'organisation' ? 'organisation' : 'person',
    name: str(p.name),
    account: str(p.account),
    actorId: str(p.actor_id),
    delegate: str(p.delegate),
    mandate: str(p.mandate),
    college: str(p.college),
    votes: typeof p.votes === 'number' ? p.votes : null,
  };
}

export function parseResponse(raw: unknown): InstitutionalResponse {
  const r = obj(raw);
  return {
    id: str(r.id),
    proposal: str(r.proposal),
    by: str(r.by),
    answer: str(r.answer),
    deadline: str(r.deadline),
    justification: str(r.justification),
    answeredAt: str(r.answered_at),
    overdue: r.overdue === true,
  };
}

function parseAccountabilityResult(raw: unknown): AccountabilityResult {
  const r = obj(raw);
  return {
    id: str(r.id),
    title: str(r.title),
    proposals: strs(r.proposals),
    status: str(r.status),
    progress: typeof r.progress === 'number' ? r.progress : null,
    description: str(r.description),
  };
}

const tallyOrNull = (v: unknown) => (v && typeof v === 'object' ? parseTallyResult(v) : null);

export function parseSummary(raw: unknown): ProcessSummary {
  const p = obj(raw);
  return {
    id: str(p.id),
    title: str(p.title),
    phase: p.phase && typeof p.phase === 'object' ? parsePhase(p.phase) : null,
    participants: num(p.participants),
    organisations: Array.isArray(p.organisations) ? p.organisations.length : num(p.organisations),
    proposals: num(p.proposals),
    decisions: num(p.decisions),
    version: num(p.version),
  };
}

export function parseProcessDoc(raw: unknown): ProcessDoc {
  const d = obj(raw);
  return {
    id: str(d.id),
    title: str(d.title),
    description: str(d.description),
    organisations: strs(d.organisations),
    phases: arr(d.phases).map(parsePhase),
    currentPhase: str(d.current_phase),
    participants: arr(d.participants).map(parseParticipant),
    conveners: strs(d.conveners),
  };
}

export function parseProcessView(raw: unknown): ProcessView {
  const v = obj(raw);
  const log = obj(v.log);
  return {
    process: parseProcessDoc(v.process),
    version: num(v.version),
    phase: v.phase && typeof v.phase === 'object' ? parsePhase(v.phase) : null,
    proposals: arr(v.proposals).map((x) => {
      const p = obj(x);
      return {
        id: str(p.id),
        title: str(p.title),
        author: str(p.author),
        amendments: num(p.amendments),
        comments: num(p.comments),
        response: p.response && typeof p.response === 'object' ? parseResponse(p.response) : null,
      };
    }),
    decisions: arr(v.decisions).map((x) => {
      const d = obj(x);
      return {
        id: str(d.id),
        title: str(d.title),
        method: str(d.method),
        secret: d.secret !== false,
        status: d.status === 'closed' ? 'closed' : 'open',
        voted: num(d.voted),
        roll: num(d.roll),
        result: tallyOrNull(d.result),
      };
    }),
    sortitions: arr(v.sortitions).map((x) => {
      const s = obj(x);
      return {
        id: str(s.id),
        seed: str(s.seed),
        witnesses: strs(s.witnesses),
        seats: num(s.seats),
        selected: strs(s.selected),
        seq: num(s.seq),
      };
    }),
    results: arr(v.results).map(parseAccountabilityResult),
    log: { entries: num(log.entries), headHash: str(log.head_hash) },
  };
}

export function parseProposalView(raw: unknown): ProposalView {
  const v = obj(raw);
  const p = obj(v.proposal);
  return {
    proposal: { id: str(p.id), title: str(p.title), body: str(p.body), author: str(p.author) },
    version: num(v.version),
    amendments: arr(v.amendments).map((x) => {
      const a = obj(x);
      return {
        id: str(a.id),
        text: str(a.text),
        author: str(a.author),
        version: num(a.version),
        at: str(a.at),
      };
    }),
    comments: arr(v.comments).map((x) => {
      const c = obj(x);
      return {
        id: str(c.id),
        on: str(c.on),
        text: str(c.text),
        author: str(c.author),
        at: str(c.at),
      };
    }),
    responses: arr(v.responses).map(parseResponse),
    results: arr(v.results).map(parseAccountabilityResult),
  };
}

export function parseDecisionView(raw: unknown): DecisionView {
  const v = obj(raw);
  const d = obj(v.decision);
  const mine: Record<string, boolean> = {};
  for (const [id, voted] of Object.entries(obj(v.mine))) mine[id] = voted === true;
  return {
    id: str(d.id),
    title: str(d.title),
    secret: d.secret !== false,
    proposal: str(d.proposal),
    input: obj(d.input),
    rollIds: strs(d.roll),
    status: v.status === 'closed' ? 'closed' : 'open',
    roll: num(v.roll),
    voted: num(v.voted),
    paper: num(v.paper),
    result: tallyOrNull(v.result),
    merkleRoot: str(v.merkle_root),
    closedSeq: typeof v.closed_seq === 'number' ? v.closed_seq : null,
    mine,
  };
}

export function parseReceipt(raw: unknown): Receipt {
  const r = obj(raw);
  return {
    process: str(r.process),
    decision: str(r.decision),
    voter: str(r.voter),
    commitment: str(r.commitment),
    secret: r.secret !== false,
    seq: num(r.seq),
  };
}

export function parseReceiptCheck(raw: unknown): ReceiptCheck {
  const r = obj(raw);
  return {
    commitment: str(r.commitment),
    included: r.included === true,
    closed: r.closed === true,
    index: typeof r.index === 'number' ? r.index : null,
    treeSize: typeof r.tree_size === 'number' ? r.tree_size : null,
    merkleRoot: str(r.merkle_root),
    closedSeq: typeof r.closed_seq === 'number' ? r.closed_seq : null,
  };
}

export function parseDrawResult(raw: unknown): DrawResult {
  const r = obj(raw);
  return {
    id: str(r.id),
    seed: str(r.seed),
    witnesses: strs(r.witnesses),
    seats: num(r.seats),
    selected: strs(r.selected),
    poolSha256: str(r.pool_sha256),
  };
}

export function parseVerifyReport(raw: unknown): VerifyReport {
  const r = obj(raw);
  return {
    ok: r.ok === true,
    entries: num(r.entries),
    headHash: str(r.head_hash),
    decisionsClosed: num(r.decisions_closed),
    sortitions: num(r.sortitions),
    records: num(r.records),
    problems: arr(r.problems).map((x) => {
      const p = obj(x);
      return { seq: num(p.seq), kind: str(p.kind), message: str(p.message) };
    }),
  };
}

export function processUrl(id: string): string {
  return `${PROCESSES_URL}/${encodeURIComponent(id)}`;
}

export function decisionUrl(process: string, decision: string): string {
  return `${processUrl(process)}/decisions/${encodeURIComponent(decision)}`;
}

const get = (url: string, signal?: AbortSignal) => requestJson<unknown>('GET', url, { signal });
const post = (url: string, body?: unknown) => requestJson<unknown>('POST', url, { body });

export const processApi = {
  list: async (signal?: AbortSignal): Promise<ProcessSummary[]> =>
    arr(obj(await get(PROCESSES_URL, signal)).items).map(parseSummary),
  /** Creates a process (stewards and admins); answers its id. */
  create: async (doc: unknown): Promise<string> =>
    parseProcessDoc(obj(await post(PROCESSES_URL, doc)).process).id,
  get: async (id: string, signal?: AbortSignal): Promise<ProcessView> =>
    parseProcessView(await get(processUrl(id), signal)),
  me: async (id: string, signal?: AbortSignal): Promise<Me> => {
    const m = obj(await get(`${processUrl(id)}/participants/me`, signal));
    return { participants: strs(m.participants), convener: m.convener === true };
  },
  setPhase: (id: string, phase: string) => post(`${processUrl(id)}/phase`, { phase }),
  /** A new item; rejects with 400 naming the field, 403, or 409 naming the phase needed. */
  addItem: (id: string, kind: ItemKind, doc: Obj) =>
    post(`${processUrl(id)}/items/${encodeURIComponent(kind)}`, doc),
  proposal: async (id: string, proposal: string, signal?: AbortSignal): Promise<ProposalView> =>
    parseProposalView(
      await get(`${processUrl(id)}/proposals/${encodeURIComponent(proposal)}`, signal),
    ),
  decision: async (id: string, decision: string, signal?: AbortSignal): Promise<DecisionView> =>
    parseDecisionView(await get(decisionUrl(id, decision), signal)),
  /** Casts a ballot (as `as` when the caller takes part as several); answers the receipt. */
  cast: async (id: string, decision: string, ballot: unknown, as?: string): Promise<Receipt> =>
    parseReceipt(
      await post(`${decisionUrl(id, decision)}/ballots`, as ? { ballot, as } : { ballot }),
    ),
  /**
   * Opens a decision (conveners, during a "decision" phase); answers its state. Rejects with 400
   * naming the key ("decision.input: ..."), 403, or 409 naming the phase needed.
   */
  openDecision: async (id: string, doc: Obj): Promise<DecisionView> =>
    parseDecisionView(await post(`${processUrl(id)}/decisions`, doc)),
  /** Adds paper and in-person ballots to an open decision (conveners); answers its state. */
  paper: async (
    id: string,
    decision: string,
    ballots: unknown[],
    note?: string,
  ): Promise<DecisionView> =>
    parseDecisionView(
      await post(`${decisionUrl(id, decision)}/paper`, note ? { ballots, note } : { ballots }),
    ),
  /** Draws by lot (conveners); a draw id is drawn once (409 after). Answers the draw. */
  draw: async (id: string, doc: Obj): Promise<DrawResult> =>
    parseDrawResult(await post(`${processUrl(id)}/sortitions`, doc)),
  close: async (id: string, decision: string): Promise<DecisionView> =>
    parseDecisionView(await post(`${decisionUrl(id, decision)}/close`)),
  receipt: async (id: string, decision: string, commitment: string): Promise<ReceiptCheck> =>
    parseReceiptCheck(
      await get(`${decisionUrl(id, decision)}/receipts/${encodeURIComponent(commitment)}`),
    ),
  verify: async (id: string, signal?: AbortSignal): Promise<VerifyReport> =>
    parseVerifyReport(await get(`${processUrl(id)}/verify`, signal)),
};
