import { afterEach, describe, expect, it } from 'vitest';
import {
  actorsUrl,
  actorUrl,
  ApiError,
  auditUrl,
  errorFromBody,
  getJson,
  mapPointsUrl,
  relationshipsUrl,
  requestHeaders,
  requestJson,
  setCsrfToken,
  taxonomyUrl,
  territoriesUrl,
  territoryUrl,
  userUrl,
} from './api';

describe('URL building', () => {
  it('lists actors without parameters when there is no filter', () => {
    expect(actorsUrl({})).toBe('/api/v1/actors');
  });

  it('puts the filters, limit and cursor in the query', () => {
    const url = actorsUrl(
      { q: 'café bio', kind: 'network', country: 'CA', activity: 'ICA140', structure: 'OS115' },
      'abc+/=',
      20,
    );
    expect(url).toBe(
      '/api/v1/actors?q=caf%C3%A9+bio&kind=network&country=CA&activity=ICA140&structure=OS115&limit=20&cursor=abc%2B%2F%3D',
    );
  });

  it('drops blank filters', () => {
    expect(actorsUrl({ q: '  ', kind: '' })).toBe('/api/v1/actors');
  });

  it('uses the same filters for map points', () => {
    expect(mapPointsUrl({ q: 'TIESS', country: 'CA' })).toBe(
      '/api/v1/map/points?q=TIESS&country=CA',
    );
  });

  it('escapes ids in paths', () => {
    expect(actorUrl('a/b c')).toBe('/api/v1/actors/a%2Fb%20c');
    expect(relationshipsUrl('x')).toBe('/api/v1/actors/x/relationships');
  });

  it('asks taxonomies in a language', () => {
    expect(taxonomyUrl('activities-ica', 'fr')).toBe('/api/v1/taxonomies/activities-ica?lang=fr');
  });

  it('pages the audit log and escapes user ids', () => {
    expect(auditUrl(51, 50)).toBe('/api/v1/audit?from=51&limit=50');
    expect(userUrl('usr-1/x')).toBe('/api/v1/users/usr-1%2Fx');
  });

  it('lists territories under a parent and encodes territory ids', () => {
    expect(territoriesUrl('')).toBe('/api/v1/territories');
    expect(territoriesUrl('GB/wales')).toBe('/api/v1/territories?parent=GB%2Fwales');
    expect(territoryUrl('GB/wales')).toBe('/api/v1/territories/GB%2Fwales');
  });
});

describe('errors', () => {
  it('reads the documented error body', () => {
    const error = errorFromBody(400, { error: { code: 'invalid_argument', message: 'bbox: bad' } });
    expect(error).toMatchObject({ status: 400, code: 'invalid_argument', message: 'bbox: bad' });
  });

  it('copes with a body of another shape', () => {
    expect(errorFromBody(502, '<html>')).toMatchObject({ code: 'http_502', message: 'HTTP 502' });
  });

  it('rejects with the API error of a 404', async () => {
    const body = { error: { code: 'not_found', message: 'actor x not found' } };
    const fetcher = async () => new Response(JSON.stringify(body), { status: 404 });
    await expect(getJson('/api/v1/actors/x', undefined, fetcher)).rejects.toMatchObject({
      status: 404,
      code: 'not_found',
    });
  });

  it('turns a network failure into status 0', async () => {
    const fetcher = async () => {
      throw new TypeError('Failed to fetch');
    };
    const error = await getJson('/x', undefined, fetcher).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 0, code: 'network' });
  });

  it('returns the JSON of a success', async () => {
    const fetcher = async () => new Response('{"items":[],"next_cursor":null}', { status: 200 });
    await expect(getJson('/x', undefined, fetcher)).resolves.toEqual({
      items: [],
      next_cursor: null,
    });
  });
});

/** A fetcher that records the requests it gets and answers `response`. */
function recorder(response: () => Response) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetcher = async (url: string, init?: RequestInit) => {
    calls.push({ url, init: init ?? {} });
    return response();
  };
  return { calls, fetcher };
}

const header = (init: RequestInit, name: string) =>
  (init.headers as Record<string, string>)[name] ?? null;

describe('CSRF token', () => {
  afterEach(() => setCsrfToken(null));

  it('goes with writes once someone is signed in', () => {
    setCsrfToken('csrf-1');
    for (const method of ['POST', 'PATCH', 'DELETE', 'put']) {
      expect(requestHeaders(method, true)['X-CSRF-Token']).toBe('csrf-1');
    }
  });

  it('never goes with reads', () => {
    setCsrfToken('csrf-1');
    expect(requestHeaders('GET', false)).toEqual({ Accept: 'application/json' });
    expect(requestHeaders('HEAD', false)['X-CSRF-Token']).toBeUndefined();
  });

  it('is absent when no one is signed in', () => {
    expect(requestHeaders('POST', true)).toEqual({
      Accept: 'application/json',
      'Content-Type': 'application/json',
    });
  });

  it('is sent by a write, with the JSON body and the same-origin cookie', async () => {
    setCsrfToken('csrf-2');
    const { calls, fetcher } = recorder(() => new Response('{"id":"a"}', { status: 200 }));
    await requestJson('PATCH', '/api/v1/actors/a', { body: { name: 'A' }, fetcher });
    const init = calls[0]?.init ?? {};
    expect(init.method).toBe('PATCH');
    expect(init.credentials).toBe('same-origin');
    expect(init.body).toBe('{"name":"A"}');
    expect(header(init, 'X-CSRF-Token')).toBe('csrf-2');
    expect(header(init, 'Content-Type')).toBe('application/json');
  });

  it('is not sent by a read, which still carries the cookie', async () => {
    setCsrfToken('csrf-3');
    const { calls, fetcher } = recorder(() => new Response('{}', { status: 200 }));
    await getJson('/api/v1/auth/me', undefined, fetcher);
    const init = calls[0]?.init ?? {};
    expect(init.method).toBe('GET');
    expect(init.credentials).toBe('same-origin');
    expect(header(init, 'X-CSRF-Token')).toBeNull();
  });
});

describe('requestJson', () => {
  it('answers undefined for 204 No Content', async () => {
    const { fetcher } = recorder(() => new Response(null, { status: 204 }));
    await expect(requestJson('POST', '/api/v1/auth/signout', { fetcher })).resolves.toBeUndefined();
  });

  it('keeps the details of an error', async () => {
    const body = { error: { code: 'conflict', message: 'version', details: { at: 3 } } };
    const { fetcher } = recorder(() => new Response(JSON.stringify(body), { status: 409 }));
    await expect(requestJson('PATCH', '/x', { body: {}, fetcher })).rejects.toMatchObject({
      status: 409,
      code: 'conflict',
      details: { at: 3 },
    });
  });
});
