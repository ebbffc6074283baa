// Worked examples for the tally form, one per method, each the engine's JSON input. Most come
// from the engine's tests (src/participation/*_test.cc), so the page shows results that are
// checked there: Schulze's 45 voters where E wins, the SCIC yes/no with colleges weighing
// 50/40/10 (57.5% yes), the 6-against-4 budget where equal shares funds the minority's project.

import type { Method } from './decide';
import type { MessageKey } from './i18n/i18n';

type Input = Record<string, unknown>;

export interface Example {
  /** The button's label. */
  label: MessageKey;
  input: Input;
}

const ranking = (count: number, order: string) => ({ ranking: order.split(''), count });

/** Schulze's paper and the method's usual example: 45 voters, 5 candidates, E wins. */
const SCHULZE: Input = {
  method: 'schulze',
  options: ['A', 'B', 'C', 'D', 'E'],
  quorum: { min_ballots: 45 },
  ballots: [
    ranking(5, 'ACBED'),
    ranking(5, 'ADECB'),
    ranking(8, 'BEDAC'),
    ranking(3, 'CABED'),
    ranking(7, 'CAEBD'),
    ranking(2, 'CBADE'),
    ranking(7, 'DCEBA'),
    ranking(8, 'EBADC'),
  ],
};

/**
 * A SCIC votes yes or no with its colleges weighing 50/40/10 (docs/participation-choices.md):
 * 0.5 x 3/4 + 0.4 x 1/4 + 0.1 x 1 = 57.5% yes, abstentions excluded; paper ballots merged.
 */
const SCIC: Input = {
  method: 'single_choice',
  options: ['yes', 'no'],
  preset: 'fr_scic',
  colleges: [
    { name: 'workers', weight: 0.5 },
    { name: 'users', weight: 0.4 },
    { name: 'supporters', weight: 0.1 },
  ],
  quorum: { min_ballots: 20 },
  threshold: { share: 0.5, strictly_more: true },
  ballots: [
    { choice: 'yes', college: 'workers', count: 3 },
    { choice: 'no', college: 'workers' },
    { choice: 'yes', college: 'users' },
    { choice: 'no', college: 'users', count: 3 },
    { choice: 'abstain', college: 'users', count: 4 },
    { choice: 'yes', college: 'supporters', count: 10, channel: 'paper' },
  ],
};

/** 6 voters want the playground and the bike racks, 4 the garden; budget 100. */
function budget(method: Method): Input {
  return {
    method,
    budget: 100,
    options: [
      { id: 'X', name: 'Playground', cost: 60 },
      { id: 'Y', name: 'Bike racks', cost: 30 },
      { id: 'Z', name: 'Community garden', cost: 40 },
    ],
    ballots: [
      { approve: ['X', 'Y'], count: 6 },
      { approve: ['Z'], count: 4 },
    ],
  };
}

export const EXAMPLES: Record<Method, Example> = {
  consent: {
    label: 'decide.example.consent',
    input: {
      method: 'consent',
      options: [{ id: 'move', name: 'Move to the new premises' }],
      quorum: { min_ballots: 15 },
      ballots: [
        { choice: 'agree', count: 12 },
        { choice: 'disagree', count: 3 },
        { choice: 'abstain', count: 2, channel: 'in_person' },
      ],
    },
  },
  single_choice: { label: 'decide.example.single_choice', input: SCIC },
  approval: {
    label: 'decide.example.approval',
    input: {
      method: 'approval',
      options: ['library', 'kitchen', 'garden', 'workshop'],
      seats: 2,
      ballots: [
        { approve: ['library', 'garden'], count: 4 },
        { approve: ['kitchen'], count: 3 },
        { approve: ['garden', 'workshop'], count: 2 },
        { approve: ['library', 'kitchen', 'garden'], count: 1, channel: 'paper' },
      ],
    },
  },
  score: {
    label: 'decide.example.score',
    input: {
      method: 'score',
      options: ['north', 'centre', 'south'],
      score_max: 5,
      ballots: [
        { scores: { north: 5, centre: 3, south: 0 }, count: 4 },
        { scores: { north: 1, centre: 4, south: 5 }, count: 3 },
        { scores: { north: 2, centre: 5, south: 2 }, count: 3 },
      ],
    },
  },
  dot_vote: {
    label: 'decide.example.dot_vote',
    input: {
      method: 'dot_vote',
      options: ['training', 'website', 'van', 'solar'],
      dots: 5,
      ballots: [
        { scores: { training: 3, solar: 2 }, count: 5 },
        { scores: { van: 5 }, count: 3 },
        { scores: { website: 1, solar: 4 }, count: 2 },
      ],
    },
  },
  borda: {
    label: 'decide.example.borda',
    input: {
      method: 'borda',
      options: ['A', 'B', 'C', 'D'],
      ballots: [ranking(3, 'ABCD'), ranking(2, 'B'), ranking(1, 'CA')],
    },
  },
  instant_runoff: {
    label: 'decide.example.instant_runoff',
    input: {
      method: 'instant_runoff',
      options: ['A', 'B', 'C', 'D'],
      ballots: [
        ranking(8, 'AB'),
        ranking(7, 'BC'),
        ranking(5, 'CB'),
        ranking(3, 'DC'),
        ranking(1, 'D'),
      ],
    },
  },
  schulze: { label: 'decide.example.schulze', input: SCHULZE },
  stv: {
    label: 'decide.example.stv',
    input: {
      method: 'stv',
      seats: 3,
      options: [
        { id: 'ana', name: 'Ana', category: 'worker' },
        { id: 'ben', name: 'Ben', category: 'worker' },
        { id: 'chloe', name: 'Chloé', category: 'worker' },
        { id: 'dev', name: 'Dev', category: 'user' },
        { id: 'eva', name: 'Eva', category: 'user' },
      ],
      reserved: [{ category: 'user', seats: 1 }],
      ballots: [
        { ranking: ['ana', 'ben', 'chloe'], count: 10 },
        { ranking: ['ben', 'ana'], count: 6 },
        { ranking: ['chloe', 'ben'], count: 5 },
        { ranking: ['dev', 'eva'], count: 3 },
        { ranking: ['eva', 'dev'], count: 2 },
      ],
    },
  },
  budget_greedy: { label: 'decide.example.budget_greedy', input: budget('budget_greedy') },
  equal_shares: { label: 'decide.example.equal_shares', input: budget('equal_shares') },
};
