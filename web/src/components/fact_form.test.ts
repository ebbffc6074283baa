// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { FactSpec } from '../screening/types';
import { FactForm } from './fact_form';

const label = (en: string) => ({ en, fr: en, es: en, pt: en });

const FACTS: FactSpec[] = [
  {
    path: 'legal_form',
    subject: 'organisation',
    type: 'enum',
    values: ['cooperative', 'company'],
    label: label('Legal form'),
  },
  {
    path: 'purpose.social',
    subject: 'organisation',
    type: 'boolean',
    label: label('Social purpose?'),
  },
  {
    path: 'membership.categories',
    subject: 'organisation',
    type: 'enum_list',
    values: ['workers', 'users'],
    label: label('Members'),
  },
  { path: 'profits.dividends', subject: 'organisation', type: 'share', label: label('Dividends') },
  { path: 'membership.members', subject: 'organisation', type: 'count', label: label('Members') },
  { path: 'name', subject: 'organisation', type: 'string', label: label('Name') },
  {
    path: 'governance.colleges',
    subject: 'organisation',
    type: 'colleges',
    label: label('Colleges'),
  },
  {
    path: 'initiative.scope',
    subject: 'initiative',
    type: 'enum',
    values: ['systemic'],
    label: label('Scope'),
  },
];

function build(): FactForm {
  const form = new FactForm(FACTS, 't');
  document.body.replaceChildren(form.element);
  return form;
}

const byTestId = <T extends HTMLElement>(id: string) => {
  const el = document.querySelector<T>(`[data-testid="${id}"]`);
  if (!el) throw new Error(`no ${id}`);
  return el;
};

describe('FactForm', () => {
  it('reads nothing when nothing is known', () => {
    expect(build().read()).toEqual({});
  });

  it('gives a control of the right kind for each type, labelled', () => {
    build();
    expect(byTestId('fact-legal_form').tagName).toBe('SELECT');
    expect(document.querySelectorAll('input[name="t-purpose-social"]')).toHaveLength(3);
    expect(byTestId<HTMLInputElement>('fact-profits.dividends').type).toBe('number');
    for (const input of document.querySelectorAll(
      'input:not([type=radio]):not([type=checkbox]), select',
    )) {
      expect(document.querySelector(`label[for="${input.id}"]`), input.id).not.toBeNull();
    }
  });

  it('reads each type into the profile the engines take', () => {
    const form = build();
    byTestId<HTMLSelectElement>('fact-legal_form').value = 'cooperative';
    byTestId<HTMLInputElement>('fact-purpose.social-false').checked = true;
    byTestId<HTMLInputElement>('fact-membership.categories-users').checked = true;
    byTestId<HTMLInputElement>('fact-profits.dividends').value = '35';
    byTestId<HTMLInputElement>('fact-membership.members').value = '12';
    byTestId<HTMLInputElement>('fact-name').value = ' Coop ';
    byTestId<HTMLButtonElement>('fact-governance.colleges-add').click();
    byTestId<HTMLInputElement>('college-name').value = 'workers';
    byTestId<HTMLInputElement>('college-weight').value = '40';
    expect(form.read()).toEqual({
      legal_form: 'cooperative',
      purpose: { social: false },
      membership: { categories: ['users'], members: 12 },
      profits: { dividends: 0.35 },
      name: 'Coop',
      governance: { colleges: [{ name: 'workers', weight: 0.4 }] },
    });
  });

  it('leaves out invalid numbers and marks them', () => {
    const form = build();
    const share = byTestId<HTMLInputElement>('fact-profits.dividends');
    share.value = '120';
    byTestId<HTMLInputElement>('fact-membership.members').value = '2.5';
    expect(form.read()).toEqual({});
    expect(share.getAttribute('aria-invalid')).toBe('true');
  });

  it('tells "none of these" from not known in lists', () => {
    const form = build();
    const none = byTestId<HTMLInputElement>('fact-membership.categories-none');
    none.checked = true;
    none.dispatchEvent(new Event('change', { bubbles: true }));
    expect(form.read()).toEqual({ membership: { categories: [] } });
  });

  it('writes a profile back', () => {
    const form = build();
    const profile = {
      legal_form: 'company',
      purpose: { social: true },
      membership: { categories: ['workers'] },
      profits: { dividends: 0.35 },
      governance: { colleges: [{ name: 'users', weight: 0.5 }] },
    };
    form.write(profile);
    expect(form.read()).toEqual(profile);
    expect(byTestId<HTMLInputElement>('fact-profits.dividends').value).toBe('35');
  });

  it('shows only the facts of the chosen subject, and marks the subject in the profile', () => {
    const form = build();
    form.setSubject('initiative');
    expect(byTestId('fact-group-governance').hidden).toBe(true);
    expect(byTestId('fact-group-initiative').hidden).toBe(false);
    expect(form.read()).toEqual({ initiative: {} });
    byTestId<HTMLSelectElement>('fact-initiative.scope').value = 'systemic';
    expect(form.read()).toEqual({ initiative: { scope: 'systemic' } });
  });
});
