// A convener enters the paper and in-person results of an open decision (POST .../paper): the
// decision is read first (its input has the method and options), then its ballots are built one
// by one with the panel of #/decide (decide_ballot_entry.ts: the method's ballot form, the
// channel, the college, how many identical ballots) and sent together with a note for the log.
// That panel also offers the "online" channel, which paper results may not use: the option is
// taken out of its channel list here, and the ballots are checked again before they are sent.

import { h } from '../dom';
import { t } from '../i18n/i18n';
import { processApi, type DecisionRow, type DecisionView } from '../processes';
import { apiRefusal } from './api_refusal';
import { BallotEntry } from './decide_ballot_entry';
import { notice } from './form_field';
import { ConvenerForm, field, textInput, type ConvenerHost } from './process_convener_common';

type Obj = Record<string, unknown>;

export const PAPER_CHANNELS = ['paper', 'in_person'] as const;

const isPaper = (b: unknown) =>
  b !== null &&
  typeof b === 'object' &&
  (PAPER_CHANNELS as readonly unknown[]).includes((b as Obj).channel);

/** How many voters the ballots stand for (their counts summed). */
export const ballotCount = (ballots: unknown[]) =>
  ballots.reduce<number>((n, b) => {
    const count = (b as Obj).count;
    return n + (typeof count === 'number' ? count : 1);
  }, 0);

/** The form of one open decision's paper results. */
class PaperForm {
  readonly form: ConvenerForm;
  private readonly entry: BallotEntry;
  private ballots: unknown[] = [];
  private readonly heading = h('p', {
    className: 'process-item-title',
    testId: 'process-paper-decision',
  });
  private readonly already = h('p', { testId: 'process-paper-already' });

  constructor(
    private readonly host: ConvenerHost,
    private readonly decision: DecisionView,
    onCancel: () => void,
  ) {
    this.entry = new BallotEntry((ballots) => this.setBallots(ballots));
    // Paper results are paper or in-person ballots: the panel's "online" channel goes.
    this.entry.element
      .querySelector('[data-testid="decide-entry-channel"] option[value="online"]')
      ?.remove();
    this.entry.update(this.input());
    this.relabel();
    const c = { ballots: this.entry.element, note: textInput('process-paper-note') };
    this.form = new ConvenerForm(
      'process-paper-form',
      'process.paper.title',
      'process.paper.submit',
      c,
      [
        this.heading,
        h('p', { className: 'hint', i18n: 'process.paper.hint' }),
        this.already,
        this.entry.element,
        field('process.paper.note', c.note, 'process.paper.noteHint'),
      ],
      (f) => this.send(f),
      {
        actions: [
          h('button', {
            className: 'secondary',
            i18n: 'process.paper.cancel',
            attrs: { type: 'button' },
            testId: 'process-paper-cancel',
            on: { click: onCancel },
          }),
        ],
      },
    );
  }

  /** The decision's input with the ballots entered so far. */
  private input(): Obj {
    return { ...this.decision.input, ballots: this.ballots };
  }

  private setBallots(ballots: unknown[]): void {
    this.ballots = ballots;
    this.entry.update(this.input());
  }

  private send(f: ConvenerForm): Promise<unknown> | null {
    if (this.ballots.length === 0) return f.refuse('ballots', t('process.paper.none'));
    const wrong = this.ballots.findIndex((b) => !isPaper(b));
    if (wrong >= 0) return f.refuse('ballots', t('process.paper.channel', { n: wrong + 1 }));
    const entered = ballotCount(this.ballots);
    const title = this.decision.title || this.decision.id;
    return processApi
      .paper(this.host.processId, this.decision.id, this.ballots, f.value('note') || undefined)
      .then((view) =>
        this.host.done(t('process.paper.done', { n: entered, title, paper: view.paper })),
      );
  }

  /** The texts the catalogue fills with the decision's title and count. */
  private relabel(): void {
    this.heading.textContent = t('process.paper.decision', {
      title: this.decision.title || this.decision.id,
    });
    this.already.textContent = t('process.paper.already', { n: this.decision.paper });
  }

  onLanguageChange(): void {
    this.relabel();
    this.form.onLanguageChange();
    this.entry.onLanguageChange();
  }
}

/** Opens, on a convener's request, the paper results form of an open decision. */
export class PaperLoader {
  readonly element = h('div', {
    attrs: { id: 'process-paper-area' },
    testId: 'process-paper-area',
  });
  private current: PaperForm | null = null;
  private controller: AbortController | null = null;

  constructor(private readonly host: ConvenerHost) {}

  /** The button of an open decision's row. */
  button(d: DecisionRow): HTMLElement {
    const button = h('button', {
      className: 'secondary',
      i18n: 'process.paper.open',
      attrs: {
        type: 'button',
        'aria-label': t('process.paper.openLabel', { title: d.title || d.id }),
        'aria-controls': 'process-paper-area',
      },
      testId: 'process-paper-open',
    });
    button.addEventListener('click', () => void this.load(d, button));
    return button;
  }

  private async load(d: DecisionRow, button: HTMLButtonElement): Promise<void> {
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    this.current = null;
    this.element.setAttribute('aria-busy', 'true');
    this.element.replaceChildren(
      h('p', { className: 'status', attrs: { role: 'status' }, i18n: 'status.loading' }),
    );
    try {
      const view = await processApi.decision(this.host.processId, d.id, controller.signal);
      if (controller.signal.aborted) return;
      if (view.status === 'closed') {
        this.element.replaceChildren(notice(t('process.paper.closed'), 'process-paper-closed'));
        return;
      }
      this.current = new PaperForm(this.host, view, () => this.cancel(button));
      this.element.replaceChildren(this.current.form.element);
      this.element.querySelector<HTMLElement>('[data-testid="process-paper-form-title"]')?.focus();
    } catch (error) {
      if (controller.signal.aborted) return;
      this.element.replaceChildren(apiRefusal('process.decision.error', error));
    } finally {
      if (!controller.signal.aborted) this.element.removeAttribute('aria-busy');
    }
  }

  private cancel(button: HTMLButtonElement): void {
    this.current = null;
    this.element.replaceChildren();
    button.focus();
  }

  onLanguageChange(): void {
    this.current?.onLanguageChange();
  }
}
