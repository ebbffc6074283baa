// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { h } from '../dom';
import { labelledControl, pageForm, statusLine, submitButton, suggestActors } from './form_field';

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('labelledControl', () => {
  it('labels the control in a .field wrapper', () => {
    const input = h('input', { attrs: { id: 'trends-from' } });
    const field = labelledControl('trends.from', input);
    expect(field.className).toBe('field');
    const label = field.querySelector('label');
    expect(label?.htmlFor).toBe('trends-from');
    expect(label?.dataset.i18n).toBe('trends.from');
    expect(label?.nextElementSibling).toBe(input);
    expect(field.querySelector('.hint')).toBeNull();
    expect(input.hasAttribute('aria-describedby')).toBe(false);
  });

  it('ties a hint given as a key to the control', () => {
    const input = h('input', { attrs: { id: 'tender-buyer' } });
    const field = labelledControl('suppliers.buyer', input, 'suppliers.buyerHint');
    const hint = field.querySelector<HTMLElement>('p.hint');
    expect(hint?.id).toBe('tender-buyer-hint');
    expect(hint?.dataset.i18n).toBe('suppliers.buyerHint');
    expect(input.getAttribute('aria-describedby')).toBe('tender-buyer-hint');
  });

  it('shows a hint given as an element as it is, untied', () => {
    const input = h('input', { attrs: { id: 'partners-actor' } });
    const hint = h('p', { className: 'hint', i18n: 'partners.actorHint' });
    const field = labelledControl('partners.actor', input, hint);
    expect(field.lastElementChild).toBe(hint);
    expect(hint.id).toBe('');
    expect(input.hasAttribute('aria-describedby')).toBe(false);
  });
});

describe('pageForm', () => {
  it('names the form and runs onSubmit instead of sending it', () => {
    const onSubmit = vi.fn();
    const form = pageForm(
      { className: 'trends-form', label: 'trends.pick', testId: 'trends-form' },
      onSubmit,
      submitButton('trends.show', 'trends-show'),
    );
    document.body.replaceChildren(form);
    expect(form.className).toBe('trends-form');
    expect(form.dataset.testid).toBe('trends-form');
    expect(form.getAttribute('aria-label')).toBe('Choose a territory, a breakdown and years');
    expect(form.dataset.i18nAttrs).toBe('aria-label:trends.pick');
    expect(form.hasAttribute('novalidate')).toBe(false);
    const event = new Event('submit', { cancelable: true });
    form.dispatchEvent(event);
    expect(event.defaultPrevented).toBe(true);
    expect(onSubmit).toHaveBeenCalledTimes(1);
  });

  it("leaves checking to the server's answer with noValidate", () => {
    const form = pageForm(
      { className: 'trends-form', label: 'trends.pick', testId: 'trends-form', noValidate: true },
      () => {},
    );
    expect(form.getAttribute('novalidate')).toBe('');
  });

  it('takes its controls in order', () => {
    const a = h('input');
    const b = submitButton('trends.show', 'trends-show');
    const form = pageForm({ className: 'f', label: 'trends.pick', testId: 'f' }, () => {}, a, b);
    expect([...form.children]).toEqual([a, b]);
    expect(b.type).toBe('submit');
    expect(b.dataset.testid).toBe('trends-show');
    expect(b.dataset.i18n).toBe('trends.show');
  });
});

describe('statusLine', () => {
  it('is a polite live region, a paragraph unless asked otherwise', () => {
    const p = statusLine('partners-status');
    expect(p.tagName).toBe('P');
    expect(p.className).toBe('status');
    expect(p.getAttribute('aria-live')).toBe('polite');
    expect(p.dataset.testid).toBe('partners-status');
    expect(statusLine('trends-status', 'div').tagName).toBe('DIV');
  });
});

describe('suggestActors', () => {
  function setUp(filters?: { kind: string }) {
    vi.useFakeTimers();
    const asked: string[] = [];
    const aborted: string[] = [];
    vi.stubGlobal('fetch', (url: string, init?: RequestInit) => {
      asked.push(url);
      init?.signal?.addEventListener('abort', () => aborted.push(url));
      const items = [
        { id: 'a1', name: 'Alpha' },
        { id: 'a2', name: '' },
      ];
      return Promise.resolve(
        new Response(JSON.stringify({ items, next_cursor: null }), {
          headers: { 'Content-Type': 'application/json' },
        }),
      );
    });
    const input = h('input');
    const list = h('datalist');
    const stop = suggestActors(input, list, filters);
    const type = (text: string) => {
      input.value = text;
      input.dispatchEvent(new Event('input'));
    };
    return { asked, aborted, list, stop, type };
  }

  it('searches after a pause in typing and lists the actors found', async () => {
    const { asked, list, type } = setUp();
    type('al');
    type('alp');
    await vi.advanceTimersByTimeAsync(249);
    expect(asked).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(asked).toHaveLength(1);
    expect(asked[0]).toContain('q=alp');
    await vi.waitFor(() => expect(list.children).toHaveLength(2));
    const options = [...list.querySelectorAll('option')].map((o) => [o.value, o.textContent]);
    expect(options).toEqual([
      ['a1', 'Alpha'],
      ['a2', 'a2'],
    ]);
  });

  it('does not search for fewer than two characters', async () => {
    const { asked, type } = setUp();
    type(' a ');
    await vi.advanceTimersByTimeAsync(1000);
    expect(asked).toEqual([]);
  });

  it('narrows the search with the filters', async () => {
    const { asked, type } = setUp({ kind: 'public_body' });
    type('cardiff');
    await vi.advanceTimersByTimeAsync(250);
    expect(asked[0]).toContain('kind=public_body');
    expect(asked[0]).toContain('q=cardiff');
  });

  it('cancels the search still running when a new one starts, and on stop', async () => {
    const { aborted, asked, stop, type } = setUp();
    type('al');
    await vi.advanceTimersByTimeAsync(250);
    type('alp');
    await vi.advanceTimersByTimeAsync(250);
    expect(aborted).toEqual([asked[0]]);
    stop();
    expect(aborted).toEqual([asked[0], asked[1]]);
  });

  it('searches no more once stopped', async () => {
    const { asked, stop, type } = setUp();
    type('al');
    stop();
    await vi.advanceTimersByTimeAsync(1000);
    expect(asked).toEqual([]);
  });
});
