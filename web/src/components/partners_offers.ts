// An actor's offers and wants (Murmurations offers_wants): the list, and for signed-in users a
// form to add one and buttons to delete and restore. The server decides who may edit the actor;
// its refusal (400, 403) is shown as it words it.

import { ApiError } from '../api';
import { h, option } from '../dom';
import { t, type MessageKey } from '../i18n/i18n';
import {
  assetsByBlock,
  offerWantBody,
  partnersApi,
  SCOPES,
  sortOffersWants,
  TRANSACTION_TYPES,
  type OfferWant,
} from '../partners';
import { BLOCK_IDS } from '../ecosystem_blocks';
import { signInHref } from '../router';
import type { SessionStore } from '../session';
import { errorMessage } from './error_message';
import { alertBox, inputField, notice, selectField, whileBusy } from './form_field';
import type { PartnerLabels } from './partners_labels';

const EXCHANGE_KEYS = { want: 'partners.want', offer: 'partners.offer' } as const;
const SCOPE_KEYS = {
  local: 'partners.scope.local',
  regional: 'partners.scope.regional',
  national: 'partners.scope.national',
  international: 'partners.scope.international',
} as const;
const TRANSACTION_KEYS = {
  'borrow-lend': 'partners.transaction.borrow-lend',
  'rent-lease': 'partners.transaction.rent-lease',
  'buy-sell': 'partners.transaction.buy-sell',
  'receive-donate': 'partners.transaction.receive-donate',
} as const;

const labelOf = <K extends string>(keys: Record<K, MessageKey>, id: string): string =>
  id in keys ? t(keys[id as K]) : id;

export class OffersPanel {
  readonly element: HTMLElement;
  private readonly list = h('div', { testId: 'offers-list' });
  private readonly status = h('div', { attrs: { 'aria-live': 'polite' }, testId: 'offers-status' });
  private readonly formArea = h('div');
  private readonly asset = h('select', {
    attrs: { id: 'offer-asset', name: 'asset_type' },
    testId: 'offer-asset',
  });
  private items: OfferWant[] = [];
  private controller: AbortController | null = null;

  constructor(
    readonly actor: string,
    private readonly session: SessionStore,
    private labels: PartnerLabels,
    private readonly onChanged: () => void,
  ) {
    this.element = h('div', { className: 'offers-panel' }, this.status, this.list, this.formArea);
    this.renderForm();
    void this.load();
  }

  /** New labels (the asset types have loaded, or the language changed): draw again. */
  relabel(labels: PartnerLabels): void {
    this.labels = labels;
    this.fillAssets();
    this.renderList();
  }

  onSessionChange(): void {
    this.renderForm();
    void this.load();
  }

  destroy(): void {
    this.controller?.abort();
  }

  /** Editors see deleted ones too (to restore them); others, or a refusal, the live ones. */
  private async load(): Promise<void> {
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    this.status.textContent = t('status.loading');
    try {
      let items: OfferWant[];
      try {
        items = await partnersApi.offersWants(this.actor, this.session.signedIn, controller.signal);
      } catch (error) {
        if (!(error instanceof ApiError) || (error.status !== 401 && error.status !== 403)) {
          throw error;
        }
        items = await partnersApi.offersWants(this.actor, false, controller.signal);
      }
      if (controller.signal.aborted) return;
      this.items = items;
      this.status.textContent = '';
      this.renderList();
    } catch (error) {
      if (controller.signal.aborted) return;
      this.status.replaceChildren(errorMessage(error));
    }
  }

  private renderList(): void {
    if (this.items.length === 0) {
      this.list.replaceChildren(h('p', { i18n: 'partners.offersNone', testId: 'offers-none' }));
      return;
    }
    this.list.replaceChildren(
      h(
        'ul',
        { className: 'offers-items' },
        ...sortOffersWants(this.items).map((o) => this.item(o)),
      ),
    );
  }

  private item(o: OfferWant): HTMLElement {
    const facts = [
      o.asset_type ? this.labels.asset(o.asset_type) : '',
      o.geographic_scope ? labelOf(SCOPE_KEYS, o.geographic_scope) : '',
      o.tags.length > 0 ? t('partners.tagsList', { tags: o.tags.join(', ') }) : '',
    ].filter((s) => s);
    return h(
      'li',
      {
        className: o.deleted ? 'offer-item deleted' : 'offer-item',
        attrs: { 'data-id': o.id, 'data-exchange': o.exchange_type },
        testId: 'offer-item',
      },
      h(
        'p',
        { className: 'offer-title' },
        h('span', { className: 'badge', text: labelOf(EXCHANGE_KEYS, o.exchange_type) }),
        ' ',
        h('strong', { text: o.title, testId: 'offer-title-text' }),
        o.deleted ? h('span', { className: 'badge', text: ` ${t('partners.deleted')}` }) : null,
      ),
      facts.length > 0 ? h('p', { className: 'hint', text: facts.join(' · ') }) : null,
      o.description ? h('p', { text: o.description }) : null,
      this.session.signedIn ? this.itemButton(o) : null,
    );
  }

  private itemButton(o: OfferWant): HTMLButtonElement {
    const button = h('button', {
      text: t(o.deleted ? 'partners.restore' : 'partners.delete'),
      attrs: {
        type: 'button',
        'aria-label': t(o.deleted ? 'partners.restoreOf' : 'partners.deleteOf', { title: o.title }),
      },
      testId: o.deleted ? 'offer-restore' : 'offer-delete',
    });
    button.addEventListener('click', () => void this.setDeleted(o, !o.deleted, button));
    return button;
  }

  private async setDeleted(o: OfferWant, deleted: boolean, button: HTMLButtonElement) {
    button.disabled = true;
    try {
      const state = deleted ? await partnersApi.remove(o.id) : await partnersApi.restore(o.id);
      o.deleted = state.deleted;
      this.status.replaceChildren(
        notice(t(deleted ? 'partners.deletedDone' : 'partners.restoredDone'), 'offers-done'),
      );
      this.renderList();
      this.onChanged();
    } catch (error) {
      button.disabled = false;
      this.status.replaceChildren(errorMessage(error));
    }
  }

  private fillAssets(): void {
    const value = this.asset.value;
    const groups = assetsByBlock(this.labels.assetTypes, BLOCK_IDS).map((g) =>
      h(
        'optgroup',
        { attrs: { label: this.labels.block(g.block) } },
        ...g.assets.map((a) => option(a.id, { text: this.labels.asset(a.id) })),
      ),
    );
    this.asset.replaceChildren(option('', { i18n: 'partners.assetNone' }), ...groups);
    this.asset.value = value;
  }

  private renderForm(): void {
    if (!this.session.signedIn) {
      const next = `#/partners?${new URLSearchParams({ actor: this.actor }).toString()}`;
      this.formArea.replaceChildren(
        h(
          'p',
          {},
          h('a', {
            i18n: 'partners.addSignIn',
            attrs: { href: signInHref(next) },
            testId: 'offer-signin',
          }),
        ),
      );
      return;
    }
    this.fillAssets();
    this.formArea.replaceChildren(h('h3', { i18n: 'partners.addTitle' }), this.form());
  }

  private form(): HTMLFormElement {
    const exchange = selectField({
      id: 'offer-exchange',
      label: 'partners.form.exchange',
      choices: [
        ['want', 'partners.want'],
        ['offer', 'partners.offer'],
      ],
      value: 'want',
      testId: 'offer-exchange',
    });
    const title = inputField({
      id: 'offer-title',
      label: 'partners.form.title',
      required: true,
      attrs: { maxlength: 200 },
      testId: 'offer-title',
    });
    const description = h('textarea', {
      attrs: { id: 'offer-description', name: 'description', required: true, rows: 3 },
      testId: 'offer-description',
    });
    const tags = inputField({
      id: 'offer-tags',
      label: 'partners.form.tags',
      hint: 'partners.form.tagsHint',
      testId: 'offer-tags',
    });
    const scope = selectField({
      id: 'offer-scope',
      label: 'partners.form.scope',
      choices: SCOPES.map((s) => [s, SCOPE_KEYS[s]] as const),
      value: 'regional',
      testId: 'offer-scope',
    });
    const email = inputField({
      id: 'offer-email',
      label: 'partners.form.email',
      type: 'email',
      required: true,
      autocomplete: 'email',
      value: this.session.current?.user?.email ?? '',
      testId: 'offer-email',
    });
    const transactions = TRANSACTION_TYPES.map((tt) =>
      h('input', { attrs: { type: 'checkbox', id: `offer-tt-${tt}`, value: tt } }),
    );
    const transactionLabels = TRANSACTION_TYPES.map((tt, i) =>
      h('label', {}, transactions[i], ' ', h('span', { i18n: TRANSACTION_KEYS[tt] })),
    );
    const messages = h('div', { className: 'form-messages', testId: 'offer-form-status' });
    const form = h(
      'form',
      {
        className: 'offer-form',
        i18nAttrs: { 'aria-label': 'partners.addTitle' },
        testId: 'offer-form',
      },
      exchange.field,
      title.field,
      h(
        'div',
        { className: 'form-field' },
        h('label', { i18n: 'partners.form.description', attrs: { for: 'offer-description' } }),
        description,
      ),
      h(
        'div',
        { className: 'form-field' },
        h('label', { i18n: 'partners.form.asset', attrs: { for: 'offer-asset' } }),
        this.asset,
      ),
      tags.field,
      h(
        'fieldset',
        { className: 'offer-transactions', testId: 'offer-transactions' },
        h('legend', { i18n: 'partners.form.transactions' }),
        ...transactionLabels,
      ),
      scope.field,
      email.field,
      h('button', {
        i18n: 'partners.form.submit',
        attrs: { type: 'submit' },
        testId: 'offer-submit',
      }),
      messages,
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const draft = {
        exchange_type: exchange.select.value,
        title: title.input.value,
        description: description.value,
        asset_type: this.asset.value,
        tags: tags.input.value,
        transaction_types: transactions.filter((b) => b.checked).map((b) => b.value),
        geographic_scope: scope.select.value,
        email: email.input.value,
      };
      const checked = offerWantBody(draft);
      if (checked.error) {
        messages.replaceChildren(alertBox(t(checked.error)));
        return;
      }
      void whileBusy(form, async () => {
        try {
          const saved = await partnersApi.add(this.actor, checked.body);
          messages.replaceChildren(
            notice(t('partners.form.saved', { title: saved.title }), 'offer-saved'),
          );
          title.input.value = '';
          description.value = '';
          tags.input.value = '';
          await this.load();
          this.onChanged();
        } catch (error) {
          messages.replaceChildren(errorMessage(error));
        }
      });
    });
    return form;
  }
}
