// For tests: a session store whose server answers "signed in" (as user:usr-1, with the CSRF
// token "tok") or 401, and never signs in or out.

import { ApiError, setCsrfToken } from './api';
import { SessionStore } from './session';

export function testSession(signedIn: boolean): SessionStore {
  return new SessionStore(
    {
      me: async () => {
        if (!signedIn) throw new ApiError(401, 'unauthenticated', 'sign in');
        return { who: 'user:usr-1', user: null, roles: [], read_only: false, csrf_token: 'tok' };
      },
      signIn: async () => {
        throw new Error('not used');
      },
      signOut: async () => undefined,
    },
    setCsrfToken,
  );
}
