// Answers of /api/v1/processes as the server writes them (src/participation/service.cc), for the
// pages' tests: the participatory budget of docs/participation.md, in its proposals phase, with
// Ana who is also the delegate of Coop A, a pending response past its deadline, an open and a
// closed decision, a draw by lot and a result.

export const COMMITMENT = 'a'.repeat(64);

export const PROCESS_LIST = {
  items: [
    {
      id: 'budget-2027',
      title: 'Participatory budget 2027',
      phase: { id: 'props', kind: 'proposals', title: 'Proposals' },
      participants: 3,
      organisations: ['coop-a'],
      proposals: 2,
      decisions: 1,
      version: 3,
    },
  ],
};

const PROCESS_DOC = {
  id: 'budget-2027',
  title: 'Participatory budget 2027',
  description: 'How the 2027 budget is spent.',
  organisations: ['coop-a'],
  phases: [
    { id: 'diag', kind: 'diagnosis', start: '2027-01-10', end: '2027-02-10' },
    { id: 'props', kind: 'proposals', title: 'Proposals' },
    { id: 'vote', kind: 'decision' },
  ],
  current_phase: 'props',
  participants: [
    { id: 'ana', kind: 'person', account: 'a@example.org', college: 'workers' },
    { id: 'ben', kind: 'person', account: 'ben@example.org', college: 'users' },
    {
      id: 'coop-a',
      kind: 'organisation',
      actor_id: 'coop-a',
      delegate: 'ana',
      mandate: 'General assembly of 2026-10-01',
      college: 'users',
      votes: 2,
    },
  ],
};

export const CLOSED_RESULT = {
  method: 'single_choice',
  decided: true,
  why_undecided: '',
  winners: ['yes'],
  leading: ['yes'],
  ballots: { cast: 2, by_channel: { online: 2 }, by_college: {}, proxies: 0, represented: 2 },
  quorum: { met: true, conditions: [] },
  totals: { yes: 2, no: 0 },
  shares: { yes: 1, no: 0 },
};

/** GET /processes/budget-2027 in the phase `phase` (its kind follows). */
export function processView(phase = 'props') {
  const kinds: Record<string, string> = { diag: 'diagnosis', props: 'proposals', vote: 'decision' };
  return {
    process: { ...PROCESS_DOC, current_phase: phase },
    version: 3,
    phase: { id: phase, kind: kinds[phase] ?? 'other' },
    proposals: [
      {
        id: 'p1',
        title: 'A community garden',
        author: 'ana',
        amendments: 1,
        comments: 2,
        response: {
          proposal: 'p1',
          by: 'City council',
          answer: 'pending',
          deadline: '2027-03-01',
          overdue: true,
        },
      },
      {
        id: 'p2',
        title: 'Bike racks',
        author: 'ben',
        amendments: 0,
        comments: 0,
        response: null,
      },
    ],
    decisions: [
      {
        id: 'd1',
        title: 'Fund the garden?',
        method: 'single_choice',
        secret: true,
        status: 'open',
        voted: 1,
        roll: 3,
        result: null,
      },
      {
        id: 'd0',
        title: 'Adopt the rules',
        method: 'single_choice',
        secret: false,
        status: 'closed',
        voted: 2,
        roll: 3,
        result: CLOSED_RESULT,
      },
    ],
    sortitions: [
      {
        id: 'panel',
        seed: 'lottery-2027-01-05',
        witnesses: ['Eva', 'Tom'],
        seats: 1,
        selected: ['ben'],
        seq: 4,
      },
    ],
    results: [
      {
        id: 'r1',
        title: 'Garden planted',
        proposals: ['p1'],
        status: 'in_progress',
        progress: 40,
      },
    ],
    log: { entries: 12, head_hash: 'f'.repeat(64) },
  };
}

export const PROPOSAL_VIEW = {
  proposal: {
    id: 'p1',
    title: 'A community garden',
    body: 'Plant it by the school.',
    author: 'ana',
  },
  version: 1,
  amendments: [
    {
      id: 'a1',
      proposal: 'p1',
      text: 'Also a compost bin.',
      author: 'ben',
      version: 1,
      at: '2027-02-12T10:00:00Z',
    },
  ],
  comments: [{ id: 'c1', on: 'p1', text: 'Yes please.', author: 'ben' }],
  responses: [
    {
      id: 'r1',
      proposal: 'p1',
      by: 'City council',
      answer: 'pending',
      deadline: '2027-03-01',
      overdue: true,
      version: 1,
      at: '2027-02-13T10:00:00Z',
    },
  ],
  results: [],
};

/** GET .../decisions/{id}: open or closed, and which of the caller's participants voted. */
export function decisionView(status: 'open' | 'closed', mine: Record<string, boolean>) {
  return {
    decision: {
      id: 'd1',
      title: 'Fund the garden?',
      secret: true,
      input: { method: 'single_choice', options: ['yes', 'no'] },
      roll: ['ana', 'ben', 'coop-a'],
    },
    status,
    roll: 3,
    voted: status === 'open' ? 1 : 2,
    paper: 0,
    ...(status === 'closed'
      ? { result: CLOSED_RESULT, merkle_root: 'b'.repeat(64), closed_seq: 14 }
      : {}),
    mine,
  };
}
