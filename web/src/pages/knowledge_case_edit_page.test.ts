// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, setCsrfToken } from '../api';
import { setLang } from '../i18n/i18n';
import { FRAMEWORK } from '../knowledge.fixture';
import { SessionStore } from '../session';
import type { Role } from '../types';
import { KnowledgeCaseEditPage, mayWriteCases } from './knowledge_case_edit_page';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });

const DOC = {
  id: 'qc-coop',
  title: { en: 'Housing co-operative', fr: "Coopérative d'habitation" },
  core_elements: [
    {
      id: 'mortgage',
      label: { en: 'Collective mortgage' },
      relies_on: [{ feature: 'trust', op: 'at_least', value: 'medium' }],
    },
  ],
  outcomes: [{ text: { en: 'Stable rents' }, evidence: 'evaluation' }],
  provenance: [{ claim: 'outcomes[0]', knowledge: 'both' }],
  themes: ['housing'],
};
const RECORD = {
  id: 'qc-coop',
  version: 2,
  head_version: 2,
  status: 'draft',
  created_at: '2026-11-01T10:00:00Z',
  updated_at: '2026-11-30T10:00:00Z',
  who: 'user:u1',
  doc: DOC,
};

function session(roles: Role[] | null): SessionStore {
  return new SessionStore(
    {
      me: async () => {
        if (!roles) throw new ApiError(401, 'unauthenticated', 'sign in');
        return {
          who: 'user:u1',
          user: null,
          roles: roles.map((role) => ({ role, scope: '' })),
          read_only: false,
          csrf_token: 'csrf-1',
        };
      },
      signIn: async () => {
        throw new Error('not used');
      },
      signOut: async () => undefined,
    },
    setCsrfToken,
  );
}

type Asked = { method: string; url: string; body: Record<string, unknown> | null };

function fakeFetch(write: (body: Record<string, unknown>) => Response): Asked[] {
  const asked: Asked[] = [];
  vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
    const body = init?.body ? JSON.parse(String(init.body)) : null;
    const method = init?.method ?? 'GET';
    asked.push({ method, url, body });
    if (url.includes('/context-framework')) return json(200, FRAMEWORK);
    if (method === 'GET') return json(200, RECORD);
    return write(body);
  });
  return asked;
}

const q = <T extends Element = HTMLElement>(root: ParentNode, id: string) =>
  root.querySelector<T>(`[data-testid="${id}"]`);

async function open(id: string | null, roles: Role[] | null = ['member']) {
  const s = session(roles);
  await s.ready();
  const navigate = vi.fn();
  const page = new KnowledgeCaseEditPage(id, s, { navigate });
  document.body.replaceChildren(page.element);
  await vi.waitFor(() => {
    expect(page.element.getAttribute('aria-busy')).toBeNull();
  });
  return { page, navigate, el: page.element };
}

const input = (el: HTMLElement, field: string) => {
  const c = el.querySelector<HTMLInputElement>(`[data-field="${field}"]`);
  if (!c) throw new Error(`no control for ${field}`);
  return c;
};

function type(control: HTMLInputElement, value: string): void {
  control.value = value;
  control.dispatchEvent(new Event('input'));
}

const save = (el: HTMLElement) => q<HTMLButtonElement>(el, 'case-save')?.click();

describe('KnowledgeCaseEditPage', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    setLang('en', null);
  });

  it('asks a visitor to sign in', async () => {
    fakeFetch(() => json(500, {}));
    const { el } = await open(null, null);
    expect(q(el, 'signin-required')?.querySelector('a')?.getAttribute('href')).toBe(
      '#/signin?next=%23%2Fknowledge%2Fnew',
    );
  });

  it('sends the loaded document with the edit and the base version, then opens the case', async () => {
    const asked = fakeFetch(() => json(200, { ...RECORD, version: 3 }));
    const { el, navigate } = await open('qc-coop');
    expect(q(el, 'case-id')).toBeNull();
    expect(input(el, 'title.fr').value).toBe("Coopérative d'habitation");
    expect(input(el, 'core_elements[0].relies_on[0].value').value).toBe('medium');
    type(input(el, 'title.en'), 'Housing co-op');
    save(el);
    await vi.waitFor(() => expect(navigate).toHaveBeenCalledWith('#/knowledge/cases/qc-coop'));
    const put = asked.find((a) => a.method === 'PUT');
    expect(put?.url).toBe('/api/v1/knowledge/cases/qc-coop');
    expect(put?.body).toEqual({
      ...DOC,
      title: { en: 'Housing co-op', fr: "Coopérative d'habitation" },
      base_version: 2,
    });
  });

  it('says what to fix next to the field and sends nothing', async () => {
    const asked = fakeFetch(() => json(200, RECORD));
    const { el } = await open('qc-coop');
    type(input(el, 'title.en'), '');
    type(input(el, 'title.fr'), ' ');
    save(el);
    await vi.waitFor(() => expect(q(el, 'case-edit-problems')).not.toBeNull());
    const title = input(el, 'title.en');
    expect(title.getAttribute('aria-invalid')).toBe('true');
    expect(title.nextElementSibling?.textContent).toBe(
      'Give the case a title in at least one language.',
    );
    expect(asked.some((a) => a.method !== 'GET')).toBe(false);
  });

  it('shows a stale version as a conflict with a way to reload, keeping what was typed', async () => {
    fakeFetch(() =>
      json(409, {
        error: { code: 'conflict', message: "case 'qc-coop' is at version 3, not 2" },
      }),
    );
    const { el } = await open('qc-coop');
    type(input(el, 'title.en'), 'My better title');
    save(el);
    await vi.waitFor(() => expect(q(el, 'case-edit-conflict')).not.toBeNull());
    expect(q(el, 'case-edit-conflict')?.textContent).toContain('is at version 3, not 2');
    expect(q(el, 'case-edit-reload')).not.toBeNull();
    expect(input(el, 'title.en').value).toBe('My better title');
  });

  it('puts a field refusal of the server under its field', async () => {
    fakeFetch(() =>
      json(400, {
        error: {
          code: 'invalid_argument',
          message: "case 'qc-coop': outcomes[0]: evidence 'x' is not one of anecdotal",
        },
      }),
    );
    const { el } = await open('qc-coop');
    save(el);
    await vi.waitFor(() => expect(q(el, 'case-edit-error')).not.toBeNull());
    const evidence = input(el, 'outcomes[0].evidence');
    expect(evidence.getAttribute('aria-invalid')).toBe('true');
    expect(evidence.nextElementSibling?.textContent).toContain("evidence 'x' is not one of");
  });

  it('creates a case with its id and title, adding rows with the buttons', async () => {
    const asked = fakeFetch((body) => json(201, { ...RECORD, id: body.id, doc: body, version: 1 }));
    const { el, navigate } = await open(null);
    type(input(el, 'id'), 'lyon-food-coop');
    type(input(el, 'title.en'), 'Food co-op');
    q<HTMLButtonElement>(el, 'case-actors-add')?.click();
    type(input(el, 'actors[0].name'), 'Neighbours');
    save(el);
    await vi.waitFor(() =>
      expect(navigate).toHaveBeenCalledWith('#/knowledge/cases/lyon-food-coop'),
    );
    const post = asked.find((a) => a.method === 'POST');
    expect(post?.url).toBe('/api/v1/knowledge/cases');
    expect(post?.body).toEqual({
      id: 'lyon-food-coop',
      title: { en: 'Food co-op' },
      actors: [{ name: 'Neighbours' }],
    });
  });

  it('applies the JSON of the advanced box and names a parse error', async () => {
    fakeFetch(() => json(200, RECORD));
    const { el } = await open('qc-coop');
    const area = q<HTMLTextAreaElement>(el, 'case-json');
    if (!area) throw new Error('no JSON box');
    q<HTMLButtonElement>(el, 'case-json-show')?.click();
    expect(JSON.parse(area.value)).toEqual(DOC);
    area.value = '{"id": "qc-coop",';
    q<HTMLButtonElement>(el, 'case-json-apply')?.click();
    expect(q(el, 'case-json-error')?.textContent).toMatch(/^This is not valid JSON/);
    area.value = JSON.stringify({ ...DOC, title: { en: 'From JSON' } });
    q<HTMLButtonElement>(el, 'case-json-apply')?.click();
    expect(input(el, 'title.en').value).toBe('From JSON');
    expect(q(el, 'case-json-applied')).not.toBeNull();
  });

  it('lets members, stewards and admins write, not visitors nor read-only sessions', async () => {
    const visitor = session(null);
    await visitor.ready();
    expect(mayWriteCases(visitor)).toBe(false);
    for (const role of ['member', 'steward', 'admin'] as Role[]) {
      const s = session([role]);
      await s.ready();
      expect(mayWriteCases(s)).toBe(true);
    }
    fakeFetch(() => json(500, {}));
    const readOnly = new SessionStore({
      me: async () => ({
        who: 'token:t1',
        user: null,
        roles: [{ role: 'member', scope: '' }],
        read_only: true,
      }),
      signIn: async () => {
        throw new Error('not used');
      },
      signOut: async () => undefined,
    });
    await readOnly.ready();
    expect(mayWriteCases(readOnly)).toBe(false);
    const page = new KnowledgeCaseEditPage('qc-coop', readOnly, { navigate: vi.fn() });
    await vi.waitFor(() => expect(q(page.element, 'forbidden')).not.toBeNull());
  });

  it('redraws the other texts in another writing language, keeping what was typed', async () => {
    const asked = fakeFetch(() => json(200, { ...RECORD, version: 3 }));
    const { el } = await open('qc-coop');
    const label = () => input(el, 'core_elements[0].label');
    label().value = 'Shared mortgage';
    const writing = q<HTMLSelectElement>(el, 'case-writing-lang');
    if (!writing) throw new Error('no writing language');
    writing.value = 'fr';
    writing.dispatchEvent(new Event('change'));
    expect(label().value).toBe('');
    label().value = 'Hypothèque partagée';
    save(el);
    await vi.waitFor(() => expect(asked.some((a) => a.method === 'PUT')).toBe(true));
    const put = asked.find((a) => a.method === 'PUT');
    expect(put?.body?.core_elements).toEqual([
      {
        id: 'mortgage',
        label: { en: 'Shared mortgage', fr: 'Hypothèque partagée' },
        relies_on: [{ feature: 'trust', op: 'at_least', value: 'medium' }],
      },
    ]);
  });
});
