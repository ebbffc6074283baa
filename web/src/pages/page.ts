// What the app shell expects of a page.

import type { Route } from '../router';

export interface Page {
  readonly element: HTMLElement;
  /** The document title (without the site name), in the current language. */
  title(): string;
  /** Called once the element is in the document (the map needs its size). */
  mounted?(): void;
  /**
   * The route changed but stays on this page (e.g. new filters). Returns false when the page
   * cannot follow, and the shell then builds a new one.
   */
  update?(route: Route): boolean;
  /** The language changed; without this method the shell builds the page anew. */
  onLanguageChange?(): void;
  /** Someone signed in or out; pages whose content depends on who is asking implement it. */
  onSessionChange?(): void;
  destroy(): void;
}

export interface PageContext {
  /** Goes to href; with replace, the history entry is replaced (used while typing a search). */
  navigate(href: string, options?: { replace?: boolean }): void;
}
