// "Prepare in the background", on the report and network pages: queues a "report" or "analytics"
// job (POST /api/v1/jobs) with what the page shows, then names the job and links to the
// Background jobs page, where the file it makes will be to download. A job belongs to whoever
// started it, so visitors who are not signed in are asked to sign in instead.

import type { AnalysisRequest } from '../analysis_jobs';
import { ApiError, jobsApi } from '../api';
import { h } from '../dom';
import { t, type MessageKey } from '../i18n/i18n';
import { parseJob } from '../job_model';
import { obj } from '../json_read';
import { JOBS_HREF } from '../router';
import type { SessionStore } from '../session';
import { signInPrompt } from './access_notice';
import { apiRefusal } from './api_refusal';
import { notice, pageForm, submitButton, whileBusy } from './form_field';
import { panel } from './panel';

export interface BackgroundJobOptions {
  /** The prefix of the control's test ids ("report-job" gives "report-job-start"...). */
  id: string;
  /** What the job makes, said above the button. */
  intro: MessageKey;
  /** Fields of the job that the page does not have (the report's format), before the button. */
  fields?: readonly HTMLElement[];
  /** The job to queue, read from the page when the button is pressed. */
  request: () => AnalysisRequest;
  /** The page as it is now: where the sign-in page returns to. */
  here: () => string;
}

/** What the last press came to: the job queued (its id), or the refusal. */
type Outcome = { queued: string } | { error: unknown };

/**
 * The panel (element) of a page; the page forwards its session, language and route changes.
 * One request at a time: the button is disabled while it runs.
 */
export class BackgroundJob {
  readonly element: HTMLElement;
  private readonly body = h('div');
  private readonly result: HTMLElement;
  private outcome: Outcome | null = null;
  private destroyed = false;

  constructor(
    private readonly session: SessionStore,
    private readonly options: BackgroundJobOptions,
  ) {
    this.result = h('div', { testId: `${options.id}-result` });
    this.element = panel('background.title', `${options.id}-panel`, this.body);
    this.body.append(h('p', { className: 'status', i18n: 'status.loading' }));
    void this.session.ready().then(() => this.render());
  }

  /** Someone signed in or out: the control or the prompt, and no job of the previous session. */
  onSessionChange(): void {
    this.outcome = null;
    this.render();
  }

  /** The texts made with parameters (the page re-translates the others). */
  onLanguageChange(): void {
    this.showOutcome();
  }

  /** The page's route changed: the sign-in prompt returns to the new one. */
  onRouteChange(): void {
    if (!this.session.signedIn) this.render();
  }

  destroy(): void {
    this.destroyed = true;
  }

  private render(): void {
    if (this.destroyed) return;
    if (!this.session.signedIn) {
      this.body.replaceChildren(signInPrompt(this.options.here(), 'background.signIn'));
      return;
    }
    const { id, intro, fields = [] } = this.options;
    const form = pageForm(
      { className: 'inline-form', label: 'background.title', testId: id },
      () => void this.start(form),
      ...fields,
      submitButton('background.start', `${id}-start`),
    );
    this.body.replaceChildren(h('p', { i18n: intro }), form, this.result);
    this.showOutcome();
  }

  private async start(form: HTMLFormElement): Promise<void> {
    this.outcome = null;
    this.result.replaceChildren(notice(t('background.starting')));
    await whileBusy(form, async () => {
      try {
        const answer = await jobsApi.create(this.options.request());
        const job = parseJob(obj(answer).job);
        if (!job) throw new ApiError(202, 'bad_response', 'expected {"job": {...}}');
        this.outcome = { queued: job.id };
      } catch (error) {
        this.outcome = { error };
      }
    });
    if (!this.destroyed) this.showOutcome();
  }

  private showOutcome(): void {
    const outcome = this.outcome;
    if (outcome === null) {
      this.result.replaceChildren();
    } else if ('queued' in outcome) {
      this.result.replaceChildren(queuedNotice(outcome.queued, this.options.id));
    } else {
      const testId = `${this.options.id}-error`;
      this.result.replaceChildren(apiRefusal('background.failed', outcome.error, testId));
    }
  }
}

/** The job queued, named by its id, and the way to the jobs page, where its file will be. */
function queuedNotice(job: string, id: string): HTMLElement {
  const link = h('a', {
    i18n: 'background.queuedLink',
    attrs: { href: JOBS_HREF },
    testId: `${id}-jobs-link`,
  });
  return h(
    'div',
    {},
    notice(t('background.queued', { id: job }), `${id}-queued`),
    h('p', {}, link),
  );
}
