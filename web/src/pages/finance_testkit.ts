// What the finance pages' tests share: a fetch that answers by URL, the answers asked for, and
// finding elements by data-testid. Only the tests import it.

import { expect, vi } from 'vitest';
import { ApiError } from '../api';
import { SessionStore } from '../session';

export const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });

export const refusal = (status: number, code: string, message: string) =>
  json(status, { error: { code, message } });

export interface Asked {
  method: string;
  url: string;
  body: unknown;
}

/** Stubs fetch: `answer` gets each request and returns its Response. */
export function fakeFetch(answer: (req: Asked) => Response | Promise<Response>): Asked[] {
  const asked: Asked[] = [];
  vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
    const req = {
      method: init?.method ?? 'GET',
      url,
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
    };
    asked.push(req);
    return answer(req);
  });
  return asked;
}

export const q = <T extends HTMLElement = HTMLElement>(root: ParentNode, id: string) =>
  root.querySelector<T>(`[data-testid="${id}"]`);
export const all = (root: ParentNode, id: string) => [
  ...root.querySelectorAll<HTMLElement>(`[data-testid="${id}"]`),
];

/** The element, or a failed test naming what is missing. */
export function need<T>(el: T | null | undefined, what: string): T {
  if (el === null || el === undefined) throw new Error(`missing: ${what}`);
  return el;
}

/** Waits until the page (or area) is no longer busy. */
export async function settle(el: HTMLElement): Promise<void> {
  await vi.waitFor(() => {
    expect(el.hasAttribute('aria-busy')).toBe(false);
    expect(el.querySelector('[aria-busy="true"]')).toBeNull();
  });
}

/** A session whose caller holds `roles` (none: signed out). */
export function sessionWith(roles: { role: string; scope: string }[] | null): SessionStore {
  const store = new SessionStore({
    me: async () => {
      if (!roles) throw new ApiError(401, 'unauthenticated', 'signed out');
      return {
        who: 'user:usr-1',
        user: { id: 'usr-1', email: 'a@example.org', name: 'A', disabled: false },
        roles,
        read_only: false,
        csrf_token: 'tok',
      } as never;
    },
    signIn: () => Promise.reject(new Error('not used')),
    signOut: async () => undefined,
  });
  return store;
}
