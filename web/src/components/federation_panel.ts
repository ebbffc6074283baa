// The federation panel of the open data page (docs/federation.md): this instance's feed URL and
// the instances it pulls from, for everyone; and, for admins and instance-wide stewards, a form
// to pull from another instance, with what the pull did or why it failed.

import { ApiError } from '../api';
import { h } from '../dom';
import {
  broughtNothing,
  federationApi,
  isSyncPeers,
  isSyncReport,
  peerUrlProblem,
  REPORT_COUNTS,
  sortPeers,
  syncFailureKey,
  type FederationApi,
  type ReportCount,
  type SyncPeer,
  type SyncPeers,
  type SyncReport,
} from '../federation';
import { formatDate, formatNumber, safeHttpUrl } from '../format';
import { getLang, t, type MessageKey } from '../i18n/i18n';
import { DATA_HREF } from '../router';
import type { SessionStore } from '../session';
import { forbiddenNotice, signInPrompt } from './access_notice';
import { errorDetail } from './error_message';
import { alertBox, inputField, notice, whileBusy } from './form_field';
import { panel } from './panel';

const COUNT_LABELS: Record<ReportCount, MessageKey> = {
  created: 'federation.countCreated',
  updated: 'federation.countUpdated',
  matched: 'federation.countMatched',
  removed: 'federation.countRemoved',
  unchanged: 'federation.countUnchanged',
};

/** What a pull came to: a report, or the error and the address it was asked for. */
type Outcome =
  { kind: 'report'; report: SyncReport } | { kind: 'error'; error: unknown; url: string };

/** The peers as last loaded: the answer, or why it could not be had. */
type PeersState =
  { kind: 'loading' } | { kind: 'loaded'; peers: SyncPeers } | { kind: 'error'; error: unknown };

export class FederationPanel {
  readonly element: HTMLElement;
  private readonly feed = h('div', { className: 'federation-feed', testId: 'federation-feed' });
  private readonly peers = h('div', { className: 'federation-peers', testId: 'federation-peers' });
  private readonly syncBody = h('div', { testId: 'federation-sync-body' });
  private readonly controller = new AbortController();
  private peersState: PeersState = { kind: 'loading' };
  /** Kept while the visitor may pull, so a session refresh does not clear what they typed. */
  private form: SyncForm | null = null;

  constructor(
    private readonly session: SessionStore,
    private readonly api: FederationApi = federationApi,
  ) {
    this.element = panel(
      'federation.title',
      'data-federation',
      h('p', { i18n: 'federation.intro' }),
      h('h3', { i18n: 'federation.feedTitle' }),
      h('p', { i18n: 'federation.feedIntro' }),
      this.feed,
      h('h3', { i18n: 'federation.peersTitle' }),
      this.peers,
      h('h3', { i18n: 'federation.syncTitle' }),
      this.syncBody,
    );
    this.syncBody.append(
      h('p', { className: 'status', i18n: 'status.loading', testId: 'federation-loading' }),
    );
    this.showPeers();
    void this.loadPeers();
    void this.session.ready().then(() => this.onSessionChange());
  }

  /** Redraws the texts made with parameters (the page re-translates the others). */
  onLanguageChange(): void {
    this.showPeers();
    this.form?.onLanguageChange();
  }

  /** Shows the form, a sign-in prompt or the role it takes, as the session now allows. */
  onSessionChange(): void {
    if (!this.session.signedIn) {
      this.form = null;
      const prompt = signInPrompt(DATA_HREF, 'federation.signInToSync');
      // The import panel shows its own prompt on the same page; each keeps a test id of its own.
      prompt.dataset.testid = 'federation-signin';
      this.syncBody.replaceChildren(prompt);
      return;
    }
    if (!this.canSync()) {
      this.form = null;
      const refusal = forbiddenNotice('federation.syncForbidden');
      refusal.dataset.testid = 'federation-forbidden';
      this.syncBody.replaceChildren(refusal);
      return;
    }
    if (this.form && this.syncBody.contains(this.form.element)) return;
    this.form = new SyncForm(this.api, () => void this.loadPeers());
    this.syncBody.replaceChildren(h('p', { i18n: 'federation.syncIntro' }), this.form.element);
  }

  destroy(): void {
    this.controller.abort();
  }

  /** Whether the server would take a pull from this visitor (see auth policy kSyncPeers). */
  private canSync(): boolean {
    return this.session.isAdmin() || this.session.holds('steward', '');
  }

  private async loadPeers(): Promise<void> {
    try {
      const answer: unknown = await this.api.peers(this.controller.signal);
      if (!isSyncPeers(answer)) {
        throw new ApiError(200, 'bad_response', 'not the list of peers');
      }
      this.peersState = { kind: 'loaded', peers: answer };
    } catch (error) {
      if (this.controller.signal.aborted) return;
      this.peersState = { kind: 'error', error };
    }
    this.showPeers();
  }

  private showPeers(): void {
    const state = this.peersState;
    if (state.kind === 'loading') {
      this.feed.replaceChildren(
        h('p', { className: 'status', text: t('status.loading'), testId: 'federation-loading' }),
      );
      this.peers.replaceChildren();
      return;
    }
    if (state.kind === 'error') {
      this.feed.replaceChildren(
        alertBox(
          t('federation.peersFailed', { reason: errorDetail(state.error) }),
          'federation-error',
        ),
      );
      this.peers.replaceChildren();
      return;
    }
    this.feed.replaceChildren(feedLink(state.peers.feed));
    this.peers.replaceChildren(peersTable(state.peers.items));
  }
}

/** The feed URL as a link (when it is http(s)), in a code font so that it reads as an address. */
function feedLink(feed: string): HTMLElement {
  const href = safeHttpUrl(feed);
  const code = h('code', { text: feed, testId: 'federation-feed-url' });
  return h('p', {}, href ? h('a', { attrs: { href, rel: 'noopener' } }, code) : code);
}

/** The peers, the most recently pulled first; a sentence when there are none. */
function peersTable(items: readonly SyncPeer[]): HTMLElement {
  if (items.length === 0) {
    return h('p', {
      className: 'status',
      text: t('federation.noPeers'),
      testId: 'federation-no-peers',
    });
  }
  const lang = getLang();
  const head = h(
    'tr',
    {},
    h('th', { text: t('federation.peer'), attrs: { scope: 'col' } }),
    h('th', { text: t('federation.lastSync'), attrs: { scope: 'col' } }),
    h('th', { className: 'number', text: t('federation.pulled'), attrs: { scope: 'col' } }),
  );
  const rows = sortPeers(items).map((peer) =>
    h(
      'tr',
      { testId: 'federation-peer' },
      h('th', { attrs: { scope: 'row' } }, h('code', { text: peer.url })),
      h('td', { text: peer.last_sync ? formatDate(peer.last_sync, lang) : t('federation.never') }),
      h('td', { className: 'number', text: formatNumber(peer.pulled, lang) }),
    ),
  );
  return h(
    'div',
    { className: 'table-wrapper' },
    h(
      'table',
      { className: 'data-table', testId: 'federation-peers-table' },
      h('caption', { text: t('federation.peersCaption') }),
      h('thead', {}, head),
      h('tbody', {}, ...rows),
    ),
  );
}

/** The address of a peer, the button that pulls from it, then what the pull did. */
class SyncForm {
  readonly element: HTMLElement;
  private readonly form: HTMLFormElement;
  private readonly url = inputField({
    id: 'sync-url',
    label: 'federation.url',
    type: 'url',
    hint: 'federation.urlHint',
    autocomplete: 'url',
    attrs: { 'aria-required': 'true', spellcheck: 'false', placeholder: 'http://' },
    testId: 'sync-url',
  });
  private readonly urlError = h('p', {
    className: 'field-error',
    attrs: { id: 'sync-url-error', hidden: true },
    testId: 'sync-url-error',
  });
  private urlProblem: MessageKey | null = null;
  private readonly status = h('p', {
    className: 'status',
    attrs: { 'aria-live': 'polite' },
    testId: 'sync-status',
  });
  private readonly result = h('div', { className: 'sync-result', testId: 'sync-result' });
  private last: Outcome | null = null;
  private busy = false;

  constructor(
    private readonly api: FederationApi,
    private readonly pulled: () => void,
  ) {
    this.url.field.append(this.urlError);
    this.url.input.addEventListener('input', () => this.setUrlProblem(null));
    this.form = h(
      'form',
      { className: 'stacked-form sync-form', attrs: { novalidate: true }, testId: 'sync-form' },
      this.url.field,
      h('button', { i18n: 'federation.submit', attrs: { type: 'submit' }, testId: 'sync-submit' }),
    );
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.submit();
    });
    this.element = h('div', { className: 'sync' }, this.form, this.status, this.result);
  }

  onLanguageChange(): void {
    if (this.urlProblem) this.urlError.textContent = t(this.urlProblem);
    if (this.busy) {
      this.status.textContent = t('federation.syncing', { url: this.url.input.value.trim() });
    } else if (this.last) {
      this.show(this.last);
    }
  }

  private async submit(): Promise<void> {
    if (this.busy) return;
    const url = this.url.input.value.trim();
    const problem = peerUrlProblem(url);
    if (problem) {
      this.setUrlProblem(problem);
      this.url.input.focus();
      return;
    }
    this.busy = true;
    this.last = null;
    this.url.input.readOnly = true;
    this.status.textContent = t('federation.syncing', { url });
    this.result.replaceChildren();
    try {
      await whileBusy(this.form, async () => {
        const outcome = await this.api
          .sync(url)
          .then((report: unknown): Outcome => {
            if (!isSyncReport(report)) {
              return {
                kind: 'error',
                error: new ApiError(200, 'bad_response', 'not a sync report'),
                url,
              };
            }
            return { kind: 'report', report };
          })
          .catch((error: unknown): Outcome => ({ kind: 'error', error, url }));
        this.last = outcome;
        this.show(outcome);
      });
    } finally {
      this.busy = false;
      this.url.input.readOnly = false;
    }
    // Pages before a failing one stay committed: the peers list may have moved either way.
    this.pulled();
  }

  private show(outcome: Outcome): void {
    if (outcome.kind === 'report') {
      this.status.textContent = t('federation.statusDone', { url: outcome.report.peer });
      this.result.replaceChildren(syncReport(outcome.report));
      return;
    }
    this.status.textContent = t('federation.statusFailed', { url: outcome.url });
    this.result.replaceChildren(syncError(outcome.error, outcome.url));
  }

  private setUrlProblem(problem: MessageKey | null): void {
    this.urlProblem = problem;
    this.urlError.hidden = problem === null;
    this.urlError.textContent = problem ? t(problem) : '';
    const input = this.url.input;
    if (problem) {
      input.setAttribute('aria-invalid', 'true');
      input.setAttribute('aria-describedby', 'sync-url-hint sync-url-error');
    } else {
      input.removeAttribute('aria-invalid');
      input.setAttribute('aria-describedby', 'sync-url-hint');
    }
  }
}

/** What a pull did: a sentence, then the counts of the report. */
function syncReport(report: SyncReport): HTMLElement {
  const lang = getLang();
  const summary = broughtNothing(report)
    ? t('federation.reportNothingNew', { url: report.peer })
    : t('federation.reportDone', { url: report.peer });
  return h(
    'div',
    { className: 'sync-report', testId: 'sync-report' },
    notice(summary, 'sync-summary'),
    h(
      'dl',
      { className: 'report-counts' },
      h(
        'div',
        {},
        h('dt', { text: t('federation.countPulled') }),
        h('dd', { text: formatNumber(report.pulled, lang), testId: 'sync-pulled' }),
      ),
      ...REPORT_COUNTS.map((name) =>
        h(
          'div',
          {},
          h('dt', { text: t(COUNT_LABELS[name]) }),
          h('dd', { text: formatNumber(report[name], lang), testId: `sync-${name}` }),
        ),
      ),
    ),
    h('p', { className: 'hint', text: t('federation.reportScheme', { scheme: report.scheme }) }),
  );
}

/** Why a pull failed, in words, then what the server said (it names the page and the item). */
function syncError(error: unknown, url: string): HTMLElement {
  const status = error instanceof ApiError ? error.status : -1;
  const box = alertBox(t(syncFailureKey(status), { url }), 'sync-error');
  if (error instanceof ApiError && error.status !== 0) {
    box.append(
      h('p', {
        className: 'error-detail',
        text: t('federation.serverSaid', { message: error.message }),
        testId: 'sync-error-detail',
      }),
    );
  } else if (!(error instanceof ApiError)) {
    box.append(h('p', { className: 'error-detail', text: errorDetail(error) }));
  }
  return box;
}
