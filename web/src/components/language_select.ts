// The labelled language switch of the header.

import { h, option } from '../dom';
import { getLang, isLang, LANGUAGE_NAMES, LANGUAGES, setLang } from '../i18n/i18n';

export function languageSelect(): HTMLElement {
  const select = h('select', {
    attrs: { id: 'language-select', name: 'lang' },
    testId: 'language-select',
    on: {
      change: () => {
        if (isLang(select.value) && select.value !== getLang()) setLang(select.value);
      },
    },
  });
  for (const lang of LANGUAGES) {
    const item = option(lang, { text: LANGUAGE_NAMES[lang] });
    item.lang = lang;
    select.append(item);
  }
  select.value = getLang();
  return h(
    'div',
    { className: 'language-switch' },
    h('label', { i18n: 'language.label', attrs: { for: 'language-select' } }),
    select,
  );
}
