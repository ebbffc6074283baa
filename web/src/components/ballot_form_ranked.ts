// The ranked ballot (Borda, instant-runoff, Schulze, STV): the options ranked so far, first choice
// first, each with "move up", "move down" and "remove" buttons, and the options not ranked, each
// with an "add" button; no dragging. Each change is announced in a polite live region, and the
// focus stays where the reader was (on the moved option's button, or on the next option to add),
// so that a ranking is built with Tab and Enter alone. A voter need not rank every option.

import { h } from '../dom';
import { t, type MessageKey } from '../i18n/i18n';
import { optionName, type BallotPart, type PartContext, type Read } from './ballot_form_part';

type Action = 'up' | 'down' | 'remove' | 'add';

const LABELS: Record<Action, [MessageKey, MessageKey]> = {
  up: ['ballot.rank.up', 'ballot.rank.upLabel'],
  down: ['ballot.rank.down', 'ballot.rank.downLabel'],
  remove: ['ballot.rank.remove', 'ballot.rank.removeLabel'],
  add: ['ballot.rank.add', 'ballot.rank.addLabel'],
};

export function rankingPart(ctx: PartContext): BallotPart {
  const options = ctx.decision.options;
  const names = new Map(options.map((o) => [o.id, optionName(o)]));
  const name = (id: string) => names.get(id) ?? id;
  let ranking: string[] = [];
  const ranked = h('ol', {
    className: 'ballot-ranking',
    attrs: { id: ctx.id('ranking'), 'aria-labelledby': ctx.id('ranking-title') },
    testId: 'ballot-ranking',
  });
  const unranked = h('ul', {
    className: 'ballot-unranked',
    attrs: { 'aria-labelledby': ctx.id('unranked-title') },
    testId: 'ballot-unranked',
  });
  const empty = h('p', {
    className: 'hint',
    i18n: 'ballot.rank.empty',
    testId: 'ballot-rank-empty',
  });
  const allRanked = h('p', { className: 'hint', i18n: 'ballot.rank.allRanked' });
  const live = h('p', {
    className: 'status',
    attrs: { 'aria-live': 'polite', role: 'status' },
    testId: 'ballot-rank-status',
  });

  function button(action: Action, id: string, disabled = false): HTMLButtonElement {
    const [text, label] = LABELS[action];
    const b = h('button', {
      className: 'secondary small',
      text: t(text),
      attrs: { type: 'button', 'aria-label': t(label, { name: name(id) }), disabled },
      testId: `ballot-rank-${action}`,
      on: { click: () => act(action, id) },
    });
    b.dataset.action = action;
    return b;
  }

  function item(id: string, i: number): HTMLLIElement {
    const li = h(
      'li',
      { className: 'ballot-row', testId: 'ballot-ranked' },
      h('span', { className: 'ballot-rank-name', text: name(id) }),
      button('up', id, i === 0),
      button('down', id, i === ranking.length - 1),
      button('remove', id),
    );
    li.dataset.option = id;
    return li;
  }

  function render(): void {
    ranked.replaceChildren(...ranking.map(item));
    const rest = options.filter((o) => !ranking.includes(o.id));
    unranked.replaceChildren(
      ...rest.map((o) => {
        const li = h(
          'li',
          { className: 'ballot-row', testId: 'ballot-unranked-option' },
          h('span', { className: 'ballot-rank-name', text: name(o.id) }),
          button('add', o.id),
        );
        li.dataset.option = o.id;
        return li;
      }),
    );
    empty.hidden = ranking.length > 0;
    allRanked.hidden = rest.length > 0;
  }

  /** The button of `action` on the option `option` in `list`. */
  function find(list: HTMLElement, option: string, action: Action): HTMLButtonElement | null {
    const li = [...list.children].find(
      (el): el is HTMLElement => el instanceof HTMLElement && el.dataset.option === option,
    );
    return li?.querySelector<HTMLButtonElement>(`[data-action="${action}"]`) ?? null;
  }

  /** Keeps the focus where the reader was: on the moved option, or the next to add or remove. */
  function focusAfter(action: Action, id: string, index: number): void {
    let target: HTMLButtonElement | null;
    if (action === 'up' || action === 'down') {
      target = find(ranked, id, action);
      if (!target || target.disabled) target = find(ranked, id, action === 'up' ? 'down' : 'up');
    } else if (action === 'remove') {
      const next = ranking[index] ?? ranking[index - 1];
      target = next ? find(ranked, next, 'remove') : null;
    } else {
      const adds = [...unranked.querySelectorAll<HTMLButtonElement>('[data-action="add"]')];
      target = adds[index] ?? adds.at(-1) ?? find(ranked, id, 'up');
    }
    const fallback = element.querySelector<HTMLButtonElement>('button:not([disabled])');
    (target && !target.disabled ? target : fallback)?.focus();
  }

  function act(action: Action, id: string): void {
    const at = ranking.indexOf(id);
    let index = at;
    if (action === 'add') {
      index = options.filter((o) => !ranking.includes(o.id)).findIndex((o) => o.id === id);
      ranking = [...ranking, id];
    } else if (action === 'remove') {
      ranking = ranking.filter((x) => x !== id);
    } else {
      const to = action === 'up' ? at - 1 : at + 1;
      if (at < 0 || to < 0 || to >= ranking.length) return;
      const next = [...ranking];
      [next[at], next[to]] = [next[to] ?? id, id];
      ranking = next;
    }
    render();
    announce(action, id);
    focusAfter(action, id, index);
    element.dispatchEvent(new Event('change', { bubbles: true }));
  }

  function announce(action: Action, id: string): void {
    const params = { name: name(id), n: ranking.indexOf(id) + 1, of: ranking.length };
    const key: Record<Action, MessageKey> = {
      up: 'ballot.rank.moved',
      down: 'ballot.rank.moved',
      add: 'ballot.rank.added',
      remove: 'ballot.rank.removed',
    };
    live.textContent = t(key[action], params);
  }

  const element = h(
    'fieldset',
    { className: 'ballot-part', attrs: { id: ctx.id('ranked') }, testId: 'ballot-ranked-part' },
    h('legend', { i18n: 'ballot.rank.legend' }),
    h('p', { className: 'hint', i18n: 'ballot.rank.hint' }),
    h('h4', { i18n: 'ballot.rank.title', attrs: { id: ctx.id('ranking-title') } }),
    empty,
    ranked,
    h('h4', { i18n: 'ballot.rank.unranked', attrs: { id: ctx.id('unranked-title') } }),
    allRanked,
    unranked,
    live,
  );
  render();

  return {
    element,
    read: (): Read =>
      ranking.length > 0
        ? { ballot: { ranking: [...ranking] } }
        : { error: t('ballot.error.rank'), control: element },
    reset: () => {
      ranking = [];
      render();
    },
    relabel: render,
  };
}
