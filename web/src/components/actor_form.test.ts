// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { draftFromActor } from '../actor_draft';
import { RESTRICTABLE_FIELDS, type Actor } from '../types';
import { ActorForm } from './actor_form';

const actor: Actor = {
  id: 'cwmpas',
  kind: 'organisation',
  name: 'Cwmpas',
  description: { en: 'Welsh agency.' },
  website: 'https://cwmpas.coop',
  location: { lat: 51.4816, lon: -3.1791, precision: 'approximate' },
  visibility: 'network',
  field_visibility: { website: 'private' },
  version: 2,
};

function form(): ActorForm {
  const f = new ActorForm(draftFromActor(actor), document.createElement('div'));
  document.body.replaceChildren(f.element);
  return f;
}

function select(id: string): HTMLSelectElement {
  const el = document.getElementById(id);
  if (!(el instanceof HTMLSelectElement)) throw new Error(`no select #${id}`);
  return el;
}

describe('ActorForm', () => {
  it('reads back the draft it was given', () => {
    expect(form().read()).toEqual(draftFromActor(actor));
  });

  it('has a labelled visibility select next to each restrictable field', () => {
    form();
    for (const field of RESTRICTABLE_FIELDS) {
      const id = `edit-field-visibility-${field.replace('_', '-')}`;
      select(id);
      expect(document.querySelector(`label[for="${id}"]`)?.textContent).toMatch(/^Who sees/);
    }
    expect(select('edit-field-visibility-website').value).toBe('private');
    expect(select('edit-visibility').value).toBe('network');
  });

  it('offers exact, approximate (about 1 km) and hidden positions', () => {
    form();
    const options = [...select('edit-location-precision').options].map((o) => o.textContent);
    expect(options).toEqual(['Exact', 'Approximate (about 1 km)', 'Hidden']);
  });

  it('marks a field in error and says why under it, until cleared', () => {
    const f = form();
    const first = f.showErrors([{ field: 'location.lat', message: 'out of range' }]);
    const lat = document.getElementById('edit-location-lat');
    expect(first).toBe(lat);
    expect(lat?.getAttribute('aria-invalid')).toBe('true');
    const described = lat?.getAttribute('aria-describedby') ?? '';
    expect(document.getElementById(described)?.textContent).toBe('out of range');
    f.clearErrors();
    expect(lat?.hasAttribute('aria-invalid')).toBe(false);
    expect(document.querySelector('.field-error')).toBeNull();
  });

  it('puts an error about a whole object on its first control', () => {
    const f = form();
    expect(f.showErrors([{ field: 'address', message: 'bad' }])?.id).toBe('edit-address-street');
  });
});
