// Ballot receipts (docs/participation.md, "Verifiable records"): after a vote, the commitment in
// a monospace box with a "Copy" button and how to check it once the decision is closed; after the
// close, a field that asks where a receipt is (GET .../receipts/{commitment}) and says whether it
// is in the closed ballots, at which place of how many, with the Merkle root.

import { h } from '../dom';
import { t } from '../i18n/i18n';
import type { Receipt, ReceiptCheck } from '../processes';
import { apiRefusal } from './api_refusal';
import { badge } from './finance_common';
import { clearFieldErrors, markFieldError, notice, whileBusy } from './form_field';
import { hashBox } from './process_views';

/** The receipt of a ballot just cast; the heading takes the focus (tabindex -1). */
export function receiptView(r: Receipt): HTMLElement {
  const status = h('p', { attrs: { 'aria-live': 'polite' }, testId: 'process-receipt-copied' });
  const code = hashBox(r.commitment, 'process-receipt-commitment');
  code.id = 'process-receipt-commitment';
  const copy = h('button', {
    className: 'secondary',
    i18n: 'process.receipt.copy',
    attrs: { type: 'button', 'aria-describedby': code.id },
    testId: 'process-receipt-copy',
    on: { click: () => void copyText(r.commitment, code, status) },
  });
  return h(
    'section',
    {
      className: 'process-receipt notice',
      attrs: { 'aria-labelledby': 'process-receipt-title' },
      testId: 'process-receipt',
    },
    h('h2', {
      i18n: 'process.receipt.title',
      attrs: { id: 'process-receipt-title', tabindex: -1 },
      testId: 'process-receipt-title',
    }),
    h('p', { text: t('process.receipt.cast', { voter: r.voter, seq: r.seq }) }),
    h('p', { i18n: 'process.receipt.keep' }),
    h('div', { className: 'process-receipt-box' }, code, copy),
    status,
    h('p', { i18n: 'process.receipt.howToCheck', testId: 'process-receipt-how' }),
  );
}

/** Copies `text`; where the clipboard is refused, selects it so that the reader can copy it. */
async function copyText(text: string, box: HTMLElement, status: HTMLElement): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    status.textContent = t('process.receipt.copied');
  } catch {
    const range = document.createRange();
    range.selectNodeContents(box);
    const selection = window.getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
    status.textContent = t('process.receipt.selected');
  }
}

/** What the check of a receipt found. */
export function receiptCheckView(c: ReceiptCheck): HTMLElement {
  if (!c.closed) return notice(t('process.check.notClosed'), 'process-check-result');
  return h(
    'div',
    {
      className: 'process-check-result',
      attrs: { role: 'status' },
      testId: 'process-check-result',
    },
    c.included
      ? badge(
          'good',
          t('process.check.included', { index: (c.index ?? 0) + 1, size: c.treeSize ?? 0 }),
          'process-check-included',
        )
      : badge(
          'bad',
          t('process.check.missing', { size: c.treeSize ?? 0 }),
          'process-check-missing',
        ),
    h('p', {}, h('span', { i18n: 'process.check.root' }), ' ', hashBox(c.merkleRoot)),
  );
}

const COMMITMENT = /^[0-9a-f]{64}$/;

/** A labelled field for a receipt and the answer of `check` under it. */
export function receiptCheckForm(check: (commitment: string) => Promise<ReceiptCheck>) {
  const input = h('input', {
    attrs: {
      id: 'process-check-commitment',
      name: 'commitment',
      type: 'text',
      autocomplete: 'off',
      spellcheck: 'false',
      'aria-describedby': 'process-check-hint',
    },
    className: 'process-mono',
    testId: 'process-check-commitment',
  });
  const out = h('div', { attrs: { 'aria-live': 'polite' }, testId: 'process-check-area' });
  const form = h(
    'form',
    {
      className: 'process-form process-check',
      i18nAttrs: { 'aria-label': 'process.check.title' },
      attrs: { novalidate: true },
      testId: 'process-check-form',
    },
    h('h3', { i18n: 'process.check.title' }),
    h(
      'div',
      { className: 'form-field' },
      h('label', { i18n: 'process.check.label', attrs: { for: input.id } }),
      input,
      h('p', {
        className: 'hint',
        i18n: 'process.check.hint',
        attrs: { id: 'process-check-hint' },
      }),
    ),
    h(
      'div',
      { className: 'form-actions' },
      h('button', {
        i18n: 'process.check.submit',
        attrs: { type: 'submit' },
        testId: 'process-check-submit',
      }),
    ),
    out,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearFieldErrors(form);
    out.replaceChildren();
    const commitment = input.value.trim().toLowerCase();
    if (!COMMITMENT.test(commitment)) {
      markFieldError(input, t('process.check.invalid'));
      input.focus();
      return;
    }
    void whileBusy(form, async () => {
      try {
        out.replaceChildren(receiptCheckView(await check(commitment)));
      } catch (error) {
        out.replaceChildren(apiRefusal('process.check.error', error));
      }
    });
  });
  return { element: form, input };
}
