// A ballot for each voting method, in the tally's JSON form (docs/participation-choices.md):
// consent and single choice {"choice": id}, approval and budgeting {"approve": [ids]}, score and
// dot vote {"scores": {id: n}}, the ranked methods {"ranking": [ids]}. Every control is a labelled
// native control or a button, so the whole ballot is usable with the keyboard; the ranking is
// built with buttons (add, move up, move down, remove), each change announced. Before the cast
// button the form says what is secret. What it refuses (a score out of range, too many dots, no
// answer) is shown under the control and nothing is cast; a consent block asks to be confirmed.
// The methods' parts are in ballot_form_inputs.ts and ballot_form_ranked.ts.

import { BUDGETING } from '../decide';
import { h } from '../dom';
import { translateTree, type MessageKey } from '../i18n/i18n';
import { approvalPart, choicePart, dotsPart, scoresPart } from './ballot_form_inputs';
import type { Ballot, BallotDecision, BallotPart, PartContext } from './ballot_form_part';
import { rankingPart } from './ballot_form_ranked';
import { clearFieldErrors, markFieldError } from './form_field';

export type { Ballot, BallotDecision, BallotOption } from './ballot_form_part';
export { optionName } from './ballot_form_part';

export interface BallotFormOptions {
  /** Prefix of the controls' ids, unique in the document ("ballot" when none). */
  idPrefix?: string;
  /**
   * A fieldset inside another form (Enter in a field casts, never submits the outer form) rather
   * than a form of its own.
   */
  embedded?: boolean;
  /** The cast button's label ("Cast my ballot" when none). */
  castLabel?: MessageKey;
}

function partFor(ctx: PartContext): BallotPart {
  const m = ctx.decision.method;
  if (m === 'consent' || m === 'single_choice') return choicePart(ctx);
  if (m === 'approval' || BUDGETING.includes(m)) return approvalPart(ctx);
  if (m === 'score') return scoresPart(ctx);
  if (m === 'dot_vote') return dotsPart(ctx);
  // What is left ranks: borda, instant_runoff, schulze, stv.
  return rankingPart(ctx);
}

const SECRECY: Record<'yes' | 'no' | 'counting', MessageKey> = {
  yes: 'ballot.secret.yes',
  no: 'ballot.secret.no',
  counting: 'ballot.secret.counting',
};

export class BallotForm {
  readonly element: HTMLFormElement | HTMLFieldSetElement;
  private readonly part: BallotPart;
  private readonly castButton: HTMLButtonElement;
  private readonly confirmBox: HTMLElement;
  /** Embedded forms enter ballot after ballot: the focus goes back to the first control. */
  private readonly refocus: boolean;

  constructor(
    readonly decision: BallotDecision,
    private readonly onCast: (ballot: Ballot) => unknown,
    options: BallotFormOptions = {},
  ) {
    const prefix = options.idPrefix ?? 'ballot';
    this.refocus = options.embedded === true;
    this.part = partFor({ decision, id: (s) => `${prefix}-${s}` });
    const secrecy = decision.secret === undefined ? 'counting' : decision.secret ? 'yes' : 'no';
    const notice = h('p', {
      className: 'notice ballot-secrecy',
      i18n: SECRECY[secrecy],
      attrs: { id: `${prefix}-secrecy` },
      testId: 'ballot-secrecy',
    });
    notice.dataset.secrecy = secrecy;
    this.castButton = h('button', {
      i18n: options.castLabel ?? 'ballot.cast',
      attrs: { type: options.embedded ? 'button' : 'submit', 'aria-describedby': notice.id },
      testId: 'ballot-cast',
      on: options.embedded ? { click: () => this.cast() } : {},
    });
    this.confirmBox = this.blockConfirmation(prefix);
    const children = [
      this.part.element,
      notice,
      this.confirmBox,
      h('div', { className: 'form-actions' }, this.castButton),
    ];
    this.element = options.embedded ? this.fieldset(children) : this.form(children);
    this.element.classList.add('ballot-form');
    this.element.dataset.method = decision.method;
    this.part.element.addEventListener('change', () => this.hideConfirmation());
  }

  private form(children: HTMLElement[]): HTMLFormElement {
    const form = h(
      'form',
      {
        i18nAttrs: { 'aria-label': 'ballot.label' },
        attrs: { novalidate: true },
        testId: 'ballot-form',
      },
      ...children,
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.cast();
    });
    return form;
  }

  /** Inside another form: Enter in a text or number field casts instead of submitting it. */
  private fieldset(children: HTMLElement[]): HTMLFieldSetElement {
    const set = h(
      'fieldset',
      { testId: 'ballot-form' },
      h('legend', { i18n: 'ballot.label' }),
      ...children,
    );
    set.addEventListener('keydown', (event) => {
      const target = event.target;
      if (event.key !== 'Enter' || !(target instanceof HTMLInputElement)) return;
      if (target.type === 'checkbox' || target.type === 'radio') return;
      event.preventDefault();
      this.cast();
    });
    return set;
  }

  private blockConfirmation(prefix: string): HTMLElement {
    const text = h('p', {
      i18n: 'ballot.block.confirm',
      attrs: { id: `${prefix}-block-text` },
    });
    const box = h(
      'div',
      {
        className: 'alert ballot-confirm',
        attrs: { role: 'alertdialog', 'aria-labelledby': text.id, tabindex: -1 },
        testId: 'ballot-block-confirm',
      },
      text,
      h(
        'div',
        { className: 'form-actions' },
        h('button', {
          i18n: 'ballot.block.yes',
          attrs: { type: 'button' },
          testId: 'ballot-block-yes',
          on: { click: () => this.cast(true) },
        }),
        h('button', {
          className: 'secondary',
          i18n: 'ballot.block.no',
          attrs: { type: 'button' },
          testId: 'ballot-block-no',
          on: { click: () => this.backFromBlock() },
        }),
      ),
    );
    box.hidden = true;
    return box;
  }

  private hideConfirmation(): void {
    this.confirmBox.hidden = true;
  }

  private backFromBlock(): void {
    this.hideConfirmation();
    this.part.element.querySelector<HTMLInputElement>('input:checked')?.focus();
  }

  /**
   * Reads the ballot and gives it to onCast, then empties the form for the next one (unless
   * onCast returns false: the caller refused it and said why); shows what to fix instead. A
   * consent block is cast only once `confirmed`.
   */
  cast(confirmed = false): void {
    clearFieldErrors(this.element);
    const read = this.part.read();
    if ('error' in read) {
      markFieldError(read.control, read.error);
      const control = read.control;
      const first = control.matches('input, button')
        ? control
        : control.querySelector<HTMLElement>('input, button:not([disabled])');
      (first ?? control).focus();
      return;
    }
    const ballot = read.ballot;
    if (this.decision.method === 'consent' && 'choice' in ballot && ballot.choice === 'block') {
      if (!confirmed) {
        this.confirmBox.hidden = false;
        this.confirmBox.focus();
        return;
      }
    }
    this.hideConfirmation();
    if (this.onCast(ballot) === false) return;
    this.reset();
    if (this.refocus) this.focus();
  }

  /** Empties the form (no answer, no score, an empty ranking). */
  reset(): void {
    clearFieldErrors(this.element);
    this.hideConfirmation();
    this.part.reset();
  }

  /** Puts the focus on the ballot's first control. */
  focus(): void {
    this.part.element.querySelector<HTMLElement>('input, button:not([disabled])')?.focus();
  }

  onLanguageChange(): void {
    translateTree(this.element);
    this.part.relabel();
  }
}

/** The ballot form of `decision`; `onCast` gets each ballot in the tally's JSON form. */
export function renderBallotForm(
  decision: BallotDecision,
  onCast: (ballot: Ballot) => unknown,
  options: BallotFormOptions = {},
): BallotForm {
  return new BallotForm(decision, onCast, options);
}
