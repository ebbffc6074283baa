// Who is signed in: the user, their roles and the session's CSRF token, read from GET /auth/me at
// start-up and updated by sign-in and sign-out. The token is handed to the API client and kept in
// memory only; the session itself is the server's HttpOnly cookie, which scripts never see.

import { accountApi, ApiError, setCsrfToken } from './api';
import type { Grant, Me, Role, SignInResult, User } from './types';

export interface SessionState {
  /** As the audit log names the caller: "user:<id>". */
  who: string;
  user: User | null;
  roles: Grant[];
  readOnly: boolean;
  csrfToken: string | null;
  expiresAt: string | null;
}

/** The calls the store makes (the account API; a fake in tests). */
export interface SessionClient {
  me(): Promise<Me>;
  signIn(email: string, password: string): Promise<SignInResult>;
  signOut(): Promise<void>;
}

export class SessionStore {
  private state: SessionState | null = null;
  private readonly listeners = new Set<() => void>();
  private initial: Promise<void> | null = null;

  constructor(
    private readonly client: SessionClient,
    private readonly onCsrf: (token: string | null) => void = () => {},
  ) {}

  get current(): SessionState | null {
    return this.state;
  }

  get signedIn(): boolean {
    return this.state !== null;
  }

  /** Resolves once the first refresh has answered (pages that need the user wait for it). */
  ready(): Promise<void> {
    this.initial ??= this.refresh();
    return this.initial;
  }

  /** Asks the server who is signed in; a 401 (or no server) means no one. */
  async refresh(): Promise<void> {
    try {
      this.set(fromMe(await this.client.me()));
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      this.set(null);
    }
  }

  /** Signs in; rejects with the server's ApiError (401 wrong, 403 disabled, 429 locked). */
  async signIn(email: string, password: string): Promise<void> {
    const result = await this.client.signIn(email, password);
    this.initial ??= Promise.resolve();
    this.set({
      who: `user:${result.user.id}`,
      user: result.user,
      roles: result.user.roles,
      readOnly: false,
      csrfToken: result.csrf_token,
      expiresAt: result.expires_at,
    });
  }

  /** Ends the session; the local state is cleared even when the server cannot be told. */
  async signOut(): Promise<void> {
    try {
      await this.client.signOut();
    } finally {
      this.set(null);
    }
  }

  /** Forgets the session without asking the server (after a password change ended it). */
  clear(): void {
    this.set(null);
  }

  /** Calls listener after each change of the signed-in state; returns the unsubscribe. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  holds(role: Role, scope?: string): boolean {
    return (this.state?.roles ?? []).some(
      (g) => g.role === role && (scope === undefined || g.scope === scope),
    );
  }

  isAdmin(): boolean {
    return this.holds('admin', '');
  }

  isSteward(): boolean {
    return this.holds('steward');
  }

  private set(state: SessionState | null): void {
    this.state = state;
    this.onCsrf(state?.csrfToken ?? null);
    for (const listener of this.listeners) listener();
  }
}

function fromMe(me: Me): SessionState {
  return {
    who: me.who,
    user: me.user,
    roles: me.roles,
    readOnly: me.read_only,
    csrfToken: me.csrf_token ?? null,
    expiresAt: me.expires_at ?? null,
  };
}

/** The app's session, wired to the API client. */
export const session = new SessionStore(
  {
    me: () => accountApi.me(),
    signIn: (email, password) => accountApi.signIn(email, password),
    signOut: () => accountApi.signOut(),
  },
  setCsrfToken,
);
