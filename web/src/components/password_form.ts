// Change one's own password. The server ends every session of the account on success, so the form
// then hands over to `done` (the account page sends the user to sign in again).

import { accountApi } from '../api';
import { h } from '../dom';
import { t } from '../i18n/i18n';
import { errorDetail } from './error_message';
import { alertBox, inputField, whileBusy } from './form_field';

export function passwordForm(done: () => void): HTMLFormElement {
  const current = inputField({
    id: 'password-current',
    label: 'password.current',
    type: 'password',
    required: true,
    autocomplete: 'current-password',
  });
  const fresh = inputField({
    id: 'password-new',
    label: 'password.new',
    type: 'password',
    required: true,
    autocomplete: 'new-password',
    attrs: { minlength: 12 },
    hint: 'password.rules',
  });
  const again = inputField({
    id: 'password-again',
    label: 'password.again',
    type: 'password',
    required: true,
    autocomplete: 'new-password',
  });
  const messages = h('div', { className: 'form-messages' });
  const form = h(
    'form',
    { className: 'stacked-form', testId: 'password-form' },
    current.field,
    fresh.field,
    again.field,
    messages,
    h('button', { i18n: 'password.submit', attrs: { type: 'submit' } }),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    messages.replaceChildren();
    if (fresh.input.value !== again.input.value) {
      messages.append(alertBox(t('password.mismatch')));
      again.input.focus();
      return;
    }
    void whileBusy(form, async () => {
      try {
        await accountApi.changePassword(current.input.value, fresh.input.value);
        done();
      } catch (error) {
        messages.append(alertBox(errorDetail(error)));
      }
    });
  });
  return form;
}
