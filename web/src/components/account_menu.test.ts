// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { SessionStore } from '../session';
import type { Grant, Me } from '../types';
import { AccountMenu } from './account_menu';

function signedIn(roles: Grant[]): SessionStore {
  const me: Me = {
    who: 'user:u1',
    user: {
      id: 'u1',
      email: 'ada@example.org',
      name: 'Ada',
      created_at: '',
      disabled: false,
      roles,
    },
    roles,
    read_only: false,
    csrf_token: 'c',
  };
  return new SessionStore({
    me: async () => me,
    signIn: async () => {
      throw new Error('not used');
    },
    signOut: async () => undefined,
  });
}

const testIds = (el: HTMLElement) =>
  [...el.querySelectorAll<HTMLElement>('[data-testid]')].map((e) => e.dataset.testid);

describe('AccountMenu', () => {
  it('offers to sign in when no one is signed in', () => {
    const menu = new AccountMenu(signedIn([]), () => {});
    expect(testIds(menu.element)).toEqual(['nav-signin']);
    expect(menu.element.querySelector('a')?.getAttribute('href')).toBe('#/signin');
  });

  it("shows the user's e-mail, their account and sign-out", async () => {
    const session = signedIn([{ role: 'member', scope: 'actor:x' }]);
    await session.ready();
    const menu = new AccountMenu(session, () => {});
    expect(testIds(menu.element)).toEqual(['account-email', 'nav-account', 'signout']);
    expect(menu.element.textContent).toContain('ada@example.org');
  });

  it('links admins to users and the audit log', async () => {
    const session = signedIn([{ role: 'admin', scope: '' }]);
    await session.ready();
    const menu = new AccountMenu(session, () => {});
    expect(testIds(menu.element)).toContain('nav-users');
    expect(testIds(menu.element)).toContain('nav-audit');
  });

  it('signs out and goes to the sign-in page', async () => {
    const session = signedIn([]);
    await session.ready();
    const navigate = vi.fn();
    const menu = new AccountMenu(session, navigate);
    menu.element.querySelector<HTMLButtonElement>('[data-testid="signout"]')?.click();
    await vi.waitFor(() => expect(navigate).toHaveBeenCalledWith('#/signin?reason=signed_out'));
    expect(session.signedIn).toBe(false);
  });
});
