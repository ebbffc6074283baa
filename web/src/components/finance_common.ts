// Small pieces the finance pages share: a titled section, a status badge that says its state in
// words with a symbol (never colour alone), the words for the ILO axes, and a loader that shows
// "Loading…", then the content or the server's refusal.

import { h, type Child } from '../dom';
import { t, tMaybe, type MessageKey } from '../i18n/i18n';
import { apiRefusal } from './api_refusal';

/** A section with its <h2>, labelled by it. */
export function financeSection(
  titleKey: MessageKey,
  testId: string,
  ...content: Child[]
): HTMLElement {
  const id = `${testId}-title`;
  return h(
    'section',
    { className: 'finance-section', attrs: { 'aria-labelledby': id }, testId },
    h('h2', { i18n: titleKey, attrs: { id } }),
    ...content,
  );
}

export type Tone = 'good' | 'partial' | 'bad';
const SYMBOLS: Record<Tone, string> = { good: '✓', partial: '?', bad: '✗' };

/** A state in words, with a symbol and a colour that only repeat it. */
export function badge(tone: Tone, text: string, testId?: string): HTMLElement {
  return h(
    'span',
    { className: `status-badge tone-${tone === 'partial' ? 'unknown' : tone}`, testId },
    h('span', {
      className: 'status-symbol',
      text: SYMBOLS[tone],
      attrs: { 'aria-hidden': 'true' },
    }),
    ' ',
    h('span', { text }),
  );
}

/** A value of an ILO axis in words (internal, public, non_market...), else the value itself. */
export function axisLabel(value: string): string {
  return tMaybe(`finance.axis.${value}`) ?? value;
}

/** A paragraph saying there is nothing to show. */
export function emptyNote(key: MessageKey, testId: string): HTMLElement {
  return h('p', { className: 'finance-empty', i18n: key, testId });
}

/**
 * Runs `load` into `area`: "Loading…" (aria-busy) while it runs, then what `render` makes of the
 * answer, or the server's refusal under `errorTitle`. Nothing happens once `signal` is aborted.
 */
export async function loadInto<T>(
  area: HTMLElement,
  signal: AbortSignal,
  errorTitle: MessageKey,
  load: () => Promise<T>,
  render: (value: T) => Child[],
): Promise<T | null> {
  area.setAttribute('aria-busy', 'true');
  area.replaceChildren(h('p', { className: 'status', text: t('status.loading') }));
  try {
    const value = await load();
    if (signal.aborted) return null;
    area.replaceChildren(...render(value).filter((c): c is Node | string => !!c));
    return value;
  } catch (error) {
    if (signal.aborted) return null;
    area.replaceChildren(apiRefusal(errorTitle, error));
    return null;
  } finally {
    if (!signal.aborted) area.removeAttribute('aria-busy');
  }
}
