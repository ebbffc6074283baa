// The opinion map's form: the input as JSON (statements, participants with their college, votes
// of 1, -1 or 0, and k, min_votes, seed when wanted), an example to load (two camps, two
// colleges) and a .json file to load; what is in the box is what is sent. A box that is not a
// JSON object is refused under the box, and nothing is sent.

import { h } from '../dom';
import { t } from '../i18n/i18n';
import { OPINION_EXAMPLE } from '../opinion_example';
import {
  clearFieldErrors,
  labelledControl,
  markFieldError,
  pageForm,
  submitButton,
} from './form_field';

type Obj = Record<string, unknown>;

export class OpinionForm {
  readonly element: HTMLFormElement;
  private readonly json = h('textarea', {
    attrs: {
      id: 'opinion-json',
      name: 'opinion-json',
      rows: 16,
      spellcheck: 'false',
      autocomplete: 'off',
    },
    testId: 'opinion-json',
  });
  private readonly file = h('input', {
    attrs: {
      id: 'opinion-file',
      name: 'opinion-file',
      type: 'file',
      accept: '.json,application/json',
    },
    testId: 'opinion-file',
  });
  private readonly loaded = h('p', {
    className: 'status',
    attrs: { 'aria-live': 'polite' },
    testId: 'opinion-loaded',
  });

  constructor(private readonly onSubmit: (input: Obj) => void) {
    this.element = pageForm(
      {
        className: 'decide-form',
        label: 'opinion.form.label',
        testId: 'opinion-form',
        noValidate: true,
      },
      () => this.submit(),
      h(
        'fieldset',
        { className: 'decide-examples', testId: 'opinion-examples' },
        h('legend', { i18n: 'decide.examples' }),
        h('button', {
          className: 'secondary small',
          i18n: 'opinion.example',
          attrs: { type: 'button' },
          testId: 'opinion-example',
          on: { click: () => this.loadExample() },
        }),
        this.loaded,
      ),
      labelledControl('opinion.json', this.json, 'opinion.json.hint'),
      labelledControl('opinion.file', this.file),
      h('div', { className: 'form-actions' }, submitButton('opinion.submit', 'opinion-submit')),
    );
    this.file.addEventListener('change', () => void this.readFile());
    this.json.value = JSON.stringify({ statements: [], votes: [] }, null, 2);
  }

  /** Shows `input` in the box. */
  load(input: Obj): void {
    this.json.value = JSON.stringify(input, null, 2);
    this.clearErrors();
  }

  private loadExample(): void {
    this.load(structuredClone(OPINION_EXAMPLE));
    this.loaded.textContent = t('opinion.example.loaded');
  }

  private async readFile(): Promise<void> {
    const file = this.file.files?.[0];
    if (!file) return;
    this.clearErrors();
    let parsed: unknown;
    try {
      parsed = JSON.parse(await file.text());
    } catch {
      parsed = null;
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
      markFieldError(this.file, t('decide.file.error', { name: file.name }));
      return;
    }
    this.load(parsed as Obj);
    this.loaded.textContent = t('decide.file.loaded', { name: file.name });
  }

  /** Puts `message` under the JSON box. */
  showError(message: string): void {
    this.clearErrors();
    markFieldError(this.json, message);
  }

  clearErrors(): void {
    clearFieldErrors(this.element);
  }

  private submit(): void {
    let parsed: unknown;
    try {
      parsed = JSON.parse(this.json.value);
    } catch {
      parsed = null;
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
      this.showError(t('decide.error.json'));
      this.json.focus();
      return;
    }
    this.clearErrors();
    this.onSubmit(parsed as Obj);
  }
}
