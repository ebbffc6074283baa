import { describe, expect, it } from 'vitest';
import { draftFromActor, fieldOfMessage, patchFromDraft, type ActorDraft } from './actor_draft';
import type { Actor } from './types';

const actor: Actor = {
  id: 'cwmpas',
  kind: 'organisation',
  name: 'Cwmpas',
  description: { en: 'Welsh agency.', fr: 'Agence galloise.', cy: 'Asiantaeth.' },
  legal_form: 'Society',
  website: 'https://cwmpas.coop',
  contacts: { email: 'info@cwmpas.coop', twitter: '@cwmpas' },
  address: { locality: 'Cardiff', region: 'Cardiff', country: 'GB' },
  location: { lat: 51.4816, lon: -3.1791, precision: 'approximate' },
  visibility: 'public',
  field_visibility: { founded: 'network' },
  version: 4,
};

/** The draft of `actor` with some fields changed, as the form would read it back. */
function edited(change: (d: ActorDraft) => void, from: Actor = actor): ActorDraft {
  const draft = structuredClone(draftFromActor(from));
  change(draft);
  return draft;
}

describe('draftFromActor', () => {
  it('reads every edited field as text, blanks for missing ones', () => {
    const draft = draftFromActor(actor);
    expect(draft.description).toEqual({
      en: 'Welsh agency.',
      fr: 'Agence galloise.',
      es: '',
      pt: '',
    });
    expect(draft.text).toEqual({
      legal_form: 'Society',
      website: 'https://cwmpas.coop',
      founded: '',
      dissolved: '',
    });
    expect(draft.contacts).toEqual({ email: 'info@cwmpas.coop', phone: '' });
    expect(draft.address.locality).toBe('Cardiff');
    expect([draft.lat, draft.lon, draft.precision]).toEqual(['51.4816', '-3.1791', 'approximate']);
    expect(draft.fieldVisibility.founded).toBe('network');
    expect(draft.fieldVisibility.website).toBe('public');
  });
});

describe('patchFromDraft', () => {
  it('sends nothing when nothing changed', () => {
    expect(patchFromDraft(actor, draftFromActor(actor))).toEqual({ patch: {}, errors: [] });
  });

  it('sends only the changed field, with the version the edit started from', () => {
    const { patch } = patchFromDraft(
      actor,
      edited((d) => (d.name = '  Cwmpas Cymru ')),
    );
    expect(patch).toEqual({ name: 'Cwmpas Cymru', version: 4 });
  });

  it('refuses a blank name', () => {
    const { errors } = patchFromDraft(
      actor,
      edited((d) => (d.name = ' ')),
    );
    expect(errors.map((e) => e.field)).toEqual(['name']);
  });

  it('sends the whole description, keeping languages the form does not show', () => {
    const { patch } = patchFromDraft(
      actor,
      edited((d) => {
        d.description.es = 'Agencia galesa.';
        d.description.fr = '';
      }),
    );
    expect(patch.description).toEqual({
      en: 'Welsh agency.',
      es: 'Agencia galesa.',
      cy: 'Asiantaeth.',
    });
  });

  it('clears an emptied text field with null', () => {
    const { patch } = patchFromDraft(
      actor,
      edited((d) => (d.text.website = '')),
    );
    expect(patch).toEqual({ website: null, version: 4 });
  });

  it('keeps contacts the form does not show', () => {
    const { patch } = patchFromDraft(
      actor,
      edited((d) => (d.contacts.phone = '+44 300 111 5050')),
    );
    expect(patch.contacts).toEqual({
      email: 'info@cwmpas.coop',
      twitter: '@cwmpas',
      phone: '+44 300 111 5050',
    });
  });

  it('sends the address without its blank parts', () => {
    const { patch } = patchFromDraft(
      actor,
      edited((d) => (d.address.street = '1 Castle St')),
    );
    expect(patch.address).toEqual({
      street: '1 Castle St',
      locality: 'Cardiff',
      region: 'Cardiff',
      country: 'GB',
    });
  });

  it('sends the location with its coordinates when only the precision changes', () => {
    const { patch } = patchFromDraft(
      actor,
      edited((d) => (d.precision = 'hidden')),
    );
    expect(patch).toEqual({
      location: { lat: 51.4816, lon: -3.1791, precision: 'hidden' },
      version: 4,
    });
  });

  it('removes the location when both coordinates are emptied', () => {
    const { patch } = patchFromDraft(
      actor,
      edited((d) => ((d.lat = ''), (d.lon = ''))),
    );
    expect(patch.location).toBeNull();
  });

  it('names the coordinate that is not a number in range', () => {
    const { patch, errors } = patchFromDraft(
      actor,
      edited((d) => ((d.lat = '95'), (d.lon = 'abc'))),
    );
    expect(errors.map((e) => e.field)).toEqual(['location.lat', 'location.lon']);
    expect(patch.location).toBeUndefined();
  });

  it('accepts a decimal comma', () => {
    const { patch } = patchFromDraft(
      actor,
      edited((d) => (d.lat = '51,5')),
    );
    expect(patch.location).toEqual({ lat: 51.5, lon: -3.1791, precision: 'approximate' });
  });

  it('asks for coordinates before a precision can apply', () => {
    const none = { ...actor, location: null };
    const { errors } = patchFromDraft(
      none,
      edited((d) => (d.precision = 'exact'), none),
    );
    expect(errors.map((e) => e.field)).toEqual(['location.lat']);
  });

  it('sends the record visibility and only the field visibilities that changed', () => {
    const { patch } = patchFromDraft(
      actor,
      edited((d) => {
        d.visibility = 'network';
        d.fieldVisibility.website = 'private';
        d.fieldVisibility.founded = 'public';
      }),
    );
    expect(patch).toEqual({
      visibility: 'network',
      field_visibility: { website: 'private', founded: null },
      version: 4,
    });
  });
});

describe('fieldOfMessage', () => {
  it('reads the field an API error names', () => {
    expect(fieldOfMessage('location.lat: latitude must be between -90 and 90')).toBe(
      'location.lat',
    );
    expect(fieldOfMessage('name: is required')).toBe('name');
    expect(fieldOfMessage('version: the actor is at version 5, not 4; reload and retry')).toBe(
      'version',
    );
    expect(fieldOfMessage('the request could not be read')).toBeNull();
  });
});
