// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { toLabels } from '../taxonomy';
import type { Actor } from '../types';
import { actorProfile } from './actor_profile';

const labels = {
  activities: toLabels([
    { code: 'ICA280', label: 'Social clubs' },
    { code: 'ICA140', label: 'Retail' },
  ]),
  structures: toLabels([{ code: 'OS130', label: 'Society' }]),
  membership: toLabels([{ code: 'BMT10', label: 'Consumers' }]),
  qualifiers: toLabels([]),
  countries: toLabels([{ code: 'GB', label: 'United Kingdom' }]),
};

const actor: Actor = {
  id: 'cuk-r006884',
  kind: 'organisation',
  name: "Maesteg Workmen's Club",
  description: { en: 'A club.' },
  legal_form: 'Society',
  structures: ['OS130'],
  activities: ['ICA280', 'ICA140'],
  primary_activity: 'ICA280',
  membership_types: ['BMT10'],
  claims: ['cooperative'],
  address: { street: '11 Temple Street', locality: 'Maesteg', postcode: 'CF34 9YY', country: 'GB' },
  territory: 'GB',
  location: { lat: 51.608344, lon: -3.654703, precision: 'approximate' },
  website: 'javascript:alert(1)',
  contacts: { email: 'club@example.org' },
  identifiers: { 'coops-uk': 'R006884' },
  attributes: { sic: '56302' },
  provenance: { name: { source: 'coops-uk-standard-2023', date: '2026-11-28', method: 'import' } },
  version: 3,
  updated_at: '2026-11-28T15:00:00Z',
};

function render(relationships: Parameters<typeof actorProfile>[1] = []): HTMLElement {
  const root = document.createElement('div');
  root.append(
    ...actorProfile(
      actor,
      relationships,
      labels,
      (e) => document.createTextNode(e.message) as unknown as HTMLElement,
    ),
  );
  return root;
}

describe('actorProfile', () => {
  it('shows taxonomy labels, the primary activity and the location precision', () => {
    const root = render();
    expect(root.querySelector('h1')?.textContent).toBe("Maesteg Workmen's Club");
    expect(root.querySelector('[data-testid="field-structures"]')?.textContent).toContain(
      'Society',
    );
    const activities = root.querySelector('[data-testid="field-activities"]')?.textContent;
    expect(activities).toContain('Social clubs (main activity)');
    expect(activities).toContain('Retail');
    expect(root.querySelector('[data-testid="field-location"]')?.textContent).toContain(
      'Approximate location',
    );
    expect(root.textContent).toContain('United Kingdom');
    expect(root.textContent).toContain('Consumers');
  });

  it('never turns a non-http website into a link', () => {
    const root = render();
    expect(root.querySelector('a[href^="javascript"]')).toBeNull();
    expect(root.textContent).toContain('javascript:alert(1)');
  });

  it('shows provenance and identifiers', () => {
    const root = render();
    expect(root.querySelector('[data-testid="provenance-table"]')?.textContent).toContain(
      'coops-uk-standard-2023',
    );
    expect(root.textContent).toContain('R006884');
    expect(root.querySelector('[data-testid="profile-attributes"]')?.textContent).toContain(
      '56302',
    );
  });

  it('links each relationship to the other actor, read from this side', () => {
    const root = render([
      { id: 'r1', from: actor.id, to: 'net', type: 'member_of', to_name: 'Wales Co-op Network' },
      { id: 'r2', from: 'fund', to: actor.id, type: 'funds', from_name: 'Good Fund' },
    ]);
    const links = [...root.querySelectorAll('[data-testid="relationship-link"]')];
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['#/actors/net', '#/actors/fund']);
    const items = [...root.querySelectorAll('[data-testid="relationship"]')].map(
      (li) => li.textContent,
    );
    expect(items[0]).toContain('Member of Wales Co-op Network');
    expect(items[1]).toContain('Funded by Good Fund');
  });

  it('shows a hidden location as not published', () => {
    const root = document.createElement('div');
    root.append(
      ...actorProfile({ ...actor, location: null }, [], labels, () => document.createElement('p')),
    );
    expect(root.querySelector('[data-testid="field-location"]')?.textContent).toBe(
      'Position on the mapLocation not published',
    );
  });
});
