import { describe, expect, it } from 'vitest';
import { ApiError } from '../api';
import { signInErrorText } from './signin_page';

describe('signInErrorText', () => {
  it('says the e-mail or password is wrong, the same for an unknown e-mail', () => {
    expect(signInErrorText(new ApiError(401, 'unauthenticated', 'wrong e-mail or password'))).toBe(
      'Wrong e-mail or password.',
    );
  });

  it('says a disabled account must be enabled by an administrator', () => {
    expect(signInErrorText(new ApiError(403, 'permission_denied', 'disabled'))).toMatch(
      /disabled.*administrator/,
    );
  });

  it('says until when a locked account stays locked', () => {
    const error = new ApiError(
      429,
      'resource_exhausted',
      'this account is locked after 5 failed sign-ins, until 2026-11-29T00:30:00Z; try again then',
    );
    expect(signInErrorText(error)).toMatch(/locked.*until Nov 29, 2026, 12:30 AM \(UTC\)/);
  });

  it('passes on the reason of an address refused for a while', () => {
    const error = new ApiError(429, 'resource_exhausted', 'try again in 15 minutes');
    expect(signInErrorText(error)).toContain('try again in 15 minutes');
  });

  it('explains a network failure', () => {
    expect(signInErrorText(new ApiError(0, 'network', 'Failed to fetch'))).toContain(
      'could not be reached',
    );
  });
});
