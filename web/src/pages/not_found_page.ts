// The page for a hash that matches no route.

import { h } from '../dom';
import { t } from '../i18n/i18n';
import { pageHref } from '../router';
import type { Page } from './page';

export class NotFoundPage implements Page {
  readonly element = h(
    'section',
    { className: 'page not-found-page', testId: 'not-found-page' },
    h('h1', { i18n: 'notFound.title', attrs: { tabindex: -1 } }),
    h('p', { i18n: 'notFound.text' }),
    h('p', {}, h('a', { i18n: 'nav.map', attrs: { href: pageHref('map') } })),
  );

  title(): string {
    return t('notFound.title');
  }

  destroy(): void {}
}
