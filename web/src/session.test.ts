import { describe, expect, it, vi } from 'vitest';
import { ApiError } from './api';
import { SessionStore, type SessionClient } from './session';
import type { Me, User } from './types';

const member: User = {
  id: 'usr-1',
  email: 'mo@example.org',
  name: 'Mo',
  created_at: '2026-11-29T00:00:00Z',
  disabled: false,
  roles: [{ role: 'member', scope: 'actor:cwmpas' }],
};

const me: Me = {
  who: 'user:usr-1',
  user: member,
  roles: member.roles,
  read_only: false,
  csrf_token: 'csrf-me',
  expires_at: '2026-11-29T12:00:00Z',
};

function store(client: Partial<SessionClient>) {
  const csrf: (string | null)[] = [];
  const full: SessionClient = {
    me: vi.fn(async () => me),
    signIn: vi.fn(async () => ({ user: member, csrf_token: 'csrf-in', expires_at: 'x' })),
    signOut: vi.fn(async () => undefined),
    ...client,
  };
  return { session: new SessionStore(full, (t) => csrf.push(t)), csrf, client: full };
}

describe('SessionStore', () => {
  it('reads who is signed in from /auth/me and hands over the CSRF token', async () => {
    const { session, csrf } = store({});
    await session.ready();
    expect(session.signedIn).toBe(true);
    expect(session.current?.user?.email).toBe('mo@example.org');
    expect(session.holds('member', 'actor:cwmpas')).toBe(true);
    expect(session.isAdmin()).toBe(false);
    expect(csrf).toEqual(['csrf-me']);
  });

  it('asks the server once however many pages wait for it', async () => {
    const { session, client } = store({});
    await Promise.all([session.ready(), session.ready(), session.ready()]);
    expect(client.me).toHaveBeenCalledTimes(1);
  });

  it('is signed out when /auth/me answers 401, and forgets any token', async () => {
    const { session, csrf } = store({
      me: async () => {
        throw new ApiError(401, 'unauthenticated', 'no one is signed in');
      },
    });
    await session.ready();
    expect(session.signedIn).toBe(false);
    expect(csrf).toEqual([null]);
  });

  it('signs in, keeps the new token and tells the listeners', async () => {
    const { session, csrf } = store({});
    const listener = vi.fn();
    session.onChange(listener);
    await session.signIn('mo@example.org', 'pw');
    expect(session.current?.csrfToken).toBe('csrf-in');
    expect(csrf).toEqual(['csrf-in']);
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('stays signed out when the sign-in is refused', async () => {
    const { session } = store({
      signIn: async () => {
        throw new ApiError(401, 'unauthenticated', 'wrong e-mail or password');
      },
    });
    await expect(session.signIn('mo@example.org', 'bad')).rejects.toMatchObject({ status: 401 });
    expect(session.signedIn).toBe(false);
  });

  it('forgets the session on sign-out even when the server cannot be told', async () => {
    const { session, csrf } = store({
      signOut: async () => {
        throw new ApiError(0, 'network', 'offline');
      },
    });
    await session.ready();
    await expect(session.signOut()).rejects.toBeInstanceOf(ApiError);
    expect(session.signedIn).toBe(false);
    expect(csrf.at(-1)).toBeNull();
  });

  it('tells admins and stewards apart', async () => {
    const roles = [
      { role: 'steward' as const, scope: 'network:diesis' },
      { role: 'admin' as const, scope: '' },
    ];
    const { session } = store({ me: async () => ({ ...me, roles }) });
    await session.ready();
    expect(session.isAdmin()).toBe(true);
    expect(session.isSteward()).toBe(true);
    expect(session.holds('member')).toBe(false);
  });
});
