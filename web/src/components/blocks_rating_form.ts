// The perception rating of a territory: the framework's statements grouped by block, each with a
// 0-10 choice or "no answer" (or left unrated), the rater's role, and the API's answer: a
// confirmation, or its error as the server words it.

import { ecosystemApi, ratingBody, RATER_ROLES, type BlocksFramework } from '../ecosystem_blocks';
import { h, option } from '../dom';
import { t } from '../i18n/i18n';
import type { BlocksLabels } from './blocks_labels';
import { errorMessage } from './error_message';

const SCORES = Array.from({ length: 11 }, (_, i) => String(i));

export class RatingForm {
  readonly element: HTMLFormElement;
  private readonly controls = new Map<string, HTMLSelectElement>();
  private readonly role = h(
    'select',
    { attrs: { id: 'rating-role', required: true }, testId: 'rating-role' },
    ...RATER_ROLES.map((r) => option(r, { i18n: `ecosystem.raterRole.${r}` })),
  );
  private readonly submit = h('button', {
    i18n: 'ecosystem.rateSubmit',
    attrs: { type: 'submit' },
    testId: 'rating-submit',
  });
  private readonly status = h('div', { attrs: { 'aria-live': 'polite' }, testId: 'rating-status' });

  constructor(
    private readonly territory: string,
    framework: BlocksFramework,
    labels: BlocksLabels,
    private readonly onSaved: () => void,
  ) {
    const groups = framework.blocks.map((block) =>
      h(
        'fieldset',
        { className: 'rating-block', testId: 'rating-block' },
        h('legend', { text: labels.block(block.id) }),
        ...block.statements.map((s) => this.statementField(s.id, labels.statement(s.id))),
      ),
    );
    this.element = h(
      'form',
      {
        className: 'rating-form',
        i18nAttrs: { 'aria-label': 'ecosystem.rateTitle' },
        testId: 'rating-form',
      },
      h('p', { className: 'hint', i18n: 'ecosystem.rateIntro' }),
      h(
        'div',
        { className: 'field' },
        h('label', { i18n: 'ecosystem.raterRole', attrs: { for: 'rating-role' } }),
        this.role,
      ),
      ...groups,
      this.submit,
      this.status,
    );
    this.element.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.send();
    });
  }

  private statementField(id: string, text: string): HTMLElement {
    const controlId = `rating-${id.replace(/[^\w-]/g, '-')}`;
    const select = h(
      'select',
      { attrs: { id: controlId, name: id }, testId: 'rating-score' },
      option('', { i18n: 'ecosystem.notRated' }),
      option('na', { i18n: 'ecosystem.noAnswer' }),
      ...SCORES.map((s) => option(s, { text: s })),
    );
    this.controls.set(id, select);
    return h(
      'div',
      { className: 'field rating-statement' },
      h('label', { text: text, attrs: { for: controlId } }),
      select,
    );
  }

  private async send(): Promise<void> {
    const choices = new Map([...this.controls].map(([id, select]) => [id, select.value]));
    const body = ratingBody(this.territory, this.role.value, choices);
    if (Object.keys(body.scores).length === 0) {
      this.status.replaceChildren(
        h('p', {
          className: 'error-message',
          i18n: 'ecosystem.rateEmpty',
          attrs: { role: 'alert' },
        }),
      );
      return;
    }
    this.submit.disabled = true;
    this.status.replaceChildren(h('p', { className: 'status', text: t('status.loading') }));
    try {
      await ecosystemApi.rate(body);
      this.status.replaceChildren(
        h('p', {
          className: 'status success',
          i18n: 'ecosystem.rateSaved',
          testId: 'rating-saved',
        }),
      );
      this.onSaved();
    } catch (error) {
      this.status.replaceChildren(errorMessage(error));
    } finally {
      this.submit.disabled = false;
    }
  }
}
