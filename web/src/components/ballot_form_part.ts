// What the ballot form (ballot_form.ts) and each method's part of it share: the decision a voter
// is asked, the ballot in the tally's JSON form, and the contract of a part.

import type { Method } from '../decide';

export interface BallotOption {
  id: string;
  name?: string;
  /** Budgeting: what the project costs. */
  cost?: number;
}

/** What a voter is asked: the method and its options, with the limits the method has. */
export interface BallotDecision {
  method: Method;
  options: BallotOption[];
  /** Score: the highest score (the engine's default is 5). */
  score_max?: number;
  /** Dot vote: the dots each voter has (0 or none: no limit). */
  dots?: number;
  /** Budgeting: the budget the costs are compared with. */
  budget?: number;
  /**
   * A secret ballot (true), an open one (false); none when ballots cast elsewhere (on paper, in
   * person) are entered by whoever counts them.
   */
  secret?: boolean;
}

export type Ballot =
  | { choice: string }
  | { approve: string[] }
  | { scores: Record<string, number> }
  | { ranking: string[] };

/** What a part gives on casting: a ballot, or what to fix and the control to show it under. */
export type Read = { ballot: Ballot } | { error: string; control: HTMLElement };

export interface PartContext {
  decision: BallotDecision;
  /** A control's id, unique in the document: `id("score-1")`. */
  id: (suffix: string) => string;
}

/** One method's controls. */
export interface BallotPart {
  readonly element: HTMLElement;
  read(): Read;
  /** Back to an empty ballot. */
  reset(): void;
  /** Re-writes the texts with numbers or names in them (translateTree does the rest). */
  relabel(): void;
}

/** An option as the voter reads it: its name, else its id. */
export function optionName(o: BallotOption): string {
  return o.name?.trim() ? o.name : o.id;
}
