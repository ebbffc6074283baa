import { describe, expect, it, vi } from 'vitest';
import { ApiError } from './api';
import { checkReport, reportHref, reportLang, reportQueryOf, reportUrl } from './report';

describe('reportQueryOf', () => {
  it('reads the territory and the language of the route', () => {
    expect(reportQueryOf(new URLSearchParams('territory=%20GB/wales%20&lang=fr'))).toEqual({
      territory: 'GB/wales',
      lang: 'fr',
    });
  });

  it('takes a missing or unknown language as the interface language', () => {
    expect(reportQueryOf(new URLSearchParams('lang=de'))).toEqual({ territory: '', lang: null });
    expect(reportLang({ territory: 'GB', lang: null }, 'pt')).toBe('pt');
    expect(reportLang({ territory: 'GB', lang: 'es' }, 'pt')).toBe('es');
  });
});

describe('reportHref', () => {
  it('keeps what is chosen and round-trips', () => {
    const href = reportHref({ territory: 'CA/QC', lang: 'fr' });
    expect(href).toBe('#/report?territory=CA%2FQC&lang=fr');
    expect(reportQueryOf(new URLSearchParams(href.split('?')[1]))).toEqual({
      territory: 'CA/QC',
      lang: 'fr',
    });
  });

  it('is the bare page without a choice', () => {
    expect(reportHref({ territory: '', lang: null })).toBe('#/report');
  });
});

describe('reportUrl', () => {
  it('asks the API for the format and language, slashes readable', () => {
    expect(reportUrl('CA/QC', 'fr', 'pdf')).toBe(
      '/api/v1/ecosystem/report?territory=CA/QC&lang=fr&format=pdf',
    );
  });

  it('encodes what could break the query', () => {
    const url = reportUrl('A&B=C', 'en', 'html');
    expect(new URL(url, 'http://x').searchParams.get('territory')).toBe('A&B=C');
  });
});

describe('checkReport', () => {
  it('resolves on an HTML answer, with the cookie, without reading the body', async () => {
    const fetcher = vi.fn(async () => new Response('<html></html>', { status: 200 }));
    await expect(checkReport('/r', undefined, fetcher)).resolves.toBeUndefined();
    expect(fetcher).toHaveBeenCalledWith(
      '/r',
      expect.objectContaining({ credentials: 'same-origin' }),
    );
  });

  it("rejects with the API's message on a refusal", async () => {
    const body = { error: { code: 'not_found', message: "no territory 'XX'" } };
    const fetcher = async () => new Response(JSON.stringify(body), { status: 404 });
    const error = await checkReport('/r', undefined, fetcher).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 404, code: 'not_found', message: "no territory 'XX'" });
  });

  it('tolerates an error body that is not JSON', async () => {
    const fetcher = async () => new Response('<h1>Bad gateway</h1>', { status: 502 });
    await expect(checkReport('/r', undefined, fetcher)).rejects.toMatchObject({
      status: 502,
      code: 'http_502',
    });
  });

  it('reports a network failure as status 0', async () => {
    const fetcher = async () => {
      throw new TypeError('Failed to fetch');
    };
    await expect(checkReport('/r', undefined, fetcher)).rejects.toMatchObject({ status: 0 });
  });
});
