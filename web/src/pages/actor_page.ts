// An actor's profile: the record, its relationships, and where its facts come from; a link to edit
// it for those GET /actors/{id}/access allows.

import { api, qualityApi } from '../api';
import { actorProfile, type ProfileLabels } from '../components/actor_profile';
import { section } from '../components/definition_list';
import { errorMessage } from '../components/error_message';
import { indicatorTables } from '../components/indicator_table';
import { h } from '../dom';
import { formatDate } from '../format';
import { getLang, t, type MessageKey } from '../i18n/i18n';
import {
  actorEditHref,
  actorScreeningHref,
  financeOrganisationHref,
  pageHref,
  type Route,
} from '../router';
import type { SessionStore } from '../session';
import { SCHEMES, taxonomies } from '../taxonomy';
import type { Actor, Indicator, Relationship, Visibility } from '../types';
import type { Page } from './page';

const VISIBILITY_NOTES: Partial<Record<Visibility, MessageKey>> = {
  network: 'profile.visibleToNetwork',
  private: 'profile.visibleToCurators',
};

export class ActorPage implements Page {
  readonly element: HTMLElement;
  private readonly body = h('div', { className: 'profile-body' });
  private readonly tools = h('div', { className: 'profile-tools' });
  private readonly controller = new AbortController();
  private name = '';
  /** Who the record was last asked for as ("" anonymous), once the session is known. */
  private loadedAs: string | null = null;

  constructor(
    private readonly id: string,
    private readonly session: SessionStore,
  ) {
    this.element = h(
      'article',
      { className: 'page actor-page', testId: 'actor-page', attrs: { 'aria-busy': 'true' } },
      h(
        'div',
        { className: 'profile-top' },
        h(
          'nav',
          { className: 'breadcrumb', i18nAttrs: { 'aria-label': 'profile.breadcrumb' } },
          h('a', { i18n: 'profile.backToDirectory', attrs: { href: pageHref('directory') } }),
        ),
        this.tools,
      ),
      this.body,
    );
    this.body.append(h('p', { className: 'status', i18n: 'status.loading' }));
    void this.load();
  }

  title(): string {
    return this.name || t('profile.title');
  }

  update(route: Route): boolean {
    return route.page === 'actor' && route.id === this.id;
  }

  /** Someone signed in or out: the record (restricted fields) and the edit link may differ. */
  onSessionChange(): void {
    if (this.loadedAs !== null && this.loadedAs !== (this.session.current?.who ?? '')) {
      void this.load();
    }
  }

  destroy(): void {
    this.controller.abort();
  }

  /** The screening link for everyone; the edit link when the signed-in caller may edit. */
  private async showTools(): Promise<void> {
    const screening = h('a', {
      className: 'button-link secondary',
      i18n: 'actorScreening.link',
      attrs: { href: actorScreeningHref(this.id) },
      testId: 'screening-link',
    });
    const finance = h('a', {
      className: 'button-link secondary',
      i18n: 'finance.organisation.link',
      attrs: { href: financeOrganisationHref(this.id) },
      testId: 'finance-link',
    });
    this.tools.replaceChildren(screening, finance);
    if (!this.session.signedIn) return;
    const access = await api.actorAccess(this.id, this.controller.signal).catch(() => null);
    if (!access?.can_edit) return;
    this.tools.replaceChildren(
      screening,
      finance,
      h('a', {
        className: 'button-link',
        i18n: 'profile.edit',
        attrs: { href: actorEditHref(this.id) },
        testId: 'edit-actor-link',
      }),
      confirmButton(this.id),
    );
  }

  private async load(): Promise<void> {
    const signal = this.controller.signal;
    try {
      // Asked as the signed-in user (the cookie), so wait until the page knows who that is.
      await this.session.ready();
      this.loadedAs = this.session.current?.who ?? '';
      const [actor, relationships, indicators, labels] = await Promise.all([
        api.actor(this.id, signal),
        api
          .relationships(this.id, signal)
          .then((r): Relationship[] | Error => r.items)
          .catch((e: unknown) => (e instanceof Error ? e : new Error(String(e)))),
        api
          .indicators(this.id, signal)
          .then((r): Indicator[] | Error => r.items)
          .catch((e: unknown) => (e instanceof Error ? e : new Error(String(e)))),
        profileLabels(),
      ]);
      if (signal.aborted) return;
      this.name = actor.name;
      document.title = `${actor.name} · Ecosol`;
      this.body.replaceChildren(
        ...visibilityNote(actor),
        ...withIndicators(actorProfile(actor, relationships, labels, errorMessage), indicators),
      );
      void this.showTools();
    } catch (error) {
      if (signal.aborted) return;
      this.body.replaceChildren(
        h('h1', { i18n: 'profile.title', attrs: { tabindex: -1 } }),
        errorMessage(error),
      );
    } finally {
      this.element.removeAttribute('aria-busy');
    }
  }
}

/**
 * The profile's sections with the figures by year after the relationships (left out when the
 * actor has none; an error when they could not be loaded).
 */
function withIndicators(sections: HTMLElement[], indicators: Indicator[] | Error): HTMLElement[] {
  const content =
    indicators instanceof Error ? errorMessage(indicators) : indicatorTables(indicators, getLang());
  const figures = section('profile.indicators', content, 'profile-indicators');
  if (!figures) return sections;
  const after = sections.findIndex((el) => el.dataset.testid === 'profile-relationships');
  const at = after < 0 ? sections.length : after + 1;
  return [...sections.slice(0, at), figures, ...sections.slice(at)];
}

/** "Confirm these data are up to date" (docs/quality.md), with its outcome read out. */
function confirmButton(id: string): HTMLElement {
  const outcome = h('span', { attrs: { 'aria-live': 'polite' }, testId: 'confirm-outcome' });
  const button = h('button', {
    className: 'secondary',
    i18n: 'profile.confirm',
    attrs: { type: 'button' },
    testId: 'confirm-actor',
  });
  button.addEventListener('click', () => {
    button.disabled = true;
    qualityApi
      .confirm(id)
      .then((actor) => {
        const date = actor.attributes?.['last_confirmed'] ?? '';
        outcome.replaceChildren(t('profile.confirmed', { date: formatDate(date, getLang()) }));
      })
      .catch((error: unknown) => outcome.replaceChildren(errorMessage(error)))
      .finally(() => {
        button.disabled = false;
      });
  });
  return h('span', { className: 'confirm-tool' }, button, outcome);
}

/** Says who can see a record that is not public (only its network or its curators see it). */
function visibilityNote(actor: Actor): HTMLElement[] {
  const key = actor.visibility ? VISIBILITY_NOTES[actor.visibility] : undefined;
  return key
    ? [h('p', { className: 'visibility-note', i18n: key, testId: 'visibility-note' })]
    : [];
}

async function profileLabels(): Promise<ProfileLabels> {
  const lang = getLang();
  const load = (scheme: string) => taxonomies.labelsOrEmpty(scheme, lang);
  const [activities, structures, membership, qualifiers, countries] = await Promise.all([
    load(SCHEMES.activities),
    load(SCHEMES.structures),
    load(SCHEMES.membership),
    load(SCHEMES.qualifiers),
    load(SCHEMES.countries),
  ]);
  return { activities, structures, membership, qualifiers, countries };
}
