// The case editor's form (docs/knowledge.md "Case documents"): the id (a new case only), title and
// summary per language (a language can be added or removed), the writing language of the other
// texts, the problem, root causes and model, the core elements with the context features each
// relies on (from the catalogue), stage and policy field, SI-DRIVE dimensions, actors, outcomes
// with their evidence and sources, scaling paths and the origin context. Closed vocabularies are
// selects. It reads back a draft (knowledge_case_draft.ts) and puts each problem under its field.

import { h, option } from '../dom';
import { t, type MessageKey } from '../i18n/i18n';
import { SI_DRIVE_DIMENSIONS, type SiDriveDimension } from '../knowledge';
import { EDIT_LANGS, type CaseDraft } from '../knowledge_case_draft';
import { languageName } from '../knowledge_labels';
import type { ContextFramework } from '../knowledge_transfer';
import { clearFieldErrors, markFieldError } from './form_field';
import { ContextForm } from './knowledge_context_form';
import {
  actorRow,
  elementRow,
  enumSelect,
  outcomeRow,
  rootCauseRow,
  RowList,
  scalingRow,
  textControl,
  type Control,
} from './knowledge_case_rows';

export interface FieldMessage {
  field: string;
  message: string;
}

function field(label: MessageKey, control: Control, hint?: MessageKey): HTMLElement {
  const hintId = hint ? `${control.id}-hint` : undefined;
  if (hintId) control.setAttribute('aria-describedby', hintId);
  return h(
    'div',
    { className: 'form-field' },
    h('label', { i18n: label, attrs: { for: control.id } }),
    control,
    hint && h('p', { className: 'hint', i18n: hint, attrs: { id: hintId } }),
  );
}

function group(legend: MessageKey, testId: string, ...children: (Node | null)[]): HTMLElement {
  return h(
    'fieldset',
    { className: 'knowledge-edit-group', testId },
    h('legend', { i18n: legend }),
    ...children.filter((c): c is Node => c !== null),
  );
}

/** Sets data-field on a control of a fixed field. */
function named<C extends Control>(control: C, path: string): C {
  control.dataset.field = path;
  return control;
}

export class CaseForm {
  readonly element: HTMLElement;
  private readonly id: HTMLInputElement | null;
  private readonly langArea = h('div', { className: 'knowledge-edit-langs' });
  private readonly langs = new Map<
    string,
    { title: Control; summary: Control; element: HTMLElement }
  >();
  private readonly removed = new Set<string>();
  private readonly addLang = h('select', {
    attrs: { id: 'case-add-lang' },
    testId: 'case-add-lang',
  });
  private readonly writing = h('select', {
    attrs: { id: 'case-writing-lang' },
    testId: 'case-writing-lang',
  });
  private readonly problem: Control;
  private readonly model: Control;
  private readonly stage: HTMLSelectElement;
  private readonly policyField: HTMLSelectElement;
  private readonly siDrive = new Map<SiDriveDimension, Control>();
  private readonly rootCauses;
  private readonly elements;
  private readonly actors;
  private readonly outcomes;
  private readonly scaling;
  private readonly originArea = h('div', { testId: 'case-origin' });
  private origin: ContextForm | null = null;

  /** `creating`: the id can be typed (a case cannot be renamed). */
  constructor(
    private readonly draft: CaseDraft,
    private readonly framework: ContextFramework | null,
    private readonly uiLang: string,
    creating: boolean,
    footer: Node,
    /** The writer chose another writing language; `current` is the form read in the old one. */
    onWritingLang: (lang: string, current: CaseDraft) => void = () => {},
  ) {
    this.writing.addEventListener('change', () =>
      onWritingLang(this.writing.value, { ...this.read(), lang: this.draft.lang }),
    );
    this.id = creating
      ? named(textControl('', draft.id, 'case-id') as HTMLInputElement, 'id')
      : null;
    this.problem = named(textControl('', draft.problem, 'case-problem', true), 'problem');
    this.model = named(textControl('', draft.model, 'case-model', true), 'model');
    this.stage = named(enumSelect('', 'stage', draft.stage, 'case-stage'), 'stage');
    this.policyField = named(
      enumSelect('', 'policy_field', draft.policyField, 'case-policy-field'),
      'policy_field',
    );
    this.rootCauses = new RowList(
      'root_causes',
      'knowledge.edit.addRootCause',
      'case-root-causes',
      rootCauseRow,
      draft.rootCauses,
    );
    this.elements = new RowList(
      'core_elements',
      'knowledge.edit.addElement',
      'case-elements',
      elementRow(framework, uiLang),
      draft.elements,
    );
    this.actors = new RowList(
      'actors',
      'knowledge.edit.addActor',
      'case-actors',
      actorRow,
      draft.actors,
    );
    this.outcomes = new RowList(
      'outcomes',
      'knowledge.edit.addOutcome',
      'case-outcomes',
      outcomeRow,
      draft.outcomes,
    );
    this.scaling = new RowList(
      'scaling',
      'knowledge.edit.addScaling',
      'case-scaling',
      scalingRow,
      draft.scaling,
    );
    for (const lang of draft.languages) this.addLanguage(lang, false);
    this.fillLanguageChoices();
    this.element = h(
      'div',
      { className: 'knowledge-case-form' },
      this.textsGroup(),
      this.descriptionGroup(),
      group(
        'knowledge.case.coreElements',
        'case-elements-group',
        h('p', { className: 'hint', i18n: 'knowledge.edit.elementsHint' }),
        this.elements.element,
      ),
      this.aboutGroup(),
      group('knowledge.case.actors', 'case-actors-group', this.actors.element),
      group('knowledge.case.outcomes', 'case-outcomes-group', this.outcomes.element),
      group('knowledge.case.scaling', 'case-scaling-group', this.scaling.element),
      group('knowledge.case.origin', 'case-origin-group', this.originArea),
      footer,
    );
    this.showOrigin();
  }

  /** The form's current values. */
  read(): CaseDraft {
    const languages = [...this.langs.keys()];
    const per = (k: 'title' | 'summary') =>
      Object.fromEntries([...this.langs].map(([l, c]) => [l, c[k].value]));
    return {
      id: this.id?.value ?? this.draft.id,
      languages,
      titles: per('title'),
      summaries: per('summary'),
      lang: this.writing.value || this.draft.lang,
      problem: this.problem.value,
      model: this.model.value,
      rootCauses: this.rootCauses.read(),
      elements: this.elements.read(),
      stage: this.stage.value,
      policyField: this.policyField.value,
      siDrive: Object.fromEntries(
        SI_DRIVE_DIMENSIONS.map((d) => [d, this.siDrive.get(d)?.value ?? '']),
      ) as Record<SiDriveDimension, string>,
      actors: this.actors.read(),
      outcomes: this.outcomes.read(),
      scaling: this.scaling.read(),
      origin: this.origin ? this.origin.fields() : this.draft.origin,
    };
  }

  /** Languages removed from the title and summary (their texts are dropped on saving). */
  removedLanguages(): string[] {
    return [...this.removed].filter((l) => !this.langs.has(l));
  }

  /** Marks the fields in error and puts each message under its field; returns the first. */
  showErrors(errors: FieldMessage[]): HTMLElement | null {
    this.clearErrors();
    let first: HTMLElement | null = null;
    for (const error of errors) {
      const control = this.controlFor(error.field);
      if (!control) continue;
      markFieldError(control, error.message);
      first ??= control;
    }
    return first;
  }

  clearErrors(): void {
    clearFieldErrors(this.element);
  }

  /** The control of a path, else of the nearest field above or below it. */
  private controlFor(path: string): HTMLElement | null {
    const all = [...this.element.querySelectorAll<HTMLElement>('[data-field]')];
    const exact = all.find((c) => c.dataset.field === path);
    if (exact) return exact;
    const under = all.find((c) => (c.dataset.field ?? '').startsWith(`${path}.`));
    if (under) return under;
    const above = all
      .filter(
        (c) => path.startsWith(`${c.dataset.field}.`) || path.startsWith(`${c.dataset.field}[`),
      )
      .sort((a, b) => (b.dataset.field ?? '').length - (a.dataset.field ?? '').length);
    return above[0] ?? null;
  }

  private textsGroup(): HTMLElement {
    for (const lang of EDIT_LANGS) this.writing.append(option(lang, { text: lang }));
    if (!EDIT_LANGS.includes(this.draft.lang as (typeof EDIT_LANGS)[number])) {
      this.writing.append(option(this.draft.lang, { text: this.draft.lang }));
    }
    for (const o of this.writing.options) o.textContent = languageName(o.value, this.uiLang);
    this.writing.value = this.draft.lang;
    return group(
      'knowledge.edit.groupTexts',
      'case-texts',
      this.id && field('knowledge.edit.id', this.id, 'knowledge.edit.idHint'),
      this.langArea,
      h(
        'div',
        { className: 'knowledge-inline' },
        h('label', { i18n: 'knowledge.edit.languageToAdd', attrs: { for: this.addLang.id } }),
        this.addLang,
        h('button', {
          className: 'secondary',
          i18n: 'knowledge.edit.addLanguage',
          attrs: { type: 'button' },
          testId: 'case-add-lang-button',
          on: { click: () => this.addChosenLanguage() },
        }),
      ),
      field('knowledge.edit.writingLang', this.writing, 'knowledge.edit.writingLangHint'),
    );
  }

  private addLanguage(lang: string, focus: boolean): void {
    const title = named(
      textControl('', this.draft.titles[lang] ?? '', 'case-title'),
      `title.${lang}`,
    );
    const summary = named(
      textControl('', this.draft.summaries[lang] ?? '', 'case-summary', true),
      `summary.${lang}`,
    );
    title.lang = lang;
    summary.lang = lang;
    const name = languageName(lang, this.uiLang);
    const element = h(
      'fieldset',
      { className: 'knowledge-edit-lang', attrs: { 'data-lang': lang }, testId: 'case-lang' },
      h('legend', { text: name }),
      field('knowledge.edit.titleField', title),
      field('knowledge.case.summary', summary),
      h('button', {
        className: 'secondary',
        i18n: 'knowledge.edit.removeLanguage',
        attrs: {
          type: 'button',
          'aria-label': t('knowledge.edit.removeLanguageOf', { lang: name }),
        },
        testId: 'case-remove-lang',
        on: { click: () => this.removeLanguage(lang) },
      }),
    );
    this.langs.set(lang, { title, summary, element });
    this.langArea.append(element);
    if (focus) title.focus();
  }

  private removeLanguage(lang: string): void {
    const entry = this.langs.get(lang);
    if (!entry || this.langs.size === 1) return;
    entry.element.remove();
    this.langs.delete(lang);
    this.removed.add(lang);
    this.fillLanguageChoices();
  }

  private addChosenLanguage(): void {
    const lang = this.addLang.value;
    if (!lang || this.langs.has(lang)) return;
    this.addLanguage(lang, true);
    this.fillLanguageChoices();
  }

  private fillLanguageChoices(): void {
    const free = EDIT_LANGS.filter((l) => !this.langs.has(l));
    this.addLang.replaceChildren(
      ...free.map((l) => option(l, { text: languageName(l, this.uiLang) })),
    );
    this.addLang.disabled = free.length === 0;
  }

  private descriptionGroup(): HTMLElement {
    return group(
      'knowledge.edit.groupDescription',
      'case-description',
      field('knowledge.case.problem', this.problem),
      h('h3', { i18n: 'knowledge.case.rootCauses' }),
      this.rootCauses.element,
      field('knowledge.case.model', this.model),
    );
  }

  private aboutGroup(): HTMLElement {
    const siDrive = SI_DRIVE_DIMENSIONS.map((d) => {
      const control = named(
        textControl('', this.draft.siDrive[d] ?? '', 'case-si-drive', true),
        `si_drive.${d}`,
      );
      control.dataset.dimension = d;
      this.siDrive.set(d, control);
      return field(`knowledge.siDrive.${d}`, control);
    });
    return group(
      'knowledge.case.about',
      'case-about',
      field('knowledge.case.stage', this.stage),
      field('knowledge.case.policyField', this.policyField),
      h('h3', { i18n: 'knowledge.case.siDrive' }),
      ...siDrive,
    );
  }

  /** The origin context form, or the way to add one; without the catalogue, a note. */
  private showOrigin(): void {
    if (!this.framework) {
      this.originArea.replaceChildren(
        h('p', { className: 'hint', i18n: 'knowledge.edit.noCatalogue' }),
      );
      return;
    }
    if (!this.draft.origin && !this.origin) {
      this.originArea.replaceChildren(
        h('button', {
          className: 'secondary',
          i18n: 'knowledge.edit.addOrigin',
          attrs: { type: 'button' },
          testId: 'case-add-origin',
          on: {
            click: () => {
              this.createOrigin();
              this.originArea.querySelector<HTMLElement>('input, select')?.focus();
            },
          },
        }),
      );
      return;
    }
    this.createOrigin();
  }

  private createOrigin(): void {
    if (!this.framework) return;
    this.origin = new ContextForm(this.framework, this.uiLang, { territory: false });
    if (this.draft.origin) this.origin.setFields(this.draft.origin);
    for (const c of this.origin.element.querySelectorAll<HTMLElement>('[data-feature]')) {
      c.dataset.field = `origin.${c.dataset.feature}`;
    }
    this.originArea.replaceChildren(
      h('p', { className: 'hint', i18n: 'knowledge.edit.originHint' }),
      this.origin.element,
    );
  }
}
