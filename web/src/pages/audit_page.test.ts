// @vitest-environment jsdom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { accountApi } from '../api';
import { SessionStore } from '../session';
import type { AuditEntry, Grant } from '../types';
import { AuditPage } from './audit_page';

function entry(seq: number): AuditEntry {
  return {
    seq,
    at: '2026-11-29T00:00:00Z',
    who: 'user:u1',
    address: '127.0.0.1',
    action: 'actor.update',
    object_type: 'actor',
    object_id: 'cwmpas',
    before: { website: 'https://a' },
    after: { website: 'https://b' },
    prev_hash: 'p',
    hash: 'h',
  };
}

/** A log of `n` entries behind the account API. */
function fakeLog(n: number) {
  vi.spyOn(accountApi, 'audit').mockImplementation(async (from, limit) => {
    const items = [];
    for (let seq = from; seq <= n && items.length < limit; seq++) items.push(entry(seq));
    return { items, next_from: from + limit <= n ? from + limit : null };
  });
}

async function page(roles: Grant[]): Promise<HTMLElement> {
  const session = new SessionStore({
    me: async () => ({ who: 'user:u1', user: null, roles, read_only: false }),
    signIn: async () => {
      throw new Error('not used');
    },
    signOut: async () => undefined,
  });
  const audit = new AuditPage(session);
  document.body.replaceChildren(audit.element);
  await session.ready();
  return audit.element;
}

const seqs = (root: HTMLElement) =>
  [...root.querySelectorAll<HTMLElement>('[data-testid="audit-entry"]')].map(
    (li) => li.dataset.seq,
  );

describe('AuditPage', () => {
  beforeEach(() => vi.restoreAllMocks());

  it('shows the newest entries first, then older ones on demand', async () => {
    fakeLog(120);
    const root = await page([{ role: 'admin', scope: '' }]);
    await vi.waitFor(() => expect(seqs(root)).toHaveLength(50));
    expect(seqs(root).slice(0, 2)).toEqual(['120', '119']);
    root.querySelector<HTMLButtonElement>('[data-testid="audit-older"]')?.click();
    await vi.waitFor(() => expect(seqs(root)).toHaveLength(100));
    expect(seqs(root).at(-1)).toBe('21');
    expect(root.querySelector('[data-testid="audit-diff"]')?.textContent).toContain('https://b');
  });

  it('names the first bad entry of a broken chain and shows it', async () => {
    fakeLog(9);
    vi.spyOn(accountApi, 'verifyAudit').mockResolvedValue({
      ok: false,
      entries: 9,
      first_bad: 4,
      problem: 'hash mismatch',
    });
    const root = await page([{ role: 'admin', scope: '' }]);
    await vi.waitFor(() => expect(seqs(root)).toHaveLength(9));
    root.querySelector<HTMLButtonElement>('[data-testid="audit-verify"]')?.click();
    await vi.waitFor(() =>
      expect(root.querySelector('[data-testid="verify-bad-entry"]')).not.toBeNull(),
    );
    expect(root.querySelector('[data-testid="verify-broken"]')?.textContent).toContain(
      'broken at entry 4: hash mismatch',
    );
    const bad = root.querySelector<HTMLElement>('[data-testid="verify-bad-entry"] li');
    expect(bad?.dataset.seq).toBe('4');
  });

  it('asks nothing of the server for someone who is not an admin', async () => {
    const audit = vi.spyOn(accountApi, 'audit');
    const root = await page([{ role: 'steward', scope: 'network:diesis' }]);
    await vi.waitFor(() => expect(root.querySelector('[data-testid="forbidden"]')).not.toBeNull());
    expect(root.textContent).toContain('You need the admin role');
    expect(audit).not.toHaveBeenCalled();
  });
});
