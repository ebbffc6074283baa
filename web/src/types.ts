// Types of the JSON that the Ecosol HTTP API serves (docs/http-api.md). Only what the web app reads.

export const ACTOR_KINDS = [
  'organisation',
  'informal_group',
  'network',
  'university',
  'public_body',
  'funder',
  'other',
] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

export const RELATIONSHIP_TYPES = [
  'member_of',
  'partner_of',
  'funds',
  'supplies',
  'federated_in',
  'co_constructs_with',
  'supports',
  'other',
] as const;
export type RelationshipType = (typeof RELATIONSHIP_TYPES)[number];

export const LOCATION_PRECISIONS = ['exact', 'approximate', 'hidden'] as const;
export type LocationPrecision = (typeof LOCATION_PRECISIONS)[number];

/** Who may see an actor: everyone, the people of its networks, or only those who curate it. */
export const VISIBILITIES = ['public', 'network', 'private'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

/** The fields of an actor that can be shown to fewer people than the record itself. */
export const RESTRICTABLE_FIELDS = [
  'description',
  'legal_form',
  'address',
  'contacts',
  'website',
  'founded',
  'dissolved',
  'identifiers',
  'attributes',
] as const;
export type RestrictableField = (typeof RESTRICTABLE_FIELDS)[number];
export type FieldVisibility = Partial<Record<RestrictableField, 'network' | 'private'>>;
/** A merge patch of field_visibility: null lifts a field's restriction. */
export type FieldVisibilityPatch = Partial<Record<RestrictableField, 'network' | 'private' | null>>;

export interface Location {
  lat: number;
  lon: number;
  precision: LocationPrecision;
}

export interface ActorSummary {
  id: string;
  kind: string;
  name: string;
  primary_activity?: string | null;
  structures?: string[];
  country?: string | null;
  locality?: string | null;
  location?: Location | null;
  snippet?: string;
}

export interface Page<T> {
  items: T[];
  next_cursor: string | null;
}

export interface Address {
  street?: string | null;
  locality?: string | null;
  region?: string | null;
  postcode?: string | null;
  country?: string | null;
}

export interface ProvenanceEntry {
  source?: string;
  date?: string;
  method?: string;
  confidence?: number;
}

export interface Actor {
  id: string;
  kind: string;
  name: string;
  names?: Record<string, string>;
  description?: Record<string, string>;
  legal_form?: string | null;
  structures?: string[];
  activities?: string[];
  primary_activity?: string | null;
  membership_types?: string[];
  qualifiers?: string[];
  claims?: string[];
  address?: Address | null;
  territory?: string | null;
  location?: Location | null;
  website?: string | null;
  contacts?: Record<string, string> | null;
  founded?: string | null;
  dissolved?: string | null;
  identifiers?: Record<string, string>;
  /** Free key/value facts (sent by the server; not yet in docs/http-api.md). */
  attributes?: Record<string, string>;
  provenance?: Record<string, ProvenanceEntry>;
  visibility?: Visibility;
  field_visibility?: FieldVisibility;
  version?: number;
  updated_at?: string;
}

/** A JSON merge patch of an actor (PATCH /api/v1/actors/{id}); `version` guards against overwrites. */
export type ActorPatch = {
  [K in Exclude<keyof Actor, 'field_visibility'>]?: Actor[K] | null;
} & { field_visibility?: FieldVisibilityPatch; version?: number };

/** What the caller may do with an actor (GET /api/v1/actors/{id}/access). */
export interface ActorAccess {
  sees: Visibility;
  can_edit: boolean;
  can_delete: boolean;
  can_restore: boolean;
  /** May screen the actor and read or change its screening profile. */
  can_assess?: boolean;
}

export interface Relationship {
  id: string;
  from: string;
  to: string;
  type: string;
  from_name?: string;
  to_name?: string;
  started?: string | null;
  ended?: string | null;
  strength?: number | null;
  description?: string | null;
}

/** One map point: [id, lon, lat, name, kind]. */
export type MapPoint = [string, number, number, string, string];

export interface MapPoints {
  items: MapPoint[];
  truncated: boolean;
}

export interface Term {
  code: string;
  label: string;
}

export interface Taxonomy {
  scheme: string;
  lang: string;
  terms: Term[];
}

/** A node of the territory hierarchy (GET /api/v1/territories). */
export interface Territory {
  /** A path from the country down: "GB", "GB/wales", "GB/wales/cardiff". */
  id: string;
  parent_id: string | null;
  name: string;
  level: string;
  population: number | null;
  /** Actors in the territory or below it. */
  actors: number;
  /** Direct sub-territories. */
  children: number;
}

export interface AppConfig {
  tile_url: string | null;
  tile_attribution?: string;
  languages?: string[];
  /** Attributions the licences of the loaded data require (shown in the footer). */
  attributions?: string[];
}

export const ROLES = ['admin', 'steward', 'member', 'assessor', 'funder'] as const;
export type Role = (typeof ROLES)[number];

/** A role over a scope: "" (the instance), "network:<id>", "territory:<id>" or "actor:<id>". */
export interface Grant {
  role: Role;
  scope: string;
}

export interface User {
  id: string;
  email: string;
  name: string;
  created_at: string;
  disabled: boolean;
  locked_until?: string | null;
  roles: Grant[];
}

/** GET /api/v1/auth/me: who is signed in; the CSRF token comes only with a session cookie. */
export interface Me {
  who: string;
  user: User | null;
  roles: Grant[];
  read_only: boolean;
  csrf_token?: string;
  expires_at?: string;
}

export interface SignInResult {
  user: User;
  csrf_token: string;
  expires_at: string;
}

export type TokenScope = 'read' | 'write';

export interface Token {
  id: string;
  user_id: string;
  name: string;
  scope: TokenScope;
  created_at: string;
  expires_at: string;
  revoked_at?: string | null;
  state: 'active' | 'expired' | 'revoked';
}

/** The answer to a token's creation: the only time its secret is shown. */
export interface NewToken extends Token {
  token: string;
}

export interface AuditEntry {
  seq: number;
  at: string;
  who: string;
  address: string;
  action: string;
  object_type: string;
  object_id: string;
  before: unknown;
  after: unknown;
  prev_hash: string;
  hash: string;
}

export interface AuditPage {
  items: AuditEntry[];
  next_from: number | null;
}

export interface AuditCheck {
  ok: boolean;
  entries: number;
  first_bad: number | null;
  problem: string | null;
}

/** A row of an imported file the registry refused: its line (or record number), field and why. */
export interface RejectedRow {
  line: number;
  field: string;
  message: string;
}

/**
 * What POST /imports did with a file: actors added, changed and already up to date, the rows it
 * refused, and whether anything was written (false for a dry run or a refused file).
 */
export interface ImportReport {
  imported: number;
  updated: number;
  unchanged: number;
  rejected: RejectedRow[];
  committed: boolean;
}

/**
 * A dated figure about an actor (GET /actors/{id}/indicators): its turnover, members,
 * employees... for a period (a year, "2016") from a source, describing the year ending `as_of`.
 */
export interface Indicator {
  /** "turnover", "profit_before_tax", "member_funds", "members", "employees", or another. */
  name: string;
  period: string;
  value: number;
  /** "GBP" (a currency code) or "people". */
  unit: string;
  source: string;
  as_of: string;
  recorded_at: string;
}

export interface ActorIndicators {
  actor_id: string;
  /** By name, period and source. */
  items: Indicator[];
}
