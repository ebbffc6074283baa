// Partner matching (docs/ecosystem.md, "Partner matching"): the answers of
// GET /api/v1/ecosystem/partners, /brokers and /assets and of an actor's offers and wants read into
// typed values, the route's query (#/partners?actor=...), scores as percentages, and the body of
// a new offer or want. Pure functions, no DOM: the page and its components draw with them.

import { API_BASE, actorUrl, getJson, requestJson, withQuery } from './api';
import { textOf, type Text } from './ecosystem_blocks';
import type { MessageKey } from './i18n/i18n';
import { arr, num, numOrNull, obj, str, stringRecord, strings } from './json_read';

export const EXCHANGE_TYPES = ['want', 'offer'] as const;
export const TRANSACTION_TYPES = [
  'borrow-lend',
  'rent-lease',
  'buy-sell',
  'receive-donate',
] as const;
export const SCOPES = ['local', 'regional', 'national', 'international'] as const;
export const SCORE_PARTS = ['complementarity', 'proximity', 'trust'] as const;
export type ScorePart = (typeof SCORE_PARTS)[number];

export const LIMIT_MIN = 1;
export const LIMIT_MAX = 100;

// ---- the route ------------------------------------------------------------------------------

/** What #/partners asks for; "" and null mean "not given" (the server's default). */
export interface PartnersQuery {
  actor: string;
  block: string;
  asset: string;
  maxKm: number | null;
  includeTied: boolean;
  limit: number | null;
  /** The territory of the missing brokers section. */
  territory: string;
}

export const EMPTY_QUERY: PartnersQuery = {
  actor: '',
  block: '',
  asset: '',
  maxKm: null,
  includeTied: false,
  limit: null,
  territory: '',
};

/** A distance of 0 km or more, else null ("", "-3" and "far" are not distances). */
export function kmOf(value: string | null | undefined): number | null {
  const text = (value ?? '').trim();
  if (!text) return null;
  const km = Number(text);
  return Number.isFinite(km) && km >= 0 ? km : null;
}

/** A whole limit from 1 to 100, else null. */
export function limitOf(value: string | null | undefined): number | null {
  const text = (value ?? '').trim();
  if (!/^\d{1,3}$/.test(text)) return null;
  const n = Number(text);
  return n >= LIMIT_MIN && n <= LIMIT_MAX ? n : null;
}

/** Reads #/partners?actor=&block=&asset=&max_km=&include_tied=&limit=&territory=. */
export function partnersQueryOf(params: URLSearchParams): PartnersQuery {
  const get = (name: string) => (params.get(name) ?? '').trim();
  return {
    actor: get('actor'),
    block: get('block'),
    asset: get('asset'),
    maxKm: kmOf(get('max_km')),
    includeTied: get('include_tied') === 'true',
    limit: limitOf(get('limit')),
    territory: get('territory'),
  };
}

/** The query's parameters in a stable order, leaving out what is not given. */
function queryParams(q: PartnersQuery, withTerritory: boolean): URLSearchParams {
  const params = new URLSearchParams();
  if (q.actor) params.set('actor', q.actor);
  if (q.block) params.set('block', q.block);
  if (q.asset) params.set('asset', q.asset);
  if (q.maxKm !== null) params.set('max_km', String(q.maxKm));
  if (q.includeTied) params.set('include_tied', 'true');
  if (q.limit !== null) params.set('limit', String(q.limit));
  if (withTerritory && q.territory) params.set('territory', q.territory);
  return params;
}

export function partnersHref(q: Partial<PartnersQuery>): string {
  const query = queryParams({ ...EMPTY_QUERY, ...q }, true).toString();
  return query ? `#/partners?${query}` : '#/partners';
}

// ---- requests -------------------------------------------------------------------------------

const ECOSYSTEM_API = `${API_BASE}/ecosystem`;

// Without `lang`, texts come back in the four languages: a language change redraws the page
// without a new request.
export function partnersUrl(q: PartnersQuery): string {
  return withQuery(`${ECOSYSTEM_API}/partners`, queryParams(q, false));
}

export function brokersUrl(territory: string): string {
  return withQuery(`${ECOSYSTEM_API}/brokers`, new URLSearchParams({ territory }));
}

/** With `withDeleted`, deleted ones too (only for those who may edit the actor). */
export function offersWantsUrl(actor: string, withDeleted = false): string {
  const params = new URLSearchParams(withDeleted ? { with_deleted: 'true' } : {});
  return withQuery(`${actorUrl(actor)}/offers-wants`, params);
}

export function offerWantUrl(id: string): string {
  return `${API_BASE}/offers-wants/${encodeURIComponent(id)}`;
}

// ---- reading the answers --------------------------------------------------------------------

export interface ActorRef {
  id: string;
  name: string;
}

export interface PartnerMatch {
  direction: 'forward' | 'reverse' | string;
  want_id: string;
  offer_id: string;
  asset_type: string;
  coverage: number;
}

export interface Recommendation {
  partner: ActorRef & { group: string };
  score: number;
  components: Record<ScorePart, number>;
  shared_ties: { count: number; examples: ActorRef[] };
  distance_km: number | null;
  tied: boolean;
  matches: PartnerMatch[];
  explanation: Text;
}

export interface Recommendations {
  actor_id: string;
  needs: { source: string; lacked_blocks: string[]; note: Text };
  items: Recommendation[];
  candidates_scored: number;
  tied_left_out: number;
}

const refOf = (v: unknown): ActorRef => ({ id: str(obj(v).id), name: str(obj(v).name) });

// The shape of partners_json.cc: the partner, the components and the shared ties nested.
function recommendationOf(v: unknown): Recommendation {
  const r = obj(v);
  const partner = obj(r.partner);
  const parts = obj(r.components);
  const ties = obj(r.shared_ties);
  const id = str(partner.id);
  return {
    partner: { id, name: str(partner.name) || id, group: str(partner.group) },
    score: num(r.score),
    components: {
      complementarity: num(parts.complementarity),
      proximity: num(parts.proximity),
      trust: num(parts.trust),
    },
    shared_ties: {
      count: num(ties.count),
      examples: arr(ties.examples).map(refOf),
    },
    distance_km: numOrNull(r.distance_km),
    tied: r.tied === true,
    matches: arr(r.matches).map((m) => {
      const o = obj(m);
      return {
        direction: str(o.direction),
        want_id: str(o.want_id),
        offer_id: str(o.offer_id),
        asset_type: str(o.asset_type),
        coverage: num(o.coverage),
      };
    }),
    explanation: textOf(r.explanation),
  };
}

/** Reads recommendations; throws when the answer names no actor. */
export function parseRecommendations(body: unknown): Recommendations {
  const r = obj(body);
  if (!str(r.actor_id)) throw new Error('not partner recommendations: actor_id is required');
  const needs = obj(r.needs);
  return {
    actor_id: str(r.actor_id),
    needs: {
      source: str(needs.source) || 'none',
      lacked_blocks: strings(needs.lacked_blocks),
      note: textOf(needs.note),
    },
    items: arr(r.recommendations).map(recommendationOf),
    candidates_scored: num(r.candidates_scored),
    tied_left_out: num(r.tied_left_out),
  };
}

export interface GapSide {
  group: string;
  actors: number;
  examples: ActorRef[];
}

export interface Bridge extends ActorRef {
  group: string;
  side: string;
  ties_to_side: number;
}

export interface BrokerGap {
  block: string;
  a: GapSide;
  b: GapSide;
  bridges: Bridge[];
  text: Text;
}

export interface BrokerReport {
  territory: string;
  gaps: BrokerGap[];
}

function sideOf(v: unknown): GapSide {
  const s = obj(v);
  return { group: str(s.group), actors: num(s.actors), examples: arr(s.examples).map(refOf) };
}

export function parseBrokers(body: unknown): BrokerReport {
  const r = obj(body);
  if (!Array.isArray(r.gaps)) throw new Error('not a broker report: gaps are required');
  return {
    territory: str(r.territory),
    gaps: r.gaps.map((v) => {
      const g = obj(v);
      return {
        block: str(g.block),
        a: sideOf(g.a),
        b: sideOf(g.b),
        bridges: arr(g.bridges).map((b) => ({
          ...refOf(b),
          group: str(obj(b).group),
          side: str(obj(b).side),
          ties_to_side: num(obj(b).ties_to_side),
        })),
        text: textOf(g.text),
      };
    }),
  };
}

export interface AssetType {
  id: string;
  block: string;
  label: Text;
}

export function parseAssets(body: unknown): AssetType[] {
  return arr(obj(body).asset_types).map((v) => {
    const a = obj(v);
    return { id: str(a.id), block: str(a.block), label: textOf(a.label) };
  });
}

export interface OfferWant {
  id: string;
  actor_id: string;
  exchange_type: string;
  item_type: string;
  transaction_types: string[];
  tags: string[];
  title: string;
  description: string;
  geographic_scope: string;
  block: string;
  asset_type: string;
  contact_details: Record<string, string>;
  expires_at: string;
  source: string;
  deleted: boolean;
}

export function offerWantOf(v: unknown): OfferWant {
  const o = obj(v);
  return {
    id: str(o.id),
    actor_id: str(o.actor_id),
    exchange_type: str(o.exchange_type),
    item_type: str(o.item_type),
    transaction_types: strings(o.transaction_types),
    tags: strings(o.tags),
    title: str(o.title),
    description: str(o.description),
    geographic_scope: str(o.geographic_scope),
    block: str(o.block),
    asset_type: str(o.asset_type),
    contact_details: stringRecord(o.contact_details),
    expires_at: str(o.expires_at),
    source: str(o.source),
    deleted: o.deleted === true,
  };
}

// ---- display helpers ------------------------------------------------------------------------

/** A 0..1 share as a whole percentage in the reader's language ("87 %" in French); "—" if unknown. */
export function percent(value: number | null | undefined, lang: string): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const share = Math.min(1, Math.max(0, value));
  return new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 0 }).format(share);
}

/** A distance in km: one decimal below 10 km, whole above; "—" when unknown. */
export function kilometres(value: number | null, lang: string): string {
  if (value === null || !Number.isFinite(value)) return '—';
  const digits = value < 10 ? 1 : 0;
  return new Intl.NumberFormat(lang, { maximumFractionDigits: digits }).format(value);
}

/** Asset types by the block they serve, blocks in `blockOrder` then any others, by first seen. */
export function assetsByBlock(
  assets: readonly AssetType[],
  blockOrder: readonly string[],
): { block: string; assets: AssetType[] }[] {
  const groups = new Map<string, AssetType[]>();
  for (const a of assets) groups.set(a.block, [...(groups.get(a.block) ?? []), a]);
  const order = [...blockOrder.filter((b) => groups.has(b))];
  for (const b of groups.keys()) if (!order.includes(b)) order.push(b);
  return order.map((block) => ({ block, assets: groups.get(block) ?? [] }));
}

/** Wants first, then offers; within each, live ones before deleted ones, then by title. */
export function sortOffersWants(items: readonly OfferWant[]): OfferWant[] {
  const rank = (o: OfferWant) => (o.exchange_type === 'want' ? 0 : 1) * 2 + (o.deleted ? 1 : 0);
  return [...items].sort((a, b) => rank(a) - rank(b) || a.title.localeCompare(b.title));
}

// ---- a new offer or want --------------------------------------------------------------------

export interface OfferWantDraft {
  exchange_type: string;
  title: string;
  description: string;
  asset_type: string;
  /** Comma-separated, as typed. */
  tags: string;
  transaction_types: readonly string[];
  geographic_scope: string;
  email: string;
}

export type OfferWantBody = Omit<
  OfferWant,
  'id' | 'actor_id' | 'item_type' | 'block' | 'expires_at' | 'source' | 'deleted'
>;

/** Tags from "finance, oven,,Finance ": trimmed, lower-cased, without empties and repeats. */
export function tagList(text: string): string[] {
  const out: string[] = [];
  for (const part of text.split(',')) {
    const tag = part.trim().toLowerCase();
    if (tag && !out.includes(tag)) out.push(tag);
  }
  return out;
}

/**
 * The body of POST /actors/{id}/offers-wants from the form, or the catalogue key of the first
 * problem the server would refuse it for (the server checks again and has the last word).
 */
export function offerWantBody(
  d: OfferWantDraft,
): { body: OfferWantBody; error?: never } | { error: MessageKey; body?: never } {
  if (!(EXCHANGE_TYPES as readonly string[]).includes(d.exchange_type)) {
    return { error: 'partners.form.errorExchange' };
  }
  if (!d.title.trim()) return { error: 'partners.form.errorTitle' };
  if (!d.description.trim()) return { error: 'partners.form.errorDescription' };
  if (!(SCOPES as readonly string[]).includes(d.geographic_scope)) {
    return { error: 'partners.form.errorScope' };
  }
  const email = d.email.trim();
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) return { error: 'partners.form.errorEmail' };
  const transactions = TRANSACTION_TYPES.filter((tt) => d.transaction_types.includes(tt));
  return {
    body: {
      exchange_type: d.exchange_type,
      title: d.title.trim(),
      description: d.description.trim(),
      asset_type: d.asset_type,
      tags: tagList(d.tags),
      transaction_types: transactions,
      geographic_scope: d.geographic_scope,
      contact_details: { email },
    },
  };
}

export interface DeletedState {
  id: string;
  actor_id: string;
  version: number;
  deleted: boolean;
}

export const partnersApi = {
  recommend: async (q: PartnersQuery, signal?: AbortSignal) =>
    parseRecommendations(await getJson<unknown>(partnersUrl(q), signal)),
  brokers: async (territory: string, signal?: AbortSignal) =>
    parseBrokers(await getJson<unknown>(brokersUrl(territory), signal)),
  assets: async (signal?: AbortSignal) =>
    parseAssets(await getJson<unknown>(`${ECOSYSTEM_API}/assets`, signal)),
  offersWants: async (actor: string, withDeleted: boolean, signal?: AbortSignal) =>
    arr(obj(await getJson<unknown>(offersWantsUrl(actor, withDeleted), signal)).items).map(
      offerWantOf,
    ),
  add: async (actor: string, body: OfferWantBody) =>
    offerWantOf(await requestJson<unknown>('POST', offersWantsUrl(actor), { body })),
  remove: (id: string) => requestJson<DeletedState>('DELETE', offerWantUrl(id)),
  restore: (id: string) => requestJson<DeletedState>('POST', `${offerWantUrl(id)}/restore`),
};
