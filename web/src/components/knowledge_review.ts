// The review of a case (POST /knowledge/cases/{id}/review): the actions open to the signed-in
// reader for the case's status (submit; approve, return, withdraw for stewards and admins), a
// comment box (a case sent back needs one: its author must know what to change) and what came of
// the last action. The API decides; a refusal is shown in its own words.

import { h } from '../dom';
import { t } from '../i18n/i18n';
import { reviewActions, type CaseRecord, type ReviewAction } from '../knowledge';
import { knowledgeApi } from '../knowledge_api';
import { enumLabel } from '../knowledge_labels';
import { knowledgeCaseHref, signInHref } from '../router';
import type { SessionStore } from '../session';
import { apiRefusal } from './api_refusal';
import { alertBox, notice } from './form_field';

/** Roles that may write and submit cases. */
const AUTHOR_ROLES = ['member', 'steward', 'admin'] as const;

export class ReviewPanel {
  readonly element = h('div', { className: 'knowledge-review', testId: 'knowledge-review' });
  private readonly comment = h('textarea', {
    attrs: {
      id: 'knowledge-review-comment',
      name: 'comment',
      rows: 3,
      'aria-describedby': 'knowledge-review-comment-hint',
    },
    testId: 'knowledge-review-comment',
  });
  private readonly result = h('div', { attrs: { 'aria-live': 'polite' } });
  private busy = false;

  constructor(
    private record: CaseRecord,
    private readonly session: SessionStore,
    private readonly changed: (record: CaseRecord) => void,
  ) {
    this.render();
  }

  /** Draws the panel again (after a sign-in, a language change or a new record). */
  render(record: CaseRecord = this.record): void {
    this.record = record;
    if (!this.session.signedIn) {
      this.element.replaceChildren(
        h(
          'p',
          { className: 'hint' },
          h('a', {
            text: t('knowledge.review.signIn'),
            attrs: { href: signInHref(knowledgeCaseHref(record.id)) },
            testId: 'knowledge-review-signin',
          }),
        ),
      );
      return;
    }
    const actions = reviewActions(record.status, {
      author: AUTHOR_ROLES.some((role) => this.session.holds(role)),
      steward: this.session.isSteward() || this.session.isAdmin(),
    });
    if (actions.length === 0) {
      this.element.replaceChildren(
        h('p', {
          className: 'hint',
          i18n: 'knowledge.review.nothing',
          testId: 'knowledge-review-none',
        }),
        this.result,
      );
      return;
    }
    this.element.replaceChildren(
      h(
        'div',
        { className: 'form-field' },
        h('label', { i18n: 'knowledge.review.comment', attrs: { for: this.comment.id } }),
        this.comment,
        h('p', {
          className: 'hint',
          i18n: 'knowledge.review.commentHint',
          attrs: { id: 'knowledge-review-comment-hint' },
        }),
      ),
      h(
        'div',
        { className: 'knowledge-review-actions' },
        ...actions.map((action) =>
          h('button', {
            text: enumLabel('action', action),
            attrs: { type: 'button', 'data-action': action, disabled: this.busy },
            testId: `knowledge-review-${action}`,
            on: { click: () => void this.act(action) },
          }),
        ),
      ),
      this.result,
    );
  }

  private async act(action: ReviewAction): Promise<void> {
    const comment = this.comment.value.trim();
    if (action === 'return' && !comment) {
      this.result.replaceChildren(
        alertBox(t('knowledge.review.commentNeeded'), 'knowledge-review-error'),
      );
      this.comment.focus();
      return;
    }
    this.busy = true;
    this.render();
    try {
      const record = await knowledgeApi.review(this.record.id, action, comment);
      this.comment.value = '';
      this.busy = false;
      this.result.replaceChildren(
        notice(
          t('knowledge.review.done', {
            status: enumLabel('status', record.status),
            version: record.version,
          }),
          'knowledge-review-done',
        ),
      );
      this.render(record);
      this.changed(record);
    } catch (error) {
      this.busy = false;
      this.result.replaceChildren(
        apiRefusal('knowledge.review.errorTitle', error, 'knowledge-review-error'),
      );
      this.render();
    }
  }
}
