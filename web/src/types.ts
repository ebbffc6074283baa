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

export type LocationPrecision = 'exact' | 'approximate' | 'hidden';

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
  version?: number;
  updated_at?: string;
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
