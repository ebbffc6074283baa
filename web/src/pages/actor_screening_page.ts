// An actor's screening (#/actors/{id}/screening): the latest assessment under each framework,
// principle by principle; the history with what changed; and, for those who may assess the actor,
// its statutes with the evidence highlighted, a "Screen now" button and the profile form.

import { api, screeningApi } from '../api';
import { errorDetail, errorMessage } from '../components/error_message';
import { alertBox, notice } from '../components/form_field';
import { historyList } from '../components/history_list';
import { ProfileEditor } from '../components/profile_editor';
import { screeningResultView, type FactNames } from '../components/screening_result';
import { statutesView } from '../components/statutes_view';
import { h } from '../dom';
import { formatDate } from '../format';
import { getLang, t, type MessageKey } from '../i18n/i18n';
import { actorHref, type Route } from '../router';
import type { SessionStore } from '../session';
import { factLabels } from '../screening/facts';
import { loadFacts } from '../screening/load';
import { sliceBytes } from '../screening/utf8';
import type { ActorProfile, Assessment, FactSpec, ScreeningHistory } from '../screening/types';
import type { Page } from './page';

interface Loaded {
  name: string;
  history: ScreeningHistory;
  facts: FactSpec[];
  profile: ActorProfile | null;
}

export class ActorScreeningPage implements Page {
  readonly element: HTMLElement;
  private readonly heading = h('h1', {
    i18n: 'actorScreening.title',
    attrs: { tabindex: -1 },
    testId: 'screening-title',
  });
  private readonly messages = h('div', {
    className: 'form-messages',
    testId: 'screening-messages',
  });
  private readonly body = h('div');
  private readonly controller = new AbortController();
  private loaded: Loaded | null = null;
  private loadedAs: string | null = null;

  constructor(
    private readonly id: string,
    private readonly session: SessionStore,
  ) {
    this.element = h(
      'article',
      {
        className: 'page actor-screening-page',
        testId: 'actor-screening-page',
        attrs: { 'aria-busy': 'true' },
      },
      h(
        'nav',
        { className: 'breadcrumb', i18nAttrs: { 'aria-label': 'profile.breadcrumb' } },
        h('a', { i18n: 'actorScreening.back', attrs: { href: actorHref(id) } }),
      ),
      this.heading,
      this.messages,
      this.body,
    );
    this.body.append(h('p', { className: 'status', i18n: 'status.loading' }));
    void this.load();
  }

  title(): string {
    return this.loaded
      ? t('actorScreening.titleOf', { name: this.loaded.name })
      : t('actorScreening.title');
  }

  update(route: Route): boolean {
    return route.page === 'actor_screening' && route.id === this.id;
  }

  /** The stored texts come localised by the server: ask again in the new language. */
  onLanguageChange(): void {
    void this.load();
  }

  onSessionChange(): void {
    if (this.loadedAs !== null && this.loadedAs !== (this.session.current?.who ?? ''))
      void this.load();
  }

  destroy(): void {
    this.controller.abort();
  }

  private async load(): Promise<void> {
    const signal = this.controller.signal;
    this.element.setAttribute('aria-busy', 'true');
    try {
      await this.session.ready();
      this.loadedAs = this.session.current?.who ?? '';
      const [actor, history, facts] = await Promise.all([
        api.actor(this.id, signal),
        screeningApi.history(this.id, getLang(), signal),
        loadFacts().catch(() => [] as FactSpec[]),
      ]);
      const profile = history.can_assess ? await screeningApi.profile(this.id, signal) : null;
      if (signal.aborted) return;
      this.loaded = { name: actor.name, history, facts, profile };
      this.show(this.loaded);
    } catch (error) {
      if (signal.aborted) return;
      this.body.replaceChildren(errorMessage(error));
    } finally {
      this.element.removeAttribute('aria-busy');
    }
  }

  private show(loaded: Loaded): void {
    this.heading.removeAttribute('data-i18n');
    this.heading.textContent = this.title();
    document.title = `${this.title()} · Ecosol`;
    const { history, profile } = loaded;
    const names = factNames(loaded.facts, profile?.statutes?.text);
    this.body.replaceChildren(
      ...(history.can_assess ? [this.tools()] : []),
      section('actorScreening.latest', 'latest', latest(history.items, names, history.can_assess)),
      ...(profile?.statutes
        ? [section('actorScreening.statutes', 'statutes', this.statutes(profile))]
        : []),
      section('actorScreening.history', 'history', historyList(history.items)),
      ...(profile
        ? [section('actorScreening.profile', 'profile', this.editor(profile, loaded.facts))]
        : []),
    );
  }

  private tools(): HTMLElement {
    const button = h('button', {
      i18n: 'actorScreening.screenNow',
      attrs: { type: 'button' },
      testId: 'screen-now',
    });
    button.addEventListener('click', () => void this.screenNow(button));
    return h('div', { className: 'form-actions' }, button);
  }

  private statutes(profile: ActorProfile): HTMLElement {
    const s = profile.statutes;
    if (!s) return h('p', { i18n: 'actorScreening.noStatutes' });
    return h(
      'div',
      {},
      h('p', { className: 'hint', text: t('actorScreening.statutesIntro', { name: s.name }) }),
      statutesView(s.text, s.clauses),
    );
  }

  private editor(profile: ActorProfile, facts: FactSpec[]): HTMLElement {
    const editor = new ProfileEditor(profile, facts, (saved) => {
      void this.load().then(() => {
        this.messages.replaceChildren(
          notice(t('actorScreening.profileSaved', { version: saved.version }), 'profile-saved'),
        );
        this.heading.focus();
      });
    });
    return editor.element;
  }

  private async screenNow(button: HTMLButtonElement): Promise<void> {
    button.disabled = true;
    this.messages.replaceChildren(
      h('p', { className: 'status', i18n: 'actorScreening.screening' }),
    );
    try {
      const out = await screeningApi.screenActor(this.id, { lang: getLang() });
      await this.load();
      this.messages.replaceChildren(
        notice(t('actorScreening.screened', { n: out.assessments.length }), 'screened'),
      );
    } catch (error) {
      this.messages.replaceChildren(alertBox(errorDetail(error), 'screen-error'));
    } finally {
      button.disabled = false;
    }
  }
}

function factNames(facts: FactSpec[], statutes: string | undefined): FactNames {
  const byPath = new Map(facts.map((f) => [f.path, f]));
  return {
    label: factLabels(facts),
    spec: (path) => byPath.get(path),
    quote: (span) => (statutes ? sliceBytes(statutes, span.start, span.end) : undefined),
  };
}

function section(title: MessageKey, id: string, content: Node): HTMLElement {
  return h(
    'section',
    {
      className: 'profile-section',
      attrs: { 'aria-labelledby': `screening-${id}` },
      testId: `screening-${id}`,
    },
    h('h2', { i18n: title, attrs: { id: `screening-${id}` } }),
    content,
  );
}

/** The newest assessment under each framework, in the order frameworks were first assessed. */
function latest(items: readonly Assessment[], names: FactNames, canAssess: boolean): HTMLElement {
  const byFramework = new Map<string, Assessment>();
  for (const item of items) byFramework.set(item.framework, item);
  if (byFramework.size === 0)
    return h('p', { i18n: 'actorScreening.none', testId: 'no-assessment' });
  return h(
    'div',
    {},
    !canAssess && h('p', { className: 'hint', i18n: 'actorScreening.valuesHidden' }),
    ...[...byFramework.values()].map((item) =>
      h(
        'div',
        { className: 'latest-assessment' },
        h('p', {
          className: 'hint',
          text: t('history.meta', {
            date: formatDate(item.date, getLang()),
            who: item.who,
            version: item.framework_version,
            profile: item.profile_version,
          }),
        }),
        screeningResultView(item.result, names),
      ),
    ),
  );
}
