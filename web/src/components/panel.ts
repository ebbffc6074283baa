// A titled box of the account and administration pages.

import { h } from '../dom';
import type { MessageKey } from '../i18n/i18n';

export function panel(
  titleKey: MessageKey,
  testId: string,
  ...content: (Node | null)[]
): HTMLElement {
  const id = `${testId}-title`;
  return h(
    'section',
    { className: 'panel', attrs: { 'aria-labelledby': id }, testId },
    h('h2', { i18n: titleKey, attrs: { id } }),
    ...content,
  );
}
