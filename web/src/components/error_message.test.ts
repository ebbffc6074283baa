// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api';
import { errorMessage } from './error_message';

describe('errorMessage', () => {
  it('is an alert that shows the server message and code', () => {
    const el = errorMessage(new ApiError(400, 'invalid_argument', 'bbox: expected 4 numbers'));
    expect(el.getAttribute('role')).toBe('alert');
    expect(el.textContent).toContain('bbox: expected 4 numbers (invalid_argument)');
  });

  it('explains network failures and missing records in words', () => {
    expect(errorMessage(new ApiError(0, 'network', 'Failed to fetch')).textContent).toContain(
      'could not be reached',
    );
    expect(errorMessage(new ApiError(404, 'not_found', 'actor x')).textContent).toContain(
      'does not exist',
    );
  });
});
