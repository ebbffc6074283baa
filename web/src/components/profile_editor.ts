// An actor's screening profile, for those who may assess it: the fact form (filled with the
// profile as the server has it) and the statutes as pasted text, saved with PUT .../profile.

import { screeningApi, type StatutesText } from '../api';
import { h, option } from '../dom';
import { profileToSave } from '../screening/facts';
import type { ActorProfile, FactSpec, Subject } from '../screening/types';
import { SUBJECTS } from '../screening/types';
import { errorDetail } from './error_message';
import { FactForm } from './fact_form';
import { alertBox, whileBusy } from './form_field';
import { SUBJECT_KEYS } from './framework_picker';

export class ProfileEditor {
  readonly element: HTMLFormElement;
  private readonly form: FactForm;
  private readonly messages = h('div', { className: 'form-messages', testId: 'profile-messages' });
  private readonly subject = h('select', {
    attrs: { id: 'profile-subject' },
    testId: 'profile-subject',
  });
  private readonly statutesName = h('input', {
    attrs: { id: 'profile-statutes-name', type: 'text' },
    testId: 'profile-statutes-name',
  });
  private readonly statutesText = h('textarea', {
    attrs: { id: 'profile-statutes-text', rows: 10 },
    testId: 'profile-statutes-text',
  });

  constructor(
    private readonly loaded: ActorProfile,
    private readonly facts: readonly FactSpec[],
    private readonly onSaved: (saved: ActorProfile) => void,
  ) {
    this.form = new FactForm(facts, 'profile');
    for (const s of SUBJECTS) this.subject.append(option(s, { i18n: SUBJECT_KEYS[s] }));
    this.subject.value = loaded.subject;
    this.subject.addEventListener('change', () =>
      this.form.setSubject(this.subject.value as Subject),
    );
    this.form.setSubject(loaded.subject);
    this.form.write(loaded.profile);
    this.statutesName.value = loaded.statutes?.name ?? '';
    this.statutesText.value = loaded.statutes?.text ?? '';
    this.element = h(
      'form',
      { className: 'profile-editor', attrs: { novalidate: true }, testId: 'profile-editor' },
      h('p', { className: 'hint', i18n: 'actorScreening.profileIntro' }),
      this.messages,
      h(
        'div',
        { className: 'form-field' },
        h('label', { i18n: 'selfAssessment.subject', attrs: { for: this.subject.id } }),
        this.subject,
      ),
      this.form.element,
      h(
        'fieldset',
        { className: 'fact-group' },
        h('legend', { i18n: 'actorScreening.statutes' }),
        h(
          'div',
          { className: 'form-field' },
          h('label', { i18n: 'actorScreening.statutesName', attrs: { for: this.statutesName.id } }),
          this.statutesName,
        ),
        h(
          'div',
          { className: 'form-field' },
          h('label', { i18n: 'actorScreening.statutesText', attrs: { for: this.statutesText.id } }),
          this.statutesText,
        ),
      ),
      h(
        'div',
        { className: 'form-actions' },
        h('button', {
          i18n: 'actorScreening.saveProfile',
          attrs: { type: 'submit' },
          testId: 'profile-save',
        }),
      ),
    );
    this.element.addEventListener('submit', (event) => {
      event.preventDefault();
      void whileBusy(this.element, () => this.save());
    });
  }

  /** New statutes text only: unchanged statutes are kept by the server as they are. */
  private statutes(): StatutesText | undefined {
    const text = this.statutesText.value;
    if (!text.trim() || text === (this.loaded.statutes?.text ?? '')) return undefined;
    return { name: this.statutesName.value.trim() || 'statutes.txt', text };
  }

  private async save(): Promise<void> {
    this.messages.replaceChildren();
    const profile = profileToSave(this.form.read(), this.loaded.profile, this.facts);
    try {
      const saved = await screeningApi.saveProfile(this.loaded.actor, profile, this.statutes());
      this.onSaved(saved);
    } catch (error) {
      this.messages.append(alertBox(errorDetail(error), 'profile-error'));
    }
  }
}
