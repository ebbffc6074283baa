// The self-assessment's choices: what is assessed (organisation, initiative, programme), which
// frameworks of that subject, and which of their options (e.g. ESUS).

import { h } from '../dom';
import { getLang, t, type MessageKey } from '../i18n/i18n';
import { inLang } from '../screening/engine';
import type { Framework, Subject } from '../screening/types';
import { SUBJECTS } from '../screening/types';

export const SUBJECT_KEYS: Record<Subject, MessageKey> = {
  organisation: 'subject.organisation',
  initiative: 'subject.initiative',
  programme: 'subject.programme',
};

export interface Choice {
  subject: Subject;
  frameworks: Framework[];
  options: string[];
}

export class FrameworkPicker {
  readonly element: HTMLElement;
  private readonly subjects: HTMLInputElement[];
  private readonly list = h('div', { className: 'choices', testId: 'framework-choices' });
  private readonly optionList = h('div', { className: 'choices', testId: 'option-choices' });
  private readonly optionBox = h(
    'fieldset',
    { className: 'fact-field' },
    h('legend', { i18n: 'selfAssessment.options' }),
    this.optionList,
  );
  private readonly chosen = new Set<string>();
  private readonly options = new Set<string>();

  constructor(
    private readonly frameworks: readonly Framework[],
    private readonly onChange: () => void,
  ) {
    this.subjects = SUBJECTS.map((subject) =>
      h('input', {
        attrs: {
          type: 'radio',
          name: 'assessed-subject',
          id: `subject-${subject}`,
          value: subject,
        },
        testId: `subject-${subject}`,
        on: { change: () => this.subjectChanged() },
      }),
    );
    this.element = h(
      'div',
      { className: 'framework-picker' },
      h(
        'fieldset',
        { className: 'fact-field choices' },
        h('legend', { i18n: 'selfAssessment.subject' }),
        ...this.subjects.map((radio, i) =>
          h('label', { className: 'choice' }, radio, ` ${t(SUBJECT_KEYS[SUBJECTS[i] as Subject])}`),
        ),
      ),
      h(
        'fieldset',
        { className: 'fact-field' },
        h('legend', { i18n: 'selfAssessment.frameworks' }),
        this.list,
      ),
      this.optionBox,
    );
    (this.subjects[0] as HTMLInputElement).checked = true;
    this.subjectChanged(false);
  }

  get value(): Choice {
    const subject = this.subject();
    const frameworks = this.frameworks.filter(
      (f) => f.subject === subject && this.chosen.has(f.id),
    );
    const available = new Set(frameworks.flatMap((f) => (f.options ?? []).map((o) => o.id)));
    return { subject, frameworks, options: [...this.options].filter((o) => available.has(o)) };
  }

  /** Restores an earlier choice (after the page is rebuilt in another language). */
  restore(choice: Choice): void {
    for (const radio of this.subjects) radio.checked = radio.value === choice.subject;
    this.subjectChanged(false);
    this.chosen.clear();
    for (const f of choice.frameworks) this.chosen.add(f.id);
    for (const o of choice.options) this.options.add(o);
    this.subjectChanged(false, false);
  }

  private subject(): Subject {
    return (this.subjects.find((r) => r.checked)?.value as Subject | undefined) ?? 'organisation';
  }

  /** Lists the subject's frameworks; un-ilo (or every one, for initiatives and programmes) ticked. */
  private subjectChanged(notify = true, reset = true): void {
    const subject = this.subject();
    const own = this.frameworks.filter((f) => f.subject === subject);
    if (reset) {
      this.chosen.clear();
      for (const f of own)
        if (subject !== 'organisation' || f.id === 'un-ilo') this.chosen.add(f.id);
      if (this.chosen.size === 0 && own[0]) this.chosen.add(own[0].id);
    }
    this.list.replaceChildren(
      ...own.map((f) =>
        this.checkbox(`framework-${f.id}`, f.id, inLang(f.title, getLang()), this.chosen),
      ),
    );
    this.showOptions();
    if (notify) this.onChange();
  }

  private showOptions(): void {
    const { frameworks } = this.value;
    const options = frameworks.flatMap((f) => f.options ?? []);
    this.optionBox.hidden = options.length === 0;
    this.optionList.replaceChildren(
      ...options.map((o) =>
        this.checkbox(`option-${o.id}`, o.id, inLang(o.title, getLang()), this.options),
      ),
    );
  }

  private checkbox(id: string, value: string, text: string, set: Set<string>): HTMLElement {
    const box = h('input', {
      attrs: { type: 'checkbox', id, value },
      testId: id,
      on: {
        change: () => {
          if (box.checked) set.add(value);
          else set.delete(value);
          if (set === this.chosen) this.showOptions();
          this.onChange();
        },
      },
    });
    box.checked = set.has(value);
    return h('label', { className: 'choice' }, box, ` ${text}`);
  }
}
