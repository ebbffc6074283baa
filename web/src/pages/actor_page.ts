// An actor's profile: the record, its relationships, and where its facts come from.

import { api } from '../api';
import { actorProfile, type ProfileLabels } from '../components/actor_profile';
import { errorMessage } from '../components/error_message';
import { h } from '../dom';
import { getLang, t } from '../i18n/i18n';
import { pageHref, type Route } from '../router';
import { SCHEMES, taxonomies } from '../taxonomy';
import type { Relationship } from '../types';
import type { Page } from './page';

export class ActorPage implements Page {
  readonly element: HTMLElement;
  private readonly body = h('div', { className: 'profile-body' });
  private readonly controller = new AbortController();
  private name = '';

  constructor(private readonly id: string) {
    this.element = h(
      'article',
      { className: 'page actor-page', testId: 'actor-page', attrs: { 'aria-busy': 'true' } },
      h(
        'nav',
        { className: 'breadcrumb', i18nAttrs: { 'aria-label': 'profile.breadcrumb' } },
        h('a', { i18n: 'profile.backToDirectory', attrs: { href: pageHref('directory') } }),
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

  destroy(): void {
    this.controller.abort();
  }

  private async load(): Promise<void> {
    const signal = this.controller.signal;
    try {
      const [actor, relationships, labels] = await Promise.all([
        api.actor(this.id, signal),
        api
          .relationships(this.id, signal)
          .then((r): Relationship[] | Error => r.items)
          .catch((e: unknown) => (e instanceof Error ? e : new Error(String(e)))),
        profileLabels(),
      ]);
      if (signal.aborted) return;
      this.name = actor.name;
      document.title = `${actor.name} · Ecosol`;
      this.body.replaceChildren(...actorProfile(actor, relationships, labels, errorMessage));
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
