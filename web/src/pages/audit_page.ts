// The audit log (#/admin/audit, admins only): entries newest first, a page at a time, each with
// what it changed; and a check of the hash chain that names the first bad entry.

import { accountApi } from '../api';
import { lastSeq, pageEndingAt } from '../audit';
import { forbiddenNotice, signInPrompt } from '../components/access_notice';
import { auditEntry } from '../components/audit_entry';
import { errorDetail } from '../components/error_message';
import { alertBox, notice } from '../components/form_field';
import { panel } from '../components/panel';
import { h } from '../dom';
import { formatNumber } from '../format';
import { getLang, t, translateTree } from '../i18n/i18n';
import { AUDIT_HREF } from '../router';
import type { SessionStore } from '../session';
import type { AuditCheck } from '../types';
import type { Page } from './page';

const PAGE_SIZE = 50;

export class AuditPage implements Page {
  readonly element: HTMLElement;
  private readonly body = h('div');
  private readonly list = h('ol', { className: 'audit-list', testId: 'audit-list' });
  private readonly status = h('p', {
    className: 'status',
    attrs: { 'aria-live': 'polite' },
    testId: 'audit-status',
  });
  private readonly errorSlot = h('div');
  private readonly verifyResult = h('div', {
    attrs: { 'aria-live': 'polite' },
    testId: 'verify-result',
  });
  private readonly more = h('button', {
    className: 'more-button secondary',
    i18n: 'audit.older',
    attrs: { type: 'button', hidden: true },
    testId: 'audit-older',
    on: { click: () => void this.loadOlder() },
  });
  private readonly controller = new AbortController();
  /** The newest entry not shown yet (entries are shown from the newest down). */
  private nextEnd = 0;

  constructor(private readonly session: SessionStore) {
    this.element = h(
      'section',
      { className: 'page audit-page', testId: 'audit-page', attrs: { 'aria-busy': 'true' } },
      h('h1', { i18n: 'audit.title', attrs: { tabindex: -1 } }),
      this.body,
    );
    this.body.append(h('p', { className: 'status', i18n: 'status.loading' }));
    void this.session.ready().then(() => this.render());
  }

  title(): string {
    return t('audit.title');
  }

  onLanguageChange(): void {
    translateTree(this.element);
  }

  onSessionChange(): void {
    if (!this.session.isAdmin()) this.render();
  }

  destroy(): void {
    this.controller.abort();
  }

  private render(): void {
    this.element.removeAttribute('aria-busy');
    if (!this.session.signedIn) {
      this.body.replaceChildren(signInPrompt(AUDIT_HREF));
      return;
    }
    if (!this.session.isAdmin()) {
      this.body.replaceChildren(forbiddenNotice('audit.forbidden'));
      return;
    }
    const verify = h('button', {
      i18n: 'audit.verify',
      attrs: { type: 'button' },
      testId: 'audit-verify',
      on: { click: () => void this.verify(verify) },
    });
    this.body.replaceChildren(
      panel(
        'audit.verifyTitle',
        'audit-verify-panel',
        h('p', { i18n: 'audit.verifyIntro' }),
        verify,
        this.verifyResult,
      ),
      panel(
        'audit.entriesTitle',
        'audit-entries',
        this.status,
        this.errorSlot,
        this.list,
        this.more,
      ),
    );
    void this.loadNewest();
  }

  private async loadNewest(): Promise<void> {
    const signal = this.controller.signal;
    this.status.textContent = t('status.loading');
    try {
      const last = await lastSeq(async (from) => {
        const page = await accountApi.audit(from, 1, signal);
        return page.items[0]?.seq ?? null;
      });
      this.nextEnd = last;
      this.status.textContent =
        last === 0 ? t('audit.empty') : t('audit.count', { n: formatNumber(last, getLang()) });
      await this.loadOlder();
    } catch (error) {
      if (signal.aborted) return;
      this.status.textContent = '';
      this.errorSlot.replaceChildren(alertBox(errorDetail(error)));
    }
  }

  private async loadOlder(): Promise<void> {
    const range = pageEndingAt(this.nextEnd, PAGE_SIZE);
    if (!range) return;
    this.more.disabled = true;
    try {
      const page = await accountApi.audit(range.from, range.limit, this.controller.signal);
      const added = [...page.items].reverse().map(auditEntry);
      this.list.append(...added);
      this.nextEnd = range.from - 1;
      this.more.hidden = this.nextEnd < 1;
    } catch (error) {
      if (this.controller.signal.aborted) return;
      this.errorSlot.replaceChildren(alertBox(errorDetail(error)));
    } finally {
      this.more.disabled = false;
    }
  }

  private async verify(button: HTMLButtonElement): Promise<void> {
    button.disabled = true;
    this.verifyResult.replaceChildren(notice(t('audit.verifying')));
    try {
      const check = await accountApi.verifyAudit(this.controller.signal);
      this.verifyResult.replaceChildren(...(await this.verifyOutcome(check)));
    } catch (error) {
      if (this.controller.signal.aborted) return;
      this.verifyResult.replaceChildren(alertBox(errorDetail(error)));
    } finally {
      button.disabled = false;
    }
  }

  /** "Intact", or "broken at entry n: why" followed by that entry as the log holds it now. */
  private async verifyOutcome(check: AuditCheck): Promise<HTMLElement[]> {
    const n = formatNumber(check.entries, getLang());
    if (check.ok) return [notice(t('audit.intact', { n }), 'verify-ok')];
    const seq = check.first_bad ?? 0;
    const out = [
      alertBox(t('audit.broken', { seq, problem: check.problem ?? '', n }), 'verify-broken'),
    ];
    if (seq > 0) {
      const page = await accountApi.audit(seq, 1, this.controller.signal);
      const entry = page.items[0];
      if (entry)
        out.push(
          h(
            'ol',
            { className: 'audit-list bad-entry', testId: 'verify-bad-entry' },
            auditEntry(entry),
          ),
        );
    }
    return out;
  }
}
