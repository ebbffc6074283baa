// The ballot form's parts made of native controls: radio buttons for consent and single choice,
// check boxes for approval and budgeting (with each cost and the running total against the
// budget, which may be passed: approving more than the budget is allowed, the count funds what
// fits), number fields for scores (whole numbers in 0..score_max) and for dots (whole numbers,
// the dots left shown as they are spent, casting refused above the dots a voter has).

import { BUDGETING } from '../decide';
import { h } from '../dom';
import { getLang, t, type MessageKey } from '../i18n/i18n';
import {
  optionName,
  type BallotOption,
  type BallotPart,
  type PartContext,
  type Read,
} from './ballot_form_part';

/** Texts with numbers or names in them, written now and again on a language change. */
class Texts {
  private readonly items: [HTMLElement, () => string][] = [];

  add<T extends HTMLElement>(el: T, text: () => string): T {
    el.textContent = text();
    this.items.push([el, text]);
    return el;
  }

  relabel(): void {
    for (const [el, text] of this.items) el.textContent = text();
  }
}

const fmt = (n: number) => new Intl.NumberFormat(getLang(), { maximumFractionDigits: 2 }).format(n);

function group(ctx: PartContext, name: string, legend: HTMLElement, ...rest: HTMLElement[]) {
  return h(
    'fieldset',
    { className: 'ballot-part', attrs: { id: ctx.id(name) }, testId: `ballot-${name}` },
    legend,
    ...rest,
  );
}

/** A control and its label on one line, the option's id kept for tests and styling. */
function labelled(control: HTMLInputElement, label: HTMLLabelElement, option: string) {
  const row = h('div', { className: 'ballot-row' }, control, label);
  row.dataset.option = option;
  return row;
}

const ANSWERS: [string, MessageKey][] = [
  ['agree', 'decide.answer.agree'],
  ['abstain', 'decide.answer.abstain'],
  ['disagree', 'decide.answer.disagree'],
  ['block', 'decide.answer.block'],
];

/** Consent (agree, abstain, disagree, block) or one option out of several (or abstain). */
export function choicePart(ctx: PartContext): BallotPart {
  const texts = new Texts();
  const consent = ctx.decision.method === 'consent';
  const options = ctx.decision.options;
  const choices: { value: string; label: () => string }[] = consent
    ? ANSWERS.map(([value, key]) => ({ value, label: () => t(key) }))
    : options.map((o) => ({ value: o.id, label: () => optionName(o) }));
  if (!consent && !options.some((o) => o.id === 'abstain')) {
    choices.push({ value: 'abstain', label: () => t('decide.answer.abstain') });
  }
  const radios = choices.map((c, i) =>
    h('input', {
      attrs: { type: 'radio', name: ctx.id('choice'), id: ctx.id(`choice-${i + 1}`) },
      testId: 'ballot-choice',
    }),
  );
  radios.forEach((r, i) => (r.value = choices[i]?.value ?? ''));
  const proposal = options[0];
  const element = group(
    ctx,
    'choices',
    h('legend', { i18n: consent ? 'ballot.consent.legend' : 'ballot.choice.legend' }),
    ...(consent && proposal
      ? [texts.add(h('p', {}), () => t('ballot.consent.proposal', { name: optionName(proposal) }))]
      : []),
    ...radios.map((r, i) => {
      const label = h('label', { attrs: { for: r.id } });
      return labelled(r, texts.add(label, choices[i]?.label ?? (() => '')), r.value);
    }),
  );
  return {
    element,
    read: (): Read => {
      const checked = radios.find((r) => r.checked);
      return checked
        ? { ballot: { choice: checked.value } }
        : { error: t(consent ? 'ballot.error.answer' : 'ballot.error.choose'), control: element };
    },
    reset: () => radios.forEach((r) => (r.checked = false)),
    relabel: () => texts.relabel(),
  };
}

function costLabel(o: BallotOption): string {
  return o.cost === undefined
    ? optionName(o)
    : t('ballot.budget.option', { name: optionName(o), cost: fmt(o.cost) });
}

/** Approval: any number of options; budgeting shows each cost and the total approved. */
export function approvalPart(ctx: PartContext): BallotPart {
  const texts = new Texts();
  const budgeting = BUDGETING.includes(ctx.decision.method);
  const options = ctx.decision.options;
  const boxes = options.map((o, i) => {
    const box = h('input', {
      attrs: { type: 'checkbox', id: ctx.id(`approve-${i + 1}`) },
      testId: 'ballot-approve',
    });
    box.value = o.id;
    return box;
  });
  const total = h('p', {
    className: 'ballot-total',
    attrs: { 'aria-live': 'polite' },
    testId: 'ballot-budget-total',
  });
  const totalText = () => {
    const sum = options.reduce((s, o, i) => s + (boxes[i]?.checked ? (o.cost ?? 0) : 0), 0);
    const budget = ctx.decision.budget;
    if (budget === undefined) return t('ballot.budget.total', { total: fmt(sum) });
    const key = sum > budget ? 'ballot.budget.over' : 'ballot.budget.within';
    return t(key, { total: fmt(sum), budget: fmt(budget) });
  };
  const element = group(
    ctx,
    'approvals',
    h('legend', { i18n: budgeting ? 'ballot.budget.legend' : 'ballot.approval.legend' }),
    ...boxes.map((b, i) => {
      const o = options[i] ?? { id: b.value };
      const label = h('label', { attrs: { for: b.id } });
      return labelled(
        b,
        texts.add(label, () => costLabel(o)),
        o.id,
      );
    }),
  );
  if (budgeting) {
    element.append(texts.add(total, totalText));
    element.addEventListener('change', () => (total.textContent = totalText()));
  }
  return {
    element,
    read: () => ({ ballot: { approve: boxes.filter((b) => b.checked).map((b) => b.value) } }),
    reset: () => {
      boxes.forEach((b) => (b.checked = false));
      total.textContent = totalText();
    },
    relabel: () => texts.relabel(),
  };
}

function numberInputs(ctx: PartContext, kind: 'score' | 'dots', max: number | undefined) {
  return ctx.decision.options.map((o, i) => {
    const input = h('input', {
      attrs: {
        type: 'number',
        id: ctx.id(`${kind}-${i + 1}`),
        min: 0,
        max,
        step: 1,
        inputmode: 'numeric',
      },
      testId: `ballot-${kind}`,
    });
    input.dataset.option = o.id;
    return input;
  });
}

function numberRows(ctx: PartContext, inputs: HTMLInputElement[]): HTMLElement[] {
  return inputs.map((input, i) => {
    const o = ctx.decision.options[i] ?? { id: input.dataset.option ?? '' };
    const label = h('label', { text: optionName(o), attrs: { for: input.id } });
    const row = h('div', { className: 'field ballot-number' }, label, input);
    row.dataset.option = o.id;
    return row;
  });
}

/** The whole number typed in `input`, null when empty, NaN when it is not one. */
function wholeIn(input: HTMLInputElement): number | null {
  const s = input.value.trim();
  if (s === '') return input.validity.badInput ? Number.NaN : null;
  const n = Number(s);
  return Number.isInteger(n) && n >= 0 ? n : Number.NaN;
}

/** Score: a whole number from 0 to score_max for each option the voter scores. */
export function scoresPart(ctx: PartContext): BallotPart {
  const texts = new Texts();
  const max = ctx.decision.score_max ?? 5;
  const inputs = numberInputs(ctx, 'score', max);
  const element = group(
    ctx,
    'scores',
    texts.add(h('legend', {}), () => t('ballot.score.legend', { max })),
    ...numberRows(ctx, inputs),
  );
  return {
    element,
    read: (): Read => {
      const scores: Record<string, number> = {};
      for (const input of inputs) {
        const n = wholeIn(input);
        if (n === null) continue;
        if (Number.isNaN(n) || n > max) {
          return { error: t('ballot.score.range', { max }), control: input };
        }
        scores[input.dataset.option ?? ''] = n;
      }
      return { ballot: { scores } };
    },
    reset: () => inputs.forEach((i) => (i.value = '')),
    relabel: () => texts.relabel(),
  };
}

/** Dot vote: whole dots over the options, no more than the voter has (0: no limit). */
export function dotsPart(ctx: PartContext): BallotPart {
  const texts = new Texts();
  const dots = ctx.decision.dots ?? 0;
  const inputs = numberInputs(ctx, 'dots', dots > 0 ? dots : undefined);
  const given = () => inputs.reduce((s, i) => s + (wholeIn(i) || 0), 0);
  const left = h('p', {
    className: 'ballot-total',
    attrs: { 'aria-live': 'polite' },
    testId: 'ballot-dots-left',
  });
  const leftText = () => {
    const n = given();
    if (dots <= 0) return t('ballot.dots.given', { n });
    return n > dots
      ? t('ballot.dots.over', { n: n - dots, dots })
      : t('ballot.dots.left', { left: dots - n, dots });
  };
  const element = group(
    ctx,
    'dot-vote',
    texts.add(h('legend', {}), () =>
      dots > 0 ? t('ballot.dots.legend', { dots }) : t('ballot.dots.legendFree'),
    ),
    ...numberRows(ctx, inputs),
    texts.add(left, leftText),
  );
  element.addEventListener('input', () => (left.textContent = leftText()));
  return {
    element,
    read: (): Read => {
      const scores: Record<string, number> = {};
      for (const input of inputs) {
        const n = wholeIn(input);
        if (n === null || n === 0) continue;
        if (Number.isNaN(n)) return { error: t('ballot.dots.whole'), control: input };
        scores[input.dataset.option ?? ''] = n;
      }
      const n = given();
      if (dots > 0 && n > dots) {
        return { error: t('ballot.dots.tooMany', { n, dots }), control: element };
      }
      return { ballot: { scores } };
    },
    reset: () => {
      inputs.forEach((i) => (i.value = ''));
      left.textContent = leftText();
    },
    relabel: () => texts.relabel(),
  };
}
