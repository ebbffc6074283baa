// Following searches of the knowledge commons, on the search page: "Follow this search" (a name,
// and the current words and filters saved as a watch by POST /knowledge/watches) and "My
// watches" (each with the search it follows, its Atom feed and a delete button), for signed-in
// users; a reader who is not signed in is shown the way to sign in. The feed of the current
// search itself is offered to everyone by the page.

import { h } from '../dom';
import { getLang, t } from '../i18n/i18n';
import { knowledgeApi } from '../knowledge_api';
import { facetValueLabel } from '../knowledge_labels';
import { activeFilters, knowledgeHref, type KnowledgeQuery } from '../knowledge_query';
import { canFollow, watchFeedUrl, type Watch } from '../knowledge_watch';
import { signInHref } from '../router';
import type { SessionStore } from '../session';
import { apiRefusal } from './api_refusal';
import { errorMessage } from './error_message';
import { notice, pageForm, submitButton, whileBusy } from './form_field';

/** The words and filters of a search in words: "rickshaw · SDG 5 · India". */
export function searchWords(query: KnowledgeQuery, lang: string): string {
  const parts = [
    query.q,
    ...activeFilters(query).map((f) => facetValueLabel(f.facet, f.value, lang)),
  ].filter(Boolean);
  return parts.join(' · ');
}

export class WatchPanel {
  /** The follow form, shown under the search form. */
  readonly follow = h('div', { className: 'knowledge-follow', testId: 'knowledge-follow' });
  /** The list of the reader's watches. */
  readonly list = h('div', { attrs: { 'aria-live': 'polite' }, testId: 'knowledge-watches' });
  private readonly name = h('input', {
    attrs: { id: 'knowledge-watch-name', name: 'name', type: 'text', maxlength: 200 },
    testId: 'knowledge-watch-name',
  });
  private readonly followResult = h('div', { attrs: { 'aria-live': 'polite' } });
  private readonly form: HTMLFormElement;
  private watches: Watch[] | null = null;
  private controller: AbortController | null = null;

  constructor(
    private readonly session: SessionStore,
    private query: KnowledgeQuery,
    private readonly signInNext: () => string,
  ) {
    this.form = pageForm(
      {
        className: 'knowledge-form',
        label: 'knowledge.watch.follow',
        testId: 'knowledge-watch-form',
      },
      () => void this.save(),
      h('label', { i18n: 'knowledge.watch.name', attrs: { for: this.name.id } }),
      this.name,
      submitButton('knowledge.watch.follow', 'knowledge-watch-save'),
    );
    this.render();
  }

  /** The search changed: what "Follow" saves changes with it. */
  setQuery(query: KnowledgeQuery): void {
    this.query = query;
    this.renderFollow();
  }

  /** Draws both parts again and, for a signed-in reader, asks for their watches. */
  render(): void {
    this.renderFollow();
    this.controller?.abort();
    this.watches = null;
    if (!this.session.signedIn) {
      this.list.replaceChildren(h('p', { className: 'hint', i18n: 'knowledge.watch.signInList' }));
      return;
    }
    void this.load();
  }

  /** Redraws in the current language without asking again. */
  onLanguageChange(): void {
    this.renderFollow();
    if (this.watches) this.renderList(this.watches);
  }

  destroy(): void {
    this.controller?.abort();
  }

  private renderFollow(): void {
    if (!this.session.signedIn) {
      this.follow.replaceChildren(
        h('a', {
          i18n: 'knowledge.watch.signIn',
          attrs: { href: signInHref(this.signInNext()) },
          testId: 'knowledge-watch-signin',
        }),
      );
      return;
    }
    if (!canFollow(this.query)) {
      this.follow.replaceChildren(
        h('p', {
          className: 'hint',
          i18n: 'knowledge.watch.nothing',
          testId: 'knowledge-watch-nothing',
        }),
        this.followResult,
      );
      return;
    }
    // A watch left unnamed is named after what it follows.
    this.name.placeholder = searchWords(this.query, getLang());
    this.follow.replaceChildren(this.form, this.followResult);
  }

  private async load(): Promise<void> {
    const controller = new AbortController();
    this.controller = controller;
    this.list.textContent = t('status.loading');
    try {
      const watches = await knowledgeApi.watches(controller.signal);
      if (controller.signal.aborted) return;
      this.renderList(watches);
    } catch (error) {
      if (controller.signal.aborted) return;
      this.list.replaceChildren(errorMessage(error));
    }
  }

  private renderList(watches: Watch[]): void {
    this.watches = watches;
    if (watches.length === 0) {
      this.list.replaceChildren(
        h('p', { className: 'hint', i18n: 'knowledge.watch.none', testId: 'knowledge-no-watches' }),
      );
      return;
    }
    const lang = getLang();
    this.list.replaceChildren(
      h('ul', { className: 'knowledge-watch-list' }, ...watches.map((w) => this.item(w, lang))),
    );
  }

  private item(watch: Watch, lang: string): HTMLLIElement {
    const name = watch.name || watch.id;
    return h(
      'li',
      { attrs: { 'data-watch': watch.id }, testId: 'knowledge-watch' },
      h('a', {
        text: name,
        attrs: { href: knowledgeHref(watch.query) },
        testId: 'knowledge-watch-search',
      }),
      h('span', {
        className: 'knowledge-result-facts',
        text: ` ${searchWords(watch.query, lang)}`,
      }),
      ' ',
      h('a', {
        i18n: 'knowledge.watch.feed',
        attrs: {
          href: watchFeedUrl(watch.id, lang),
          type: 'application/atom+xml',
          'aria-label': t('knowledge.watch.feedOf', { name }),
        },
        testId: 'knowledge-watch-feed',
      }),
      ' ',
      h('button', {
        i18n: 'knowledge.watch.delete',
        attrs: { type: 'button', 'aria-label': t('knowledge.watch.deleteOf', { name }) },
        testId: 'knowledge-watch-delete',
        on: { click: (event) => void this.remove(watch, event.currentTarget as HTMLButtonElement) },
      }),
    );
  }

  private async save(): Promise<void> {
    const name = this.name.value.trim() || searchWords(this.query, getLang());
    await whileBusy(this.form, async () => {
      try {
        const watch = await knowledgeApi.follow(name, this.query);
        this.name.value = '';
        this.followResult.replaceChildren(
          notice(t('knowledge.watch.saved', { name: watch.name || name }), 'knowledge-watch-saved'),
        );
        this.renderList([...(this.watches ?? []), watch]);
      } catch (error) {
        this.followResult.replaceChildren(
          apiRefusal('knowledge.watch.errorTitle', error, 'knowledge-watch-error'),
        );
      }
    });
  }

  private async remove(watch: Watch, button: HTMLButtonElement): Promise<void> {
    button.disabled = true;
    try {
      await knowledgeApi.unfollow(watch.id);
      this.renderList((this.watches ?? []).filter((w) => w.id !== watch.id));
      this.followResult.replaceChildren(
        notice(
          t('knowledge.watch.deleted', { name: watch.name || watch.id }),
          'knowledge-watch-deleted',
        ),
      );
    } catch (error) {
      button.disabled = false;
      this.followResult.replaceChildren(
        apiRefusal('knowledge.watch.deleteError', error, 'knowledge-watch-error'),
      );
    }
  }
}
