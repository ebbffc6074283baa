// Suppliers for a tender (#/suppliers): a public buyer describes a tender (buyer, title,
// reference, date, activities, territory, reservation and duration) and gets the SSE suppliers of
// POST /api/v1/ecosystem/suppliers with their verdicts and the evidence per condition. Signed-in
// users who may edit the buyer record an award (POST /ecosystem/awards) from the list. Texts come
// in the four languages, so a language change redraws without a new request.

import '../styles/screening.css';
import '../styles/suppliers.css';
import { api } from '../api';
import { apiRefusal } from '../components/api_refusal';
import {
  labelledControl,
  pageForm,
  statusLine,
  submitButton,
  suggestActors,
} from '../components/form_field';
import { suppliersView } from '../components/suppliers_results';
import { panel } from '../components/panel';
import { h, option } from '../dom';
import { t, translateTree } from '../i18n/i18n';
import type { Route } from '../router';
import type { SessionStore } from '../session';
import {
  defaultAwardDate,
  RESERVATIONS,
  suppliersApi,
  tenderOf,
  type AwardRecord,
  type Supplier,
  type SupplierReport,
  type Tender,
} from '../suppliers';
import { territoryDatalist } from './ecosystem_page';
import type { Page } from './page';

const today = (): string => new Date().toISOString().slice(0, 10);

function input(name: string, attrs: Record<string, string | number | boolean> = {}) {
  return h('input', {
    attrs: { id: `tender-${name}`, name, ...attrs },
    testId: `tender-${name}`,
  });
}

/** What happened to an award asked from this page, kept across redraws. */
type AwardOutcome = { busy: true } | { record: AwardRecord } | { error: unknown };

export class SuppliersPage implements Page {
  readonly element: HTMLElement;
  private readonly buyer = input('buyer', { list: 'tender-buyers', required: true });
  private readonly buyers = h('datalist', { attrs: { id: 'tender-buyers' } });
  private readonly titleInput = input('title', { required: true });
  private readonly reference = input('reference');
  private readonly date = input('date', { type: 'date', required: true });
  private readonly activities = input('activities', { required: true });
  private readonly territory = input('territory', { list: 'tender-territories', required: true });
  private readonly reservation = h('select', {
    attrs: { id: 'tender-reservation', name: 'reservation' },
    testId: 'tender-reservation',
  });
  private readonly maxDuration = input('max-duration', { type: 'number', min: 0, step: 'any' });
  private readonly awardDate = input('award-date', { type: 'date' });
  private readonly status = statusLine('suppliers-status', 'div');
  private readonly results = h('div');
  private readonly awardArea = h('div', { testId: 'award-area' });
  private readonly resultsPanel: HTMLElement;
  private report: SupplierReport | null = null;
  /** The tender `report` answers, as sent: an award names it again. */
  private tender: Tender | null = null;
  private canAward = false;
  private readonly awards = new Map<string, AwardOutcome>();
  private readonly controls = new Map<string, { button: HTMLButtonElement; result: HTMLElement }>();
  private controller: AbortController | null = null;
  private readonly stopSuggestions: () => void;

  constructor(
    _route: Route,
    private readonly session: SessionStore,
  ) {
    this.date.value = today();
    this.fillReservations();
    this.resultsPanel = panel(
      'suppliers.resultsTitle',
      'suppliers-results-panel',
      this.status,
      this.awardArea,
      this.results,
    );
    this.element = h(
      'section',
      { className: 'page suppliers-page', testId: 'suppliers-page' },
      h('h1', { i18n: 'suppliers.title', attrs: { tabindex: -1 } }),
      h('p', { i18n: 'suppliers.intro' }),
      this.form(),
      this.resultsPanel,
    );
    this.status.textContent = t('suppliers.describe');
    // Buyers are public bodies: only those are suggested.
    this.stopSuggestions = suggestActors(this.buyer, this.buyers, { kind: 'public_body' });
  }

  title(): string {
    return t('suppliers.title');
  }

  update(route: Route): boolean {
    return route.page === 'suppliers';
  }

  onLanguageChange(): void {
    translateTree(this.element);
    this.fillReservations();
    if (!this.report && !this.status.querySelector('[role="alert"]')) {
      this.status.textContent = t('suppliers.describe');
    }
    this.render();
  }

  onSessionChange(): void {
    void this.checkAwardRight();
  }

  destroy(): void {
    this.controller?.abort();
    this.stopSuggestions();
  }

  private form(): HTMLFormElement {
    return pageForm(
      { className: 'suppliers-form', label: 'suppliers.pick', testId: 'tender-form' },
      () => void this.find(),
      labelledControl('suppliers.buyer', this.buyer, 'suppliers.buyerHint'),
      this.buyers,
      labelledControl('suppliers.tenderTitle', this.titleInput),
      labelledControl('suppliers.reference', this.reference),
      labelledControl('suppliers.date', this.date),
      labelledControl('suppliers.activities', this.activities, 'suppliers.activitiesHint'),
      labelledControl('suppliers.territory', this.territory, 'suppliers.territoryHint'),
      territoryDatalist('tender-territories'),
      labelledControl('suppliers.reservation', this.reservation),
      labelledControl('suppliers.maxDuration', this.maxDuration, 'suppliers.maxDurationHint'),
      submitButton('suppliers.submit', 'tender-submit'),
    );
  }

  private fillReservations(): void {
    const chosen = this.reservation.value;
    this.reservation.replaceChildren(
      option('', { i18n: 'suppliers.reservation.none' }),
      ...RESERVATIONS.map((r) => option(r, { text: t(`suppliers.reservation.${r}`) })),
    );
    this.reservation.value = chosen;
  }

  private async find(): Promise<void> {
    const tender = tenderOf({
      buyer: this.buyer.value,
      title: this.titleInput.value,
      reference: this.reference.value,
      date: this.date.value,
      activities: this.activities.value,
      territory: this.territory.value,
      reservation: this.reservation.value,
      maxDuration: this.maxDuration.value,
    });
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    this.report = null;
    this.tender = null;
    this.awards.clear();
    this.render();
    this.resultsPanel.setAttribute('aria-busy', 'true');
    this.status.textContent = t('status.loading');
    try {
      const report = await suppliersApi.find(tender, controller.signal);
      if (controller.signal.aborted) return;
      this.report = report;
      this.tender = tender;
      this.awardDate.value = defaultAwardDate(tender.date, today());
      this.status.textContent = '';
      await this.checkAwardRight();
    } catch (error) {
      if (controller.signal.aborted) return;
      this.status.replaceChildren(apiRefusal('suppliers.errorTitle', error));
    } finally {
      if (this.controller === controller) this.resultsPanel.removeAttribute('aria-busy');
    }
  }

  /** Awards need the right to edit the buyer: asked of the API for the signed-in reader. */
  private async checkAwardRight(): Promise<void> {
    const buyer = this.report?.buyer.id ?? '';
    let can = false;
    if (buyer && this.session.signedIn) {
      const access = await api.actorAccess(buyer).catch(() => null);
      can = access?.can_edit === true;
    }
    if (this.report?.buyer.id !== buyer) return;
    this.canAward = can;
    this.render();
  }

  private render(): void {
    this.controls.clear();
    this.results.replaceChildren(
      this.report ? suppliersView(this.report, (s) => this.awardControl(s)) : '',
    );
    this.renderAwardArea();
  }

  private renderAwardArea(): void {
    if (!this.report || this.report.suppliers.length === 0) {
      this.awardArea.replaceChildren();
      return;
    }
    if (!this.canAward) {
      const key = this.session.signedIn ? 'suppliers.awardNoRight' : 'suppliers.awardSignIn';
      this.awardArea.replaceChildren(
        h('p', { className: 'hint', i18n: key, testId: 'award-note' }),
      );
      return;
    }
    this.awardArea.replaceChildren(
      labelledControl('suppliers.awardDate', this.awardDate, 'suppliers.awardDateHint'),
    );
  }

  /** The award button of a supplier and what came of it; kept, so focus stays on the button. */
  private awardControl(supplier: Supplier): HTMLElement | null {
    if (!this.canAward) return null;
    const id = supplier.actor.id;
    const button = h('button', {
      text: t('suppliers.award'),
      attrs: {
        type: 'button',
        'aria-label': t('suppliers.awardTo', { name: supplier.actor.name || id }),
      },
      testId: 'award-button',
      on: { click: () => void this.award(id) },
    });
    const result = h('div', { attrs: { 'aria-live': 'polite' } });
    const control = h('div', { className: 'supplier-award' }, button, result);
    this.controls.set(id, { button, result });
    this.showAward(id);
    return control;
  }

  private showAward(supplier: string): void {
    const control = this.controls.get(supplier);
    if (!control) return;
    const outcome = this.awards.get(supplier);
    control.button.disabled = outcome !== undefined && ('busy' in outcome || 'record' in outcome);
    if (!outcome) {
      control.result.replaceChildren();
    } else if ('busy' in outcome) {
      control.result.replaceChildren(
        h('p', { className: 'status', text: t('suppliers.awarding') }),
      );
    } else if ('record' in outcome) {
      control.result.replaceChildren(
        h('p', {
          className: 'status',
          text: t('suppliers.awarded', { date: outcome.record.started, id: outcome.record.id }),
          testId: 'award-done',
        }),
      );
    } else {
      control.result.replaceChildren(
        apiRefusal('suppliers.awardErrorTitle', outcome.error, 'award-error'),
      );
    }
  }

  private async award(supplier: string): Promise<void> {
    const tender = this.tender;
    if (!tender) return;
    this.awards.set(supplier, { busy: true });
    this.showAward(supplier);
    try {
      const record = await suppliersApi.award(tender, supplier, this.awardDate.value);
      this.awards.set(supplier, { record });
    } catch (error) {
      this.awards.set(supplier, { error });
    }
    if (this.tender === tender) this.showAward(supplier);
  }
}
