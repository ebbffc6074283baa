// A tiny element builder, so components read as a tree and never assemble HTML strings.

import { t, type MessageKey } from './i18n/i18n';

/** What h() and append() take as children: null, undefined and false are left out. */
export type Child = Node | string | null | undefined | false;

export interface Props {
  className?: string;
  /** Text content. */
  text?: string;
  /** Text content from the catalogue; kept up to date by translateTree on a language change. */
  i18n?: MessageKey;
  /** Attributes whose values come from the catalogue, e.g. {"aria-label": "nav.label"}. */
  i18nAttrs?: Record<string, MessageKey>;
  attrs?: Record<string, string | number | boolean | null | undefined>;
  testId?: string;
  on?: { [E in keyof HTMLElementEventMap]?: (event: HTMLElementEventMap[E]) => void };
}

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (props.className) el.className = props.className;
  if (props.testId) el.dataset.testid = props.testId;
  for (const [name, value] of Object.entries(props.attrs ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    el.setAttribute(name, value === true ? '' : String(value));
  }
  if (props.i18n) {
    el.dataset.i18n = props.i18n;
    el.textContent = t(props.i18n);
  } else if (props.text !== undefined) {
    el.textContent = props.text;
  }
  if (props.i18nAttrs) setI18nAttrs(el, props.i18nAttrs);
  for (const [type, listener] of Object.entries(props.on ?? {})) {
    el.addEventListener(type, listener as EventListener);
  }
  append(el, ...children);
  return el;
}

export function append(parent: Element, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(child);
  }
}

function setI18nAttrs(el: HTMLElement, attrs: Record<string, MessageKey>): void {
  el.dataset.i18nAttrs = Object.entries(attrs)
    .map(([name, key]) => `${name}:${key}`)
    .join(';');
  for (const [name, key] of Object.entries(attrs)) el.setAttribute(name, t(key));
}

/** An <option>; its label is a catalogue key or a plain text. */
export function option(
  value: string,
  label: { i18n: MessageKey } | { text: string },
): HTMLOptionElement {
  const el =
    'i18n' in label ? h('option', { i18n: label.i18n }) : h('option', { text: label.text });
  el.value = value;
  return el;
}
