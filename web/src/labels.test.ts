// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { setLang } from './i18n/i18n';
import { kindLabel, precisionLabel, relationshipLabel } from './labels';

describe('labels', () => {
  afterEach(() => setLang('en', null));

  it('reads a relationship from either side', () => {
    expect(relationshipLabel('member_of', true)).toBe('Member of');
    expect(relationshipLabel('member_of', false)).toBe('Has as member');
    expect(relationshipLabel('funds', false)).toBe('Funded by');
  });

  it('treats an unknown relationship type as other', () => {
    expect(relationshipLabel('mentors', true)).toBe('Related to');
  });

  it('shows unknown kinds and precisions as sent', () => {
    expect(kindLabel('cooperative_bank')).toBe('cooperative_bank');
    expect(precisionLabel('fuzzy')).toBe('fuzzy');
  });

  it('follows the language', () => {
    setLang('pt', null);
    expect(kindLabel('public_body')).toBe('Órgão público');
    expect(precisionLabel('approximate')).toMatch(/^Localização aproximada/);
  });
});
