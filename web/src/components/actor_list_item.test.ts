// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { toLabels } from '../taxonomy';
import { actorListItem } from './actor_list_item';

const labels = {
  activities: toLabels([{ code: 'ICA210', label: 'Food production' }]),
  structures: toLabels([{ code: 'OS115', label: 'Co-operative' }]),
  countries: toLabels([{ code: 'GB', label: 'United Kingdom' }]),
};

describe('actorListItem', () => {
  it('links to the profile and shows labels instead of codes', () => {
    const item = actorListItem(
      {
        id: 'cuk-r1',
        kind: 'organisation',
        name: 'Bread Co-op',
        primary_activity: 'ICA210',
        structures: ['OS115'],
        country: 'GB',
        locality: 'Leeds',
      },
      labels,
    );
    expect(item.querySelector('a')?.getAttribute('href')).toBe('#/actors/cuk-r1');
    expect(item.textContent).toContain('Organisation · Food production · Co-operative');
    expect(item.textContent).toContain('Leeds, United Kingdom');
  });

  it('highlights the snippet without running markup from the data', () => {
    const item = actorListItem(
      {
        id: 'x',
        kind: 'network',
        name: '<b>x</b>',
        snippet: '<img src=x onerror=alert(1)> the [[bakery]]',
      },
      labels,
    );
    const snippet = item.querySelector('[data-testid="result-snippet"]');
    expect(snippet?.querySelector('img')).toBeNull();
    expect(snippet?.querySelector('mark')?.textContent).toBe('bakery');
    expect(snippet?.textContent).toBe('<img src=x onerror=alert(1)> the bakery');
    expect(item.querySelector('b')).toBeNull();
  });
});
