// A readable message for a failed API call, announced to screen readers (role="alert").

import { ApiError } from '../api';
import { h } from '../dom';
import { t } from '../i18n/i18n';

export function errorMessage(error: unknown): HTMLElement {
  return h(
    'div',
    { className: 'error-message', attrs: { role: 'alert' }, testId: 'error-message' },
    h('p', { className: 'error-title', text: t('error.title') }),
    h('p', { className: 'error-detail', text: errorDetail(error) }),
  );
}

/** The sentence under the title: what the server said, or why it could not be asked. */
export function errorDetail(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 0) return t('error.network');
    if (error.code === 'not_found') return t('error.notFound');
    return t('error.server', { message: error.message, code: error.code });
  }
  return t('error.unexpected', { message: error instanceof Error ? error.message : String(error) });
}
