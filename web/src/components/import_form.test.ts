// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ImportForm } from './import_form';

function form(): ImportForm {
  const f = new ImportForm();
  document.body.replaceChildren(f.element);
  return f;
}

function byTestId<T extends HTMLElement>(id: string): T {
  const el = document.querySelector<T>(`[data-testid="${id}"]`);
  if (!el) throw new Error(`no [data-testid=${id}]`);
  return el;
}

/** Puts files in a file input, as a person choosing them does, and says so. */
function choose(input: HTMLInputElement, ...files: File[]): void {
  const list = Object.assign([...files], { item: (i: number) => files[i] ?? null });
  Object.defineProperty(input, 'files', { value: list, configurable: true });
  input.dispatchEvent(new Event('change'));
}

function selectFormat(value: string): void {
  const select = byTestId<HTMLSelectElement>('import-format');
  select.value = value;
  select.dispatchEvent(new Event('change'));
}

const mappingField = () => byTestId<HTMLInputElement>('import-mapping').closest('.form-field');

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('ImportForm mapping file', () => {
  it('asks for a mapping only when the format is csv', () => {
    form();
    expect(mappingField()?.hasAttribute('hidden')).toBe(true);
    selectFormat('csv');
    expect(mappingField()?.hasAttribute('hidden')).toBe(false);
    const label = document.querySelector('label[for="import-mapping"]');
    expect(label?.textContent).not.toBe('');
    selectFormat('geojson');
    expect(mappingField()?.hasAttribute('hidden')).toBe(true);
  });

  it('keeps csv chosen for a .csv file once the mapping format is picked', () => {
    form();
    choose(byTestId<HTMLInputElement>('import-file'), new File(['a'], 'standard.csv'));
    expect(byTestId<HTMLSelectElement>('import-format').value).toBe('essglobal-csv');
    expect(mappingField()?.hasAttribute('hidden')).toBe(true);
    selectFormat('csv');
    choose(byTestId<HTMLInputElement>('import-file'), new File(['a'], 'adherents.csv'));
    expect(byTestId<HTMLSelectElement>('import-format').value).toBe('csv');
    expect(mappingField()?.hasAttribute('hidden')).toBe(false);
  });

  it('refuses to send a csv without its mapping, saying why', async () => {
    const fetcher = vi.fn();
    vi.stubGlobal('fetch', fetcher);
    form();
    choose(byTestId<HTMLInputElement>('import-file'), new File(['N;Nom\n'], 'a.csv'));
    selectFormat('csv');
    byTestId<HTMLFormElement>('import-form').requestSubmit();
    await Promise.resolve();
    expect(fetcher).not.toHaveBeenCalled();
    expect(byTestId('import-mapping-error').hidden).toBe(false);
    expect(byTestId('import-mapping').getAttribute('aria-invalid')).toBe('true');
  });

  it('sends the spreadsheet and its mapping as the parts of a multipart form', async () => {
    const report = { imported: 2, updated: 0, unchanged: 0, rejected: [], committed: true };
    const fetcher = vi.fn<(url: string, init?: RequestInit) => Promise<Response>>(() =>
      Promise.resolve(new Response(JSON.stringify(report), { status: 200 })),
    );
    vi.stubGlobal('fetch', fetcher);
    form();
    choose(byTestId<HTMLInputElement>('import-file'), new File(['N;Nom\n1;A\n'], 'reseau.csv'));
    selectFormat('csv');
    choose(byTestId<HTMLInputElement>('import-mapping'), new File(['id: N\n'], 'reseau.yaml'));
    byTestId<HTMLFormElement>('import-form').requestSubmit();
    await vi.waitFor(() => expect(fetcher).toHaveBeenCalledTimes(1));
    const [url, init] = fetcher.mock.calls[0] ?? [];
    expect(url).toContain('format=csv');
    expect(url).toContain('source=reseau');
    const body = init?.body;
    expect(body).toBeInstanceOf(FormData);
    const parts = body as FormData;
    expect((parts.get('file') as File).name).toBe('reseau.csv');
    expect((parts.get('mapping') as File).name).toBe('reseau.yaml');
    const headers = (init?.headers ?? {}) as Record<string, string>;
    expect(headers['Content-Type']).toBeUndefined();
    await vi.waitFor(() => expect(byTestId('import-result').textContent).not.toBe(''));
  });
});
