// Self-assessment (#/self-assessment): a form generated from the fact catalogue, screened in the
// browser against the chosen frameworks on every change (engine.ts), principle by principle; and
// a button that asks the server (POST /api/v1/screen) and says whether it agrees.

import { screeningApi } from '../api';
import { errorDetail, errorMessage } from '../components/error_message';
import { FactForm } from '../components/fact_form';
import { alertBox, notice } from '../components/form_field';
import { FrameworkPicker } from '../components/framework_picker';
import { screeningResultView, type FactNames } from '../components/screening_result';
import { VERDICT_KEYS } from '../components/status_badge';
import { h } from '../dom';
import { getLang, t, translateTree } from '../i18n/i18n';
import { differences } from '../screening/compare';
import { screen } from '../screening/engine';
import { factLabels } from '../screening/facts';
import { loadFacts, loadFrameworks } from '../screening/load';
import type { FactSpec, Framework, ScreeningResult } from '../screening/types';
import type { Page } from './page';

export class SelfAssessmentPage implements Page {
  readonly element: HTMLElement;
  private readonly body = h('div');
  private readonly summary = h('p', {
    className: 'live-summary',
    attrs: { 'aria-live': 'polite' },
    testId: 'live-summary',
  });
  private readonly results = h('div', {
    className: 'assessment-results',
    testId: 'assessment-results',
  });
  private readonly serverBox = h('div', { testId: 'server-check' });
  private readonly checkButton = h('button', {
    i18n: 'selfAssessment.check',
    attrs: { type: 'button' },
    testId: 'server-check-button',
    on: { click: () => void this.checkOnServer() },
  });
  private picker: FrameworkPicker | null = null;
  private form: FactForm | null = null;
  private data: { frameworks: Framework[]; facts: FactSpec[] } | null = null;
  private local: ScreeningResult[] = [];
  private destroyed = false;

  constructor() {
    this.element = h(
      'section',
      {
        className: 'page self-assessment-page',
        testId: 'self-assessment-page',
        attrs: { 'aria-busy': 'true' },
      },
      h('h1', { i18n: 'selfAssessment.title', attrs: { tabindex: -1 } }),
      h('p', { className: 'intro', i18n: 'selfAssessment.intro' }),
      this.body,
    );
    this.body.append(h('p', { className: 'status', i18n: 'status.loading' }));
    void this.load();
  }

  title(): string {
    return t('selfAssessment.title');
  }

  /** Rebuilds the form in the new language, keeping the answers and the choices. */
  onLanguageChange(): void {
    translateTree(this.element);
    if (!this.data || !this.form || !this.picker) return;
    const profile = this.form.read();
    const choice = this.picker.value;
    this.build(this.data.frameworks, this.data.facts);
    this.picker?.restore(choice);
    this.form?.setSubject(choice.subject);
    this.form?.write(profile);
    this.recompute();
  }

  destroy(): void {
    this.destroyed = true;
  }

  private async load(): Promise<void> {
    try {
      const [frameworks, facts] = await Promise.all([loadFrameworks(), loadFacts()]);
      if (this.destroyed) return;
      this.data = { frameworks, facts };
      this.build(frameworks, facts);
      this.recompute();
    } catch (error) {
      this.body.replaceChildren(errorMessage(error));
    } finally {
      this.element.removeAttribute('aria-busy');
    }
  }

  private build(frameworks: Framework[], facts: FactSpec[]): void {
    const form = new FactForm(facts, 'self');
    const picker = new FrameworkPicker(frameworks, () => {
      form.setSubject(picker.value.subject);
      this.recompute();
    });
    this.form = form;
    this.picker = picker;
    const formElement = h(
      'form',
      {
        className: 'assessment-form',
        attrs: { novalidate: true },
        i18nAttrs: { 'aria-label': 'selfAssessment.formLabel' },
        testId: 'self-assessment-form',
        on: { submit: (event) => event.preventDefault() },
      },
      picker.element,
      h('h2', { i18n: 'selfAssessment.facts' }),
      form.element,
      h('button', {
        className: 'secondary',
        i18n: 'selfAssessment.reset',
        attrs: { type: 'button' },
        on: {
          click: () => {
            form.write({});
            this.recompute();
          },
        },
      }),
    );
    formElement.addEventListener('input', () => this.recompute());
    formElement.addEventListener('change', () => this.recompute());
    this.body.replaceChildren(
      h(
        'div',
        { className: 'assessment-layout' },
        formElement,
        h(
          'aside',
          {
            className: 'assessment-panel',
            attrs: { 'aria-labelledby': 'assessment-result-title' },
          },
          h('h2', { i18n: 'selfAssessment.result', attrs: { id: 'assessment-result-title' } }),
          this.summary,
          h('div', { className: 'form-actions' }, this.checkButton),
          this.serverBox,
          this.results,
        ),
      ),
    );
  }

  private names(): FactNames {
    const facts = this.data?.facts ?? [];
    const byPath = new Map(facts.map((f) => [f.path, f]));
    return { label: factLabels(facts), spec: (path) => byPath.get(path) };
  }

  /** Screens the form's profile in the browser and shows the results. */
  private recompute(): void {
    if (!this.form || !this.picker) return;
    const { frameworks, options } = this.picker.value;
    const profile = this.form.read();
    const lang = getLang();
    this.local = frameworks.map((f) => screen(f, { profile, options, lang }));
    const names = this.names();
    this.results.replaceChildren(...this.local.map((r) => screeningResultView(r, names)));
    this.summary.textContent =
      this.local.length === 0
        ? t('selfAssessment.noFramework')
        : this.local.map((r) => `${r.title}: ${t(VERDICT_KEYS[r.verdict])}`).join(' · ');
    this.checkButton.disabled = this.local.length === 0;
    this.serverBox.replaceChildren();
  }

  private async checkOnServer(): Promise<void> {
    if (!this.form || !this.picker) return;
    const { frameworks, options } = this.picker.value;
    const profile = this.form.read();
    const local = this.local;
    this.checkButton.disabled = true;
    this.serverBox.replaceChildren(
      h('p', { className: 'status', i18n: 'selfAssessment.checking' }),
    );
    try {
      const answer = await screeningApi.screen(profile, {
        frameworks: frameworks.map((f) => f.id),
        options,
        lang: getLang(),
      });
      if (this.local !== local) return; // the form changed meanwhile: the answer is stale
      this.serverBox.replaceChildren(this.agreement(local, answer.results));
    } catch (error) {
      this.serverBox.replaceChildren(alertBox(errorDetail(error), 'server-check-error'));
    } finally {
      this.checkButton.disabled = false;
    }
  }

  private agreement(local: ScreeningResult[], server: ScreeningResult[]): HTMLElement {
    const diffs = differences(local, server);
    if (diffs.length === 0) return notice(t('selfAssessment.agrees'), 'server-agrees');
    const box = alertBox(t('selfAssessment.disagrees'), 'server-disagrees');
    box.append(
      h('ul', {}, ...diffs.map((d) => h('li', { text: t('selfAssessment.difference', { ...d }) }))),
    );
    return box;
  }
}
