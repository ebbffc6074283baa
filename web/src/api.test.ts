import { describe, expect, it } from 'vitest';
import {
  actorsUrl,
  actorUrl,
  ApiError,
  errorFromBody,
  getJson,
  mapPointsUrl,
  relationshipsUrl,
  taxonomyUrl,
  territoriesUrl,
  territoryUrl,
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
