// An error of the pages whose API explains refusals in words (the territory report, the suppliers
// for a tender): the API's own message for a 4xx answer, which says what is wrong and how to fix
// it, rather than the generic sentence errorMessage gives for a 404; role="alert".

import { ApiError } from '../api';
import { h } from '../dom';
import type { MessageKey } from '../i18n/i18n';
import { errorDetail } from './error_message';

/** The sentence to show: the API's message when it refused the request, else errorDetail. */
export function refusalDetail(error: unknown): string {
  const refused = error instanceof ApiError && error.status >= 400 && error.status < 500;
  return refused ? error.message : errorDetail(error);
}

export function apiRefusal(
  title: MessageKey,
  error: unknown,
  testId = 'error-message',
): HTMLElement {
  return h(
    'div',
    { className: 'error-message', attrs: { role: 'alert' }, testId },
    h('p', { className: 'error-title', i18n: title }),
    h('p', { className: 'error-detail', text: refusalDetail(error), testId: `${testId}-detail` }),
  );
}
