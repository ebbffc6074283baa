--
-- PostgreSQL database dump
--


-- Dumped from database version 15.18 (Debian 15.18-0+deb12u1)
-- Dumped by pg_dump version 15.18 (Debian 15.18-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Name: ecosol_v15; Type: SCHEMA; Schema: -; Owner: -
--

CREATE SCHEMA ecosol_v15;


SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: actor_codes; Type: TABLE; Schema: ecosol_v15; Owner: -
--

CREATE TABLE ecosol_v15.actor_codes (
    scheme text NOT NULL,
    code text NOT NULL,
    rid bigint NOT NULL
);


--
-- Name: actor_identifiers; Type: TABLE; Schema: ecosol_v15; Owner: -
--

CREATE TABLE ecosol_v15.actor_identifiers (
    scheme text NOT NULL,
    value text NOT NULL,
    actor_id text NOT NULL
);


--
-- Name: actor_profiles; Type: TABLE; Schema: ecosol_v15; Owner: -
--

CREATE TABLE ecosol_v15.actor_profiles (
    actor_id text NOT NULL,
    version bigint NOT NULL,
    created_at text NOT NULL,
    who text DEFAULT ''::text NOT NULL,
    doc text NOT NULL,
    statutes_name text DEFAULT ''::text NOT NULL,
    statutes_text text DEFAULT ''::text NOT NULL
);


--
-- Name: actor_versions; Type: TABLE; Schema: ecosol_v15; Owner: -
--

CREATE TABLE ecosol_v15.actor_versions (
    actor_id text NOT NULL,
    version bigint NOT NULL,
    changed_at text NOT NULL,
    change text NOT NULL,
    doc text NOT NULL
);


--
-- Name: actors; Type: TABLE; Schema: ecosol_v15; Owner: -
--

CREATE TABLE ecosol_v15.actors (
    rid bigint NOT NULL,
    id text NOT NULL COLLATE pg_catalog."C",
    kind text NOT NULL,
    name text NOT NULL,
    sort_name text NOT NULL COLLATE pg_catalog."C",
    country text DEFAULT ''::text NOT NULL,
    lat double precision,
    lon double precision,
    deleted integer DEFAULT 0 NOT NULL,
    version bigint NOT NULL,
    updated_at text NOT NULL,
    doc text NOT NULL,
    tsv tsvector DEFAULT ''::tsvector NOT NULL,
    territory text DEFAULT ''::text NOT NULL COLLATE pg_catalog."C",
    change text DEFAULT 'create'::text NOT NULL,
    changed_gen bigint DEFAULT 0 NOT NULL,
    visibility integer DEFAULT 0 NOT NULL
);


--
-- Name: actors_rid_seq; Type: SEQUENCE; Schema: ecosol_v15; Owner: -
--

CREATE SEQUENCE ecosol_v15.actors_rid_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: actors_rid_seq; Type: SEQUENCE OWNED BY; Schema: ecosol_v15; Owner: -
--

ALTER SEQUENCE ecosol_v15.actors_rid_seq OWNED BY ecosol_v15.actors.rid;


--
-- Name: api_tokens; Type: TABLE; Schema: ecosol_v15; Owner: -
--

CREATE TABLE ecosol_v15.api_tokens (
    id text NOT NULL,
    user_id text NOT NULL,
    name text NOT NULL,
    secret_hash text NOT NULL,
    scope text NOT NULL,
    created_at text NOT NULL,
    expires_at text NOT NULL,
    revoked_at text DEFAULT ''::text NOT NULL
);


--
-- Name: assessments; Type: TABLE; Schema: ecosol_v15; Owner: -
--

CREATE TABLE ecosol_v15.assessments (
    id text NOT NULL,
    actor_id text NOT NULL,
    framework text NOT NULL,
    framework_version text NOT NULL,
    n bigint NOT NULL,
    verdict text NOT NULL,
    created_at text NOT NULL,
    who text DEFAULT ''::text NOT NULL,
    profile_version bigint NOT NULL,
    result text NOT NULL
);


--
-- Name: audit_head; Type: TABLE; Schema: ecosol_v15; Owner: -
--

CREATE TABLE ecosol_v15.audit_head (
    id integer NOT NULL,
    seq bigint NOT NULL,
    hash text NOT NULL,
    CONSTRAINT audit_head_id_check CHECK ((id = 1))
);


--
-- Name: audit_log; Type: TABLE; Schema: ecosol_v15; Owner: -
--

CREATE TABLE ecosol_v15.audit_log (
    seq bigint NOT NULL,
    at text NOT NULL,
    who text NOT NULL,
    address text NOT NULL,
    action text NOT NULL,
    object_type text NOT NULL,
    object_id text NOT NULL,
    before_doc text NOT NULL,
    after_doc text NOT NULL,
    prev_hash text NOT NULL,
    hash text NOT NULL
);


--
-- Name: ballot_box; Type: TABLE; Schema: ecosol_v15; Owner: -
--

CREATE TABLE ecosol_v15.ballot_box (
    process_id text NOT NULL,
    decision_id text NOT NULL,
    commitment text NOT NULL,
    ballot text NOT NULL,
    nonce text NOT NULL
);


--
-- Name: case_facets; Type: TABLE; Schema: ecosol_v15; Owner: -
--

CREATE TABLE ecosol_v15.case_facets (
    rid bigint NOT NULL,
    facet text NOT NULL,
    value text NOT NULL
);


--
-- Name: case_index; Type: TABLE; Schema: ecosol_v15; Owner: -
--

CREATE TABLE ecosol_v15.case_index (
    rid bigint NOT NULL,
    case_id text NOT NULL,
    version bigint NOT NULL,
    is_head integer NOT NULL,
    is_published integer NOT NULL,
    title text NOT NULL,
    sort_title text NOT NULL,
    year integer DEFAULT 0 NOT NULL,
    created_at text NOT NULL,
    tsv tsvector DEFAULT ''::tsvector NOT NULL
);


--
-- Name: case_index_rid_seq; Type: SEQUENCE; Schema: ecosol_v15; Owner: -
--

CREATE SEQUENCE ecosol_v15.case_index_rid_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: case_index_rid_seq; Type: SEQUENCE OWNED BY; Schema: ecosol_v15; Owner: -
--

ALTER SEQUENCE ecosol_v15.case_index_rid_seq OWNED BY ecosol_v15.case_index.rid;


--
-- Name: case_reviews; Type: TABLE; Schema: ecosol_v15; Owner: -
--

CREATE TABLE ecosol_v15.case_reviews (
    case_id text NOT NULL,
    n bigint NOT NULL,
    action text NOT NULL,
    version bigint NOT NULL,
    who text DEFAULT ''::text NOT NULL,
    at text NOT NULL,
    comment text DEFAULT ''::text NOT NULL
);


--
-- Name: case_transfers; Type: TABLE; Schema: ecosol_v15; Owner: -
--

CREATE TABLE ecosol_v15.case_transfers (
    id text NOT NULL,
    version bigint NOT NULL,
    origin_case text NOT NULL,
    case_id text NOT NULL,
    outcome text NOT NULL,
    created_at text NOT NULL,
    who text DEFAULT ''::text NOT NULL,
    doc text NOT NULL,
    deleted integer DEFAULT 0 NOT NULL
);


--
-- Name: case_versions; Type: TABLE; Schema: ecosol_v15; Owner: -
--

CREATE TABLE ecosol_v15.case_versions (
    case_id text NOT NULL,
    version bigint NOT NULL,
    created_at text NOT NULL,
    who text DEFAULT ''::text NOT NULL,
    change text NOT NULL,
    doc text NOT NULL
);


--
-- Name: case_watches; Type: TABLE; Schema: ecosol_v15; Owner: -
--

CREATE TABLE ecosol_v15.case_watches (
    id text NOT NULL,
    owner text NOT NULL,
    name text NOT NULL,
    query text NOT NULL,
    created_at text NOT NULL,
    deleted integer DEFAULT 0 NOT NULL
);


--
-- Name: cases; Type: TABLE; Schema: ecosol_v15; Owner: -
--

CREATE TABLE ecosol_v15.cases (
    id text NOT NULL,
    head_version bigint NOT NULL,
    published_version bigint DEFAULT 0 NOT NULL,
    status text NOT NULL,
    created_at text NOT NULL,
    updated_at text NOT NULL
);


--
-- Name: decision_log; Type: TABLE; Schema: ecosol_v15; Owner: -
--

CREATE TABLE ecosol_v15.decision_log (
    process_id text NOT NULL,
    seq bigint NOT NULL,
    kind text NOT NULL,
    body text NOT NULL,
    who text NOT NULL,
    at text NOT NULL,
    prev_hash text NOT NULL,
    hash text NOT NULL
);


--
-- Name: decision_log_heads; Type: TABLE; Schema: ecosol_v15; Owner: -
--

CREATE TABLE ecosol_v15.decision_log_heads (
    process_id text NOT NULL,
    seq bigint NOT NULL,
    hash text NOT NULL
);


--
-- Name: dedup_decisions; Type: TABLE; Schema: ecosol_v15; Owner: -
--

CREATE TABLE ecosol_v15.dedup_decisions (
    a_id text NOT NULL,
    b_id text NOT NULL,
    decision text NOT NULL,
    decided_at text NOT NULL,
    who text DEFAULT ''::text NOT NULL
);


--
-- Name: finance_heads; Type: TABLE; Schema: ecosol_v15; Owner: -
--

CREATE TABLE ecosol_v15.finance_heads (
    kind text NOT NULL,
    id text NOT NULL,
    version bigint NOT NULL,
    actor_id text DEFAULT ''::text NOT NULL,
    parent text DEFAULT ''::text NOT NULL,
    deleted integer DEFAULT 0 NOT NULL
);


--
-- Name: finance_records; Type: TABLE; Schema: ecosol_v15; Owner: -
--

CREATE TABLE ecosol_v15.finance_records (
    kind text NOT NULL,
    id text NOT NULL,
    version bigint NOT NULL,
    actor_id text DEFAULT ''::text NOT NULL,
    parent text DEFAULT ''::text NOT NULL,
    doc text NOT NULL,
    who text NOT NULL,
    at text NOT NULL,
    deleted integer DEFAULT 0 NOT NULL
);


--
-- Name: indicators; Type: TABLE; Schema: ecosol_v15; Owner: -
--

CREATE TABLE ecosol_v15.indicators (
    actor_id text NOT NULL,
    name text NOT NULL,
    period text NOT NULL,
    source text NOT NULL,
    value double precision NOT NULL,
    unit text DEFAULT ''::text NOT NULL,
    as_of text DEFAULT ''::text NOT NULL,
    recorded_at text NOT NULL
);


--
-- Name: jobs; Type: TABLE; Schema: ecosol_v15; Owner: -
--

CREATE TABLE ecosol_v15.jobs (
    id text NOT NULL,
    kind text NOT NULL,
    state text NOT NULL,
    params text NOT NULL,
    done bigint DEFAULT 0 NOT NULL,
    total bigint DEFAULT 0 NOT NULL,
    created_at text NOT NULL,
    updated_at text NOT NULL,
    who text DEFAULT ''::text NOT NULL,
    error text DEFAULT ''::text NOT NULL,
    result text DEFAULT ''::text NOT NULL
);


--
-- Name: knowledge_state; Type: TABLE; Schema: ecosol_v15; Owner: -
--

CREATE TABLE ecosol_v15.knowledge_state (
    id integer NOT NULL,
    generation bigint NOT NULL,
    CONSTRAINT knowledge_state_id_check CHECK ((id = 1))
);


--
-- Name: latest_verdicts; Type: TABLE; Schema: ecosol_v15; Owner: -
--

CREATE TABLE ecosol_v15.latest_verdicts (
    actor_id text NOT NULL,
    framework text NOT NULL,
    verdict text NOT NULL
);


--
-- Name: merge_members; Type: TABLE; Schema: ecosol_v15; Owner: -
--

CREATE TABLE ecosol_v15.merge_members (
    actor_id text NOT NULL,
    merge_id text NOT NULL,
    role text NOT NULL,
    "position" bigint NOT NULL
);


--
-- Name: merges; Type: TABLE; Schema: ecosol_v15; Owner: -
--

CREATE TABLE ecosol_v15.merges (
    id text NOT NULL,
    survivor_id text NOT NULL,
    created_at text NOT NULL,
    who text DEFAULT ''::text NOT NULL,
    doc text NOT NULL,
    undone_at text DEFAULT ''::text NOT NULL,
    undone_by text DEFAULT ''::text NOT NULL
);


--
-- Name: offer_want_versions; Type: TABLE; Schema: ecosol_v15; Owner: -
--

CREATE TABLE ecosol_v15.offer_want_versions (
    id text NOT NULL,
    version bigint NOT NULL,
    actor_id text NOT NULL,
    exchange_type text NOT NULL,
    doc text NOT NULL,
    deleted integer DEFAULT 0 NOT NULL,
    updated_at text DEFAULT ''::text NOT NULL,
    updated_by text DEFAULT ''::text NOT NULL
);


--
-- Name: offers_wants; Type: TABLE; Schema: ecosol_v15; Owner: -
--

CREATE TABLE ecosol_v15.offers_wants (
    id text NOT NULL,
    actor_id text NOT NULL,
    exchange_type text NOT NULL,
    doc text NOT NULL,
    version bigint NOT NULL,
    deleted integer DEFAULT 0 NOT NULL,
    updated_at text DEFAULT ''::text NOT NULL,
    updated_by text DEFAULT ''::text NOT NULL
);


--
-- Name: participation_heads; Type: TABLE; Schema: ecosol_v15; Owner: -
--

CREATE TABLE ecosol_v15.participation_heads (
    kind text NOT NULL,
    id text NOT NULL,
    version bigint NOT NULL,
    process_id text DEFAULT ''::text NOT NULL,
    parent text DEFAULT ''::text NOT NULL,
    deleted integer DEFAULT 0 NOT NULL
);


--
-- Name: participation_records; Type: TABLE; Schema: ecosol_v15; Owner: -
--

CREATE TABLE ecosol_v15.participation_records (
    kind text NOT NULL,
    id text NOT NULL,
    version bigint NOT NULL,
    process_id text DEFAULT ''::text NOT NULL,
    parent text DEFAULT ''::text NOT NULL,
    doc text NOT NULL,
    who text NOT NULL,
    at text NOT NULL,
    deleted integer DEFAULT 0 NOT NULL
);


--
-- Name: perception_assessments; Type: TABLE; Schema: ecosol_v15; Owner: -
--

CREATE TABLE ecosol_v15.perception_assessments (
    id text NOT NULL,
    territory text NOT NULL,
    rater text DEFAULT ''::text NOT NULL,
    rater_role text DEFAULT ''::text NOT NULL,
    date text DEFAULT ''::text NOT NULL,
    framework text DEFAULT ''::text NOT NULL,
    scores text NOT NULL,
    deleted integer DEFAULT 0 NOT NULL
);


--
-- Name: registry_state; Type: TABLE; Schema: ecosol_v15; Owner: -
--

CREATE TABLE ecosol_v15.registry_state (
    id integer NOT NULL,
    generation bigint NOT NULL,
    CONSTRAINT registry_state_id_check CHECK ((id = 1))
);


--
-- Name: relationship_versions; Type: TABLE; Schema: ecosol_v15; Owner: -
--

CREATE TABLE ecosol_v15.relationship_versions (
    relationship_id text NOT NULL,
    version bigint NOT NULL,
    changed_at text NOT NULL,
    change text NOT NULL,
    doc text NOT NULL
);


--
-- Name: relationships; Type: TABLE; Schema: ecosol_v15; Owner: -
--

CREATE TABLE ecosol_v15.relationships (
    id text NOT NULL,
    from_id text NOT NULL,
    to_id text NOT NULL,
    type text NOT NULL,
    deleted integer DEFAULT 0 NOT NULL,
    version bigint NOT NULL,
    updated_at text NOT NULL,
    doc text NOT NULL
);


--
-- Name: role_grants; Type: TABLE; Schema: ecosol_v15; Owner: -
--

CREATE TABLE ecosol_v15.role_grants (
    user_id text NOT NULL,
    role text NOT NULL,
    scope text DEFAULT ''::text NOT NULL,
    granted_at text NOT NULL,
    granted_by text DEFAULT ''::text NOT NULL
);


--
-- Name: schema_migrations; Type: TABLE; Schema: ecosol_v15; Owner: -
--

CREATE TABLE ecosol_v15.schema_migrations (
    version integer NOT NULL,
    applied_at text NOT NULL
);


--
-- Name: sessions; Type: TABLE; Schema: ecosol_v15; Owner: -
--

CREATE TABLE ecosol_v15.sessions (
    id_hash text NOT NULL,
    user_id text NOT NULL,
    csrf_token text NOT NULL,
    created_at text NOT NULL,
    expires_at text NOT NULL,
    address text DEFAULT ''::text NOT NULL
);


--
-- Name: signin_events; Type: TABLE; Schema: ecosol_v15; Owner: -
--

CREATE TABLE ecosol_v15.signin_events (
    at text NOT NULL,
    email text NOT NULL,
    user_id text DEFAULT ''::text NOT NULL,
    address text NOT NULL,
    outcome text NOT NULL
);


--
-- Name: sources; Type: TABLE; Schema: ecosol_v15; Owner: -
--

CREATE TABLE ecosol_v15.sources (
    id text NOT NULL,
    attribution text DEFAULT ''::text NOT NULL
);


--
-- Name: sync_peers; Type: TABLE; Schema: ecosol_v15; Owner: -
--

CREATE TABLE ecosol_v15.sync_peers (
    url text NOT NULL,
    cursor text DEFAULT ''::text NOT NULL,
    last_sync text DEFAULT ''::text NOT NULL,
    pulled bigint DEFAULT 0 NOT NULL
);


--
-- Name: terms; Type: TABLE; Schema: ecosol_v15; Owner: -
--

CREATE TABLE ecosol_v15.terms (
    scheme text NOT NULL,
    code text NOT NULL,
    labels text NOT NULL
);


--
-- Name: territories; Type: TABLE; Schema: ecosol_v15; Owner: -
--

CREATE TABLE ecosol_v15.territories (
    id text NOT NULL COLLATE pg_catalog."C",
    parent_id text DEFAULT ''::text NOT NULL COLLATE pg_catalog."C",
    name text NOT NULL,
    level text NOT NULL,
    population bigint
);


--
-- Name: users; Type: TABLE; Schema: ecosol_v15; Owner: -
--

CREATE TABLE ecosol_v15.users (
    id text NOT NULL,
    email text NOT NULL,
    name text DEFAULT ''::text NOT NULL,
    password_hash text NOT NULL,
    created_at text NOT NULL,
    disabled integer DEFAULT 0 NOT NULL,
    failed_signins integer DEFAULT 0 NOT NULL,
    locked_until text DEFAULT ''::text NOT NULL
);


--
-- Name: actors rid; Type: DEFAULT; Schema: ecosol_v15; Owner: -
--

ALTER TABLE ONLY ecosol_v15.actors ALTER COLUMN rid SET DEFAULT nextval('ecosol_v15.actors_rid_seq'::regclass);


--
-- Name: case_index rid; Type: DEFAULT; Schema: ecosol_v15; Owner: -
--

ALTER TABLE ONLY ecosol_v15.case_index ALTER COLUMN rid SET DEFAULT nextval('ecosol_v15.case_index_rid_seq'::regclass);


--
-- Data for Name: actor_codes; Type: TABLE DATA; Schema: ecosol_v15; Owner: -
--

INSERT INTO ecosol_v15.actor_codes VALUES ('activity', 'ICA280', 1);
INSERT INTO ecosol_v15.actor_codes VALUES ('structure', 'OS130', 1);
INSERT INTO ecosol_v15.actor_codes VALUES ('activity', 'ICA70', 2);
INSERT INTO ecosol_v15.actor_codes VALUES ('structure', 'OS50', 2);
INSERT INTO ecosol_v15.actor_codes VALUES ('activity', 'ICA280', 3);
INSERT INTO ecosol_v15.actor_codes VALUES ('structure', 'OS130', 3);
INSERT INTO ecosol_v15.actor_codes VALUES ('activity', 'ICA140', 4);
INSERT INTO ecosol_v15.actor_codes VALUES ('structure', 'OS130', 4);
INSERT INTO ecosol_v15.actor_codes VALUES ('activity', 'ICA260', 5);
INSERT INTO ecosol_v15.actor_codes VALUES ('structure', 'OS130', 5);
INSERT INTO ecosol_v15.actor_codes VALUES ('activity', 'ICA260', 6);
INSERT INTO ecosol_v15.actor_codes VALUES ('structure', 'OS130', 6);
INSERT INTO ecosol_v15.actor_codes VALUES ('activity', 'ICA280', 7);
INSERT INTO ecosol_v15.actor_codes VALUES ('structure', 'OS130', 7);
INSERT INTO ecosol_v15.actor_codes VALUES ('activity', 'ICA260', 8);
INSERT INTO ecosol_v15.actor_codes VALUES ('structure', 'OS130', 8);
INSERT INTO ecosol_v15.actor_codes VALUES ('activity', 'ICA280', 9);
INSERT INTO ecosol_v15.actor_codes VALUES ('structure', 'OS50', 9);
INSERT INTO ecosol_v15.actor_codes VALUES ('activity', 'ICA280', 10);
INSERT INTO ecosol_v15.actor_codes VALUES ('structure', 'OS130', 10);
INSERT INTO ecosol_v15.actor_codes VALUES ('activity', 'ICA210', 11);
INSERT INTO ecosol_v15.actor_codes VALUES ('structure', 'OS130', 11);
INSERT INTO ecosol_v15.actor_codes VALUES ('activity', 'ICA90', 12);
INSERT INTO ecosol_v15.actor_codes VALUES ('structure', 'OS140', 12);
INSERT INTO ecosol_v15.actor_codes VALUES ('activity', 'ICA280', 13);
INSERT INTO ecosol_v15.actor_codes VALUES ('structure', 'OS130', 13);
INSERT INTO ecosol_v15.actor_codes VALUES ('activity', 'ICA280', 14);
INSERT INTO ecosol_v15.actor_codes VALUES ('structure', 'OS130', 14);
INSERT INTO ecosol_v15.actor_codes VALUES ('activity', 'ICA280', 15);
INSERT INTO ecosol_v15.actor_codes VALUES ('structure', 'OS130', 15);
INSERT INTO ecosol_v15.actor_codes VALUES ('activity', 'ICA280', 16);
INSERT INTO ecosol_v15.actor_codes VALUES ('activity', 'ICA260', 17);
INSERT INTO ecosol_v15.actor_codes VALUES ('structure', 'OS130', 17);
INSERT INTO ecosol_v15.actor_codes VALUES ('activity', 'ICA110', 18);
INSERT INTO ecosol_v15.actor_codes VALUES ('structure', 'OS130', 18);
INSERT INTO ecosol_v15.actor_codes VALUES ('activity', 'ICA280', 19);
INSERT INTO ecosol_v15.actor_codes VALUES ('structure', 'OS50', 19);
INSERT INTO ecosol_v15.actor_codes VALUES ('activity', 'ICA270', 20);
INSERT INTO ecosol_v15.actor_codes VALUES ('structure', 'OS130', 20);
INSERT INTO ecosol_v15.actor_codes VALUES ('activity', 'ICA260', 21);
INSERT INTO ecosol_v15.actor_codes VALUES ('structure', 'OS115', 21);
INSERT INTO ecosol_v15.actor_codes VALUES ('activity', 'ICA260', 22);
INSERT INTO ecosol_v15.actor_codes VALUES ('structure', 'OS140', 22);
INSERT INTO ecosol_v15.actor_codes VALUES ('activity', 'ICA230', 23);
INSERT INTO ecosol_v15.actor_codes VALUES ('structure', 'OS130', 23);
INSERT INTO ecosol_v15.actor_codes VALUES ('activity', 'ICA260', 24);
INSERT INTO ecosol_v15.actor_codes VALUES ('structure', 'OS130', 24);
INSERT INTO ecosol_v15.actor_codes VALUES ('activity', 'ICA210', 25);
INSERT INTO ecosol_v15.actor_codes VALUES ('structure', 'OS130', 25);
INSERT INTO ecosol_v15.actor_codes VALUES ('activity', 'ICA280', 26);
INSERT INTO ecosol_v15.actor_codes VALUES ('structure', 'OS130', 26);
INSERT INTO ecosol_v15.actor_codes VALUES ('activity', 'ICA280', 27);
INSERT INTO ecosol_v15.actor_codes VALUES ('structure', 'OS130', 27);
INSERT INTO ecosol_v15.actor_codes VALUES ('activity', 'ICA140', 28);
INSERT INTO ecosol_v15.actor_codes VALUES ('structure', 'OS130', 28);
INSERT INTO ecosol_v15.actor_codes VALUES ('activity', 'ICA280', 29);
INSERT INTO ecosol_v15.actor_codes VALUES ('structure', 'OS130', 29);
INSERT INTO ecosol_v15.actor_codes VALUES ('activity', 'ICA50', 30);
INSERT INTO ecosol_v15.actor_codes VALUES ('structure', 'OS130', 30);


--
-- Data for Name: actor_identifiers; Type: TABLE DATA; Schema: ecosol_v15; Owner: -
--

INSERT INTO ecosol_v15.actor_identifiers VALUES ('v15-30', 'R006884', 'v15-30-r006884');
INSERT INTO ecosol_v15.actor_identifiers VALUES ('companies-house', 'SC399880', 'v15-30-r007634');
INSERT INTO ecosol_v15.actor_identifiers VALUES ('v15-30', 'R007634', 'v15-30-r007634');
INSERT INTO ecosol_v15.actor_identifiers VALUES ('v15-30', 'R006886', 'v15-30-r006886');
INSERT INTO ecosol_v15.actor_identifiers VALUES ('v15-30', 'R006861', 'v15-30-r006861');
INSERT INTO ecosol_v15.actor_identifiers VALUES ('v15-30', 'R021141', 'v15-30-r021141');
INSERT INTO ecosol_v15.actor_identifiers VALUES ('v15-30', 'R031209', 'v15-30-r031209');
INSERT INTO ecosol_v15.actor_identifiers VALUES ('v15-30', 'R014981', 'v15-30-r014981');
INSERT INTO ecosol_v15.actor_identifiers VALUES ('v15-30', 'R007639', 'v15-30-r007639');
INSERT INTO ecosol_v15.actor_identifiers VALUES ('companies-house', 'SC338677', 'v15-30-r007641');
INSERT INTO ecosol_v15.actor_identifiers VALUES ('v15-30', 'R007641', 'v15-30-r007641');
INSERT INTO ecosol_v15.actor_identifiers VALUES ('v15-30', 'R007804', 'v15-30-r007804');
INSERT INTO ecosol_v15.actor_identifiers VALUES ('v15-30', 'R035517', 'v15-30-r035517');
INSERT INTO ecosol_v15.actor_identifiers VALUES ('companies-house', 'SC147048', 'v15-30-r007642');
INSERT INTO ecosol_v15.actor_identifiers VALUES ('v15-30', 'R007642', 'v15-30-r007642');
INSERT INTO ecosol_v15.actor_identifiers VALUES ('v15-30', 'R007805', 'v15-30-r007805');
INSERT INTO ecosol_v15.actor_identifiers VALUES ('v15-30', 'R007806', 'v15-30-r007806');
INSERT INTO ecosol_v15.actor_identifiers VALUES ('v15-30', 'R007807', 'v15-30-r007807');
INSERT INTO ecosol_v15.actor_identifiers VALUES ('v15-30', 'R007808', 'v15-30-r007808');
INSERT INTO ecosol_v15.actor_identifiers VALUES ('v15-30', 'R032635', 'v15-30-r032635');
INSERT INTO ecosol_v15.actor_identifiers VALUES ('v15-30', 'R000572', 'v15-30-r000572');
INSERT INTO ecosol_v15.actor_identifiers VALUES ('companies-house', 'SC371312', 'v15-30-r007651');
INSERT INTO ecosol_v15.actor_identifiers VALUES ('v15-30', 'R007651', 'v15-30-r007651');
INSERT INTO ecosol_v15.actor_identifiers VALUES ('v15-30', 'R022441', 'v15-30-r022441');
INSERT INTO ecosol_v15.actor_identifiers VALUES ('companies-house', '03231583', 'v15-30-r000574');
INSERT INTO ecosol_v15.actor_identifiers VALUES ('v15-30', 'R000574', 'v15-30-r000574');
INSERT INTO ecosol_v15.actor_identifiers VALUES ('companies-house', 'SC011719', 'v15-30-r007653');
INSERT INTO ecosol_v15.actor_identifiers VALUES ('v15-30', 'R007653', 'v15-30-r007653');
INSERT INTO ecosol_v15.actor_identifiers VALUES ('v15-30', 'R035438', 'v15-30-r035438');
INSERT INTO ecosol_v15.actor_identifiers VALUES ('v15-30', 'R008130', 'v15-30-r008130');
INSERT INTO ecosol_v15.actor_identifiers VALUES ('v15-30', 'R008131', 'v15-30-r008131');
INSERT INTO ecosol_v15.actor_identifiers VALUES ('v15-30', 'R007818', 'v15-30-r007818');
INSERT INTO ecosol_v15.actor_identifiers VALUES ('v15-30', 'R008133', 'v15-30-r008133');
INSERT INTO ecosol_v15.actor_identifiers VALUES ('v15-30', 'R007821', 'v15-30-r007821');
INSERT INTO ecosol_v15.actor_identifiers VALUES ('v15-30', 'R035443', 'v15-30-r035443');
INSERT INTO ecosol_v15.actor_identifiers VALUES ('v15-30', 'R008135', 'v15-30-r008135');


--
-- Data for Name: actor_profiles; Type: TABLE DATA; Schema: ecosol_v15; Owner: -
--



--
-- Data for Name: actor_versions; Type: TABLE DATA; Schema: ecosol_v15; Owner: -
--



--
-- Data for Name: actors; Type: TABLE DATA; Schema: ecosol_v15; Owner: -
--

INSERT INTO ecosol_v15.actors VALUES (1, 'v15-30-r006884', 'organisation', 'Maesteg Workmen''s Club and Institute Limited', 'maesteg workmen''s club and institute limited', 'GB', 51.61, -3.65, 0, 1, '2026-11-30T22:22:45Z', '{"id":"v15-30-r006884","kind":"organisation","name":"Maesteg Workmen''s Club and Institute Limited","legal_form":"Society","structures":["OS130"],"activities":["ICA280"],"primary_activity":"ICA280","membership_types":["BMT10"],"address":{"street":"11 Temple Street","locality":"Maesteg","region":"Bridgend","postcode":"CF34 9YY","country":"GB"},"territory":"GB/bridgend/maesteg","location":{"lat":51.608344,"lon":-3.654703,"precision":"approximate"},"identifiers":{"v15-30":"R006884"},"attributes":{"geo_container":"http://data.ordnancesurvey.co.uk/id/postcodeunit/CF349YY","ownership_classification":"Consumers","sector":"Membership associations, social clubs and trade unions","sic_code":"94990","sic_section":"Other Service Activities"},"provenance":[{"source":"v15-30","date":"2026-11-30","method":"import","fields":["activities","address","attributes","identifiers","kind","legal_form","location","membership_types","name","primary_activity","structures","territory"]}],"version":1,"updated_at":"2026-11-30T22:22:45Z"}', '''9yy'':16B ''and'':6A ''bridgend'':14B ''cf34'':15B ''club'':5A ''institut'':8A ''institute'':7A ''limit'':10A ''limited'':9A ''maesteg'':1A,13B ''r006884'':17B ''s'':4A ''societi'':12B ''society'':11B ''workm'':3A ''workmen'':2A', 'GB/bridgend/maesteg', 'create', 2, 0);
INSERT INTO ecosol_v15.actors VALUES (2, 'v15-30-r007634', 'organisation', 'Argyll Fencer''s Co-operative Ltd', 'argyll fencer''s co-operative ltd', 'GB', 56.44, -4.81, 0, 1, '2026-11-30T22:22:45Z', '{"id":"v15-30-r007634","kind":"organisation","name":"Argyll Fencer''s Co-operative Ltd","legal_form":"Company","structures":["OS50"],"activities":["ICA70"],"primary_activity":"ICA70","membership_types":["BMT20"],"address":{"street":"2 Arinabea Cottage\u000aTyndrum","locality":"Crianlarich","region":"Argyll and Bute","postcode":"FK20 8SB","country":"GB"},"territory":"GB/argyll-and-bute/crianlarich","location":{"lat":56.437628,"lon":-4.810429,"precision":"approximate"},"website":"http://www.argyllfencers.org","identifiers":{"companies-house":"SC399880","v15-30":"R007634"},"attributes":{"geo_container":"http://data.ordnancesurvey.co.uk/id/postcodeunit/FK208SB","ownership_classification":"Enterprises","sector":"Other","sic_code":"43999","sic_section":"Construction"},"provenance":[{"source":"v15-30","date":"2026-11-30","method":"import","fields":["activities","address","attributes","identifiers","kind","legal_form","location","membership_types","name","primary_activity","structures","territory","website"]}],"version":1,"updated_at":"2026-11-30T22:22:45Z"}', '''8sb'':23B ''and'':19B ''argyl'':2A,18B ''argyll'':1A,17B ''but'':21B ''bute'':20B ''co'':6A ''compani'':15B ''company'':14B ''cooper'':11A ''cooperativ'':12A ''cooperative'':10A ''crianlarich'':16B ''fenc'':4A ''fencer'':3A ''fk20'':22B ''ltd'':13A ''oper'':8A ''operativ'':9A ''operative'':7A ''r007634'':25B ''s'':5A ''sc399880'':24B', 'GB/argyll-and-bute/crianlarich', 'create', 2, 0);
INSERT INTO ecosol_v15.actors VALUES (3, 'v15-30-r006886', 'organisation', 'Wyndham Constitutional Club (Porth) Limited', 'wyndham constitutional club (porth) limited', 'GB', 51.61, -3.41, 0, 1, '2026-11-30T22:22:45Z', '{"id":"v15-30-r006886","kind":"organisation","name":"Wyndham Constitutional Club (Porth) Limited","legal_form":"Society","structures":["OS130"],"activities":["ICA280"],"primary_activity":"ICA280","membership_types":["BMT10"],"address":{"street":"69 Cymmer Road","locality":"Porth","region":"Rhondda, Cynon, Taf","postcode":"CF39 9BE","country":"GB"},"territory":"GB/rhondda-cynon-taf/porth","location":{"lat":51.612241,"lon":-3.410718,"precision":"approximate"},"identifiers":{"v15-30":"R006886"},"attributes":{"geo_container":"http://data.ordnancesurvey.co.uk/id/postcodeunit/CF399BE","ownership_classification":"Consumers","sector":"Membership associations, social clubs and trade unions","sic_code":"94920","sic_section":"Other Service Activities"},"provenance":[{"source":"v15-30","date":"2026-11-30","method":"import","fields":["activities","address","attributes","identifiers","kind","legal_form","location","membership_types","name","primary_activity","structures","territory"]}],"version":1,"updated_at":"2026-11-30T22:22:45Z"}', '''9be'':16B ''cf39'':15B ''club'':4A ''constitut'':3A ''constitutional'':2A ''cynon'':13B ''limit'':7A ''limited'':6A ''porth'':5A,10B ''r006886'':17B ''rhondd'':12B ''rhondda'':11B ''societi'':9B ''society'':8B ''taf'':14B ''wyndham'':1A', 'GB/rhondda-cynon-taf/porth', 'create', 2, 0);
INSERT INTO ecosol_v15.actors VALUES (4, 'v15-30-r006861', 'organisation', 'Levern Credit Union Limited', 'levern credit union limited', 'GB', 55.82, -4.34, 0, 1, '2026-11-30T22:22:45Z', '{"id":"v15-30-r006861","kind":"organisation","name":"Levern Credit Union Limited","legal_form":"Society","structures":["OS130"],"activities":["ICA140"],"primary_activity":"ICA140","membership_types":["BMT10"],"address":{"street":"Priesthill Community Centre\u000aPriesthill Road","locality":"Glasgow","region":"Glasgow, City of","postcode":"G53 6PZ","country":"GB"},"territory":"GB/glasgow-city-of/glasgow","location":{"lat":55.815452,"lon":-4.341863,"precision":"approximate"},"identifiers":{"v15-30":"R006861"},"attributes":{"geo_container":"http://data.ordnancesurvey.co.uk/id/postcodeunit/G536PZ","ownership_classification":"Consumers","sector":"Finance","sic_code":"64921","sic_section":"Financial and Insurance"},"provenance":[{"source":"v15-30","date":"2026-11-30","method":"import","fields":["activities","address","attributes","identifiers","kind","legal_form","location","membership_types","name","primary_activity","structures","territory"]}],"version":1,"updated_at":"2026-11-30T22:22:45Z"}', '''6pz'':15B ''citi'':12B ''city'':11B ''cred'':3A ''credit'':2A ''g53'':14B ''glasgow'':9B,10B ''levern'':1A ''limit'':6A ''limited'':5A ''of'':13B ''r006861'':16B ''societi'':8B ''society'':7B ''union'':4A', 'GB/glasgow-city-of/glasgow', 'create', 2, 0);
INSERT INTO ecosol_v15.actors VALUES (5, 'v15-30-r021141', 'organisation', 'The Orchard Store and Amy''s Coffee Shop Limited', 'the orchard store and amy''s coffee shop limited', 'GB', 52.14, -1.92, 0, 1, '2026-11-30T22:22:45Z', '{"id":"v15-30-r021141","kind":"organisation","name":"The Orchard Store and Amy''s Coffee Shop Limited","legal_form":"Society","structures":["OS130"],"activities":["ICA260"],"primary_activity":"ICA260","membership_types":["BMT60"],"address":{"street":"Station Road \u000aHarvington","locality":"Evesham","region":"Worcestershire","postcode":"WR11 8NJ","country":"GB"},"territory":"GB/worcestershire/evesham","location":{"lat":52.139313,"lon":-1.918919,"precision":"approximate"},"website":"http://www.facebook.com/stokeorchardstore","identifiers":{"v15-30":"R021141"},"attributes":{"geo_container":"http://data.ordnancesurvey.co.uk/id/postcodeunit/WR118NJ","ownership_classification":"Community of Interest","sector":"Retail","sic_code":"47190","sic_section":"Wholesale and Retail; Vehicle Repair"},"provenance":[{"source":"v15-30","date":"2026-11-30","method":"import","fields":["activities","address","attributes","identifiers","kind","legal_form","location","membership_types","name","primary_activity","structures","territory","website"]}],"version":1,"updated_at":"2026-11-30T22:22:45Z"}', '''8nj'':21B ''ami'':7A ''amy'':6A ''and'':5A ''coffe'':10A ''coffee'':9A ''evesh'':17B ''evesham'':16B ''limit'':13A ''limited'':12A ''orchard'':2A ''r021141'':22B ''s'':8A ''shop'':11A ''societi'':15B ''society'':14B ''stor'':4A ''store'':3A ''the'':1A ''worcestershir'':19B ''worcestershire'':18B ''wr11'':20B', 'GB/worcestershire/evesham', 'create', 2, 0);
INSERT INTO ecosol_v15.actors VALUES (6, 'v15-30-r031209', 'organisation', 'DCLM ? Midlands Region Cooperative Society Limited.', 'dclm ? midlands region cooperative society limited.', 'GB', 52.5, -1.93, 0, 1, '2026-11-30T22:22:45Z', '{"id":"v15-30-r031209","kind":"organisation","name":"DCLM ? Midlands Region Cooperative Society Limited.","legal_form":"Society","structures":["OS130"],"activities":["ICA260"],"primary_activity":"ICA260","membership_types":["BMT30"],"address":{"street":"86-95 Bacchus Road\u000aWinson Green","locality":"Birmingham","region":"Birmingham","postcode":"B18 4QY","country":"GB"},"territory":"GB/birmingham/birmingham","location":{"lat":52.497923,"lon":-1.933082,"precision":"approximate"},"identifiers":{"v15-30":"R031209"},"attributes":{"geo_container":"http://data.ordnancesurvey.co.uk/id/postcodeunit/B184QY","ownership_classification":"Self-employed","sector":"Retail","sic_code":"46900","sic_section":"Wholesale and Retail; Vehicle Repair"},"provenance":[{"source":"v15-30","date":"2026-11-30","method":"import","fields":["activities","address","attributes","identifiers","kind","legal_form","location","membership_types","name","primary_activity","structures","territory"]}],"version":1,"updated_at":"2026-11-30T22:22:45Z"}', '''4qi'':20B ''4qy'':19B ''b18'':18B ''birmingh'':15B,17B ''birmingham'':14B,16B ''cooper'':6A ''cooperativ'':7A ''cooperative'':5A ''dclm'':1A ''limit'':11A ''limited'':10A ''midland'':3A ''midlands'':2A ''r031209'':21B ''region'':4A ''societi'':9A,13B ''society'':8A,12B', 'GB/birmingham/birmingham', 'create', 2, 0);
INSERT INTO ecosol_v15.actors VALUES (7, 'v15-30-r014981', 'organisation', 'AFC Monton Limited', 'afc monton limited', 'GB', 53.52, -2.35, 0, 1, '2026-11-30T22:22:45Z', '{"id":"v15-30-r014981","kind":"organisation","name":"AFC Monton Limited","legal_form":"Society","structures":["OS130"],"activities":["ICA280"],"primary_activity":"ICA280","membership_types":["BMT60"],"address":{"street":"28 Wheatley Road\u000aWardley\u000aSwinton","locality":"Manchester","region":"Salford","postcode":"M27 9RW","country":"GB"},"territory":"GB/salford/manchester","location":{"lat":53.520063,"lon":-2.352525,"precision":"approximate"},"website":"http://www.pitchero.com/clubs/montonamateursfc","identifiers":{"v15-30":"R014981"},"attributes":{"geo_container":"http://data.ordnancesurvey.co.uk/id/postcodeunit/M279RW","ownership_classification":"Community of Interest","sector":"Sports and Recreation","sic_code":"93120","sic_section":"Arts, Entertainment and Recreation"},"provenance":[{"source":"v15-30","date":"2026-11-30","method":"import","fields":["activities","address","attributes","identifiers","kind","legal_form","location","membership_types","name","primary_activity","structures","territory","website"]}],"version":1,"updated_at":"2026-11-30T22:22:45Z"}', '''9rw'':11B ''afc'':1A ''limit'':4A ''limited'':3A ''m27'':10B ''manchest'':8B ''manchester'':7B ''monton'':2A ''r014981'':12B ''salford'':9B ''societi'':6B ''society'':5B', 'GB/salford/manchester', 'create', 2, 0);
INSERT INTO ecosol_v15.actors VALUES (8, 'v15-30-r007639', 'organisation', 'Bigton Community Enterprise Limited', 'bigton community enterprise limited', 'GB', 59.98, -1.32, 0, 1, '2026-11-30T22:22:45Z', '{"id":"v15-30-r007639","kind":"organisation","name":"Bigton Community Enterprise Limited","legal_form":"Society","structures":["OS130"],"activities":["ICA260"],"primary_activity":"ICA260","membership_types":["BMT60"],"address":{"street":"Da Neuk","locality":"Bigton","region":"Shetland Islands","postcode":"ZE2 9JA","country":"GB"},"territory":"GB/shetland-islands/bigton","location":{"lat":59.976159,"lon":-1.320985,"precision":"approximate"},"website":"http://www.facebook.com/bigtoncommunityshop","identifiers":{"v15-30":"R007639"},"attributes":{"geo_container":"http://data.ordnancesurvey.co.uk/id/postcodeunit/ZE29JA","ownership_classification":"Community of Interest","sector":"Retail","sic_code":"47110","sic_section":"Wholesale and Retail; Vehicle Repair"},"provenance":[{"source":"v15-30","date":"2026-11-30","method":"import","fields":["activities","address","attributes","identifiers","kind","legal_form","location","membership_types","name","primary_activity","structures","territory","website"]}],"version":1,"updated_at":"2026-11-30T22:22:45Z"}', '''9ja'':15B ''bigton'':1A,10B ''communiti'':3A ''community'':2A ''enterpris'':5A ''enterprise'':4A ''island'':13B ''islands'':12B ''limit'':7A ''limited'':6A ''r007639'':16B ''shetland'':11B ''societi'':9B ''society'':8B ''ze2'':14B', 'GB/shetland-islands/bigton', 'create', 2, 0);
INSERT INTO ecosol_v15.actors VALUES (9, 'v15-30-r007641', 'organisation', 'Bridges: The Actors'' Agency Limited', 'bridges: the actors'' agency limited', 'GB', 55.96, -3.17, 0, 1, '2026-11-30T22:22:45Z', '{"id":"v15-30-r007641","kind":"organisation","name":"Bridges: The Actors'' Agency Limited","legal_form":"Company","structures":["OS50"],"activities":["ICA280"],"primary_activity":"ICA280","membership_types":["BMT30"],"address":{"street":"Out of the Blue Drill Hall\u000aStudio S12\u000a30 - 36 Dalmeny Street","locality":"Edinburgh","region":"City of Edinburgh","postcode":"EH6 8RG","country":"GB"},"territory":"GB/city-of-edinburgh/edinburgh","location":{"lat":55.964587,"lon":-3.173895,"precision":"approximate"},"website":"http://bridgesactorsagency.com/","identifiers":{"companies-house":"SC338677","v15-30":"R007641"},"attributes":{"geo_container":"http://data.ordnancesurvey.co.uk/id/postcodeunit/EH68RG","ownership_classification":"Self-employed","sector":"Arts and Culture","sic_code":"90020"},"provenance":[{"source":"v15-30","date":"2026-11-30","method":"import","fields":["activities","address","attributes","identifiers","kind","legal_form","location","membership_types","name","primary_activity","structures","territory","website"]}],"version":1,"updated_at":"2026-11-30T22:22:45Z"}', '''8rg'':18B ''actor'':5A ''actors'':4A ''agenc'':7A ''agency'':6A ''bridg'':2A ''bridges'':1A ''citi'':14B ''city'':13B ''compani'':11B ''company'':10B ''edinburgh'':12B,16B ''eh6'':17B ''limit'':9A ''limited'':8A ''of'':15B ''r007641'':20B ''sc338677'':19B ''the'':3A', 'GB/city-of-edinburgh/edinburgh', 'create', 2, 0);
INSERT INTO ecosol_v15.actors VALUES (10, 'v15-30-r007804', 'organisation', 'Dunvant Working Men''s Club Limited', 'dunvant working men''s club limited', 'GB', 51.63, -4.04, 0, 1, '2026-11-30T22:22:45Z', '{"id":"v15-30-r007804","kind":"organisation","name":"Dunvant Working Men''s Club Limited","legal_form":"Society","structures":["OS130"],"activities":["ICA280"],"primary_activity":"ICA280","membership_types":["BMT10"],"address":{"street":"1 Killan Road\u000aDunvant","locality":"Swansea","region":"Swansea","postcode":"SA2 7TD","country":"GB"},"territory":"GB/swansea/swansea","location":{"lat":51.62568,"lon":-4.037228,"precision":"approximate"},"identifiers":{"v15-30":"R007804"},"attributes":{"geo_container":"http://data.ordnancesurvey.co.uk/id/postcodeunit/SA27TD","ownership_classification":"Consumers","sector":"Membership associations, social clubs and trade unions","sic_code":"94990","sic_section":"Other Service Activities"},"provenance":[{"source":"v15-30","date":"2026-11-30","method":"import","fields":["activities","address","attributes","identifiers","kind","legal_form","location","membership_types","name","primary_activity","structures","territory"]}],"version":1,"updated_at":"2026-11-30T22:22:45Z"}', '''7td'':19B ''club'':7A ''dunv'':2A ''dunvant'':1A ''limit'':9A ''limited'':8A ''men'':5A ''r007804'':20B ''s'':6A ''sa2'':18B ''societi'':11B ''society'':10B ''swans'':13B,16B ''swanse'':14B,17B ''swansea'':12B,15B ''work'':4A ''working'':3A', 'GB/swansea/swansea', 'create', 2, 0);
INSERT INTO ecosol_v15.actors VALUES (11, 'v15-30-r035517', 'organisation', 'Wards Corner Community Benefit Society Limited', 'wards corner community benefit society limited', 'GB', 51.58, -0.07, 0, 1, '2026-11-30T22:22:45Z', '{"id":"v15-30-r035517","kind":"organisation","name":"Wards Corner Community Benefit Society Limited","legal_form":"Society","structures":["OS130"],"activities":["ICA210"],"primary_activity":"ICA210","membership_types":["BMT60"],"address":{"street":"1A West Green Road\u000aSouth Tottenham","locality":"London","region":"Haringey","postcode":"N15 5BX","country":"GB"},"territory":"GB/haringey/london","location":{"lat":51.583868,"lon":-0.073687,"precision":"approximate"},"website":"https://wardscorner.org/","identifiers":{"v15-30":"R035517"},"attributes":{"geo_container":"http://data.ordnancesurvey.co.uk/id/postcodeunit/N155BX","ownership_classification":"Community of Interest","sector":"Housing","sic_code":"68209"},"provenance":[{"source":"v15-30","date":"2026-11-30","method":"import","fields":["activities","address","attributes","identifiers","kind","legal_form","location","membership_types","name","primary_activity","structures","territory","website"]}],"version":1,"updated_at":"2026-11-30T22:22:45Z"}', '''5bx'':18B ''benef'':8A ''benefit'':7A ''communiti'':6A ''community'':5A ''corn'':4A ''corner'':3A ''haringey'':16B ''limit'':12A ''limited'':11A ''london'':15B ''n15'':17B ''r035517'':19B ''societi'':10A,14B ''society'':9A,13B ''ward'':2A ''wards'':1A', 'GB/haringey/london', 'create', 2, 0);
INSERT INTO ecosol_v15.actors VALUES (12, 'v15-30-r007642', 'organisation', 'Clansman Dynamics Limited', 'clansman dynamics limited', 'GB', 55.75, -4.17, 0, 1, '2026-11-30T22:22:45Z', '{"id":"v15-30-r007642","kind":"organisation","name":"Clansman Dynamics Limited","legal_form":"Company","structures":["OS140"],"activities":["ICA90"],"primary_activity":"ICA90","membership_types":["BMT30"],"address":{"street":"Stephenson Building\u000aNasmyth Ave\u000aScottish Enterprise Technology Park, East Kilbride","locality":"Glasgow","region":"South Lanarkshire","postcode":"G75 0QR","country":"GB"},"territory":"GB/south-lanarkshire/glasgow","location":{"lat":55.754957,"lon":-4.168024,"precision":"approximate"},"website":"http://www.clansmandynamics.com/","identifiers":{"companies-house":"SC147048","v15-30":"R007642"},"attributes":{"geo_container":"http://data.ordnancesurvey.co.uk/id/postcodeunit/G750QR","ownership_classification":"Employee Trust","sector":"Manufacturing","sic_code":"25110","sic_section":"Manufacturing"},"provenance":[{"source":"v15-30","date":"2026-11-30","method":"import","fields":["activities","address","attributes","identifiers","kind","legal_form","location","membership_types","name","primary_activity","structures","territory","website"]}],"version":1,"updated_at":"2026-11-30T22:22:45Z"}', '''0qr'':15B ''clansm'':2A ''clansman'':1A ''compani'':9B ''company'':8B ''dynam'':4A ''dynamic'':5A ''dynamics'':3A ''g75'':14B ''glasgow'':10B ''lanarkshir'':13B ''lanarkshire'':12B ''limit'':7A ''limited'':6A ''r007642'':17B ''sc147048'':16B ''south'':11B', 'GB/south-lanarkshire/glasgow', 'create', 2, 0);
INSERT INTO ecosol_v15.actors VALUES (13, 'v15-30-r007805', 'organisation', 'Loughor and District Working Men''s Club Limited', 'loughor and district working men''s club limited', 'GB', 51.67, -4.06, 0, 1, '2026-11-30T22:22:45Z', '{"id":"v15-30-r007805","kind":"organisation","name":"Loughor and District Working Men''s Club Limited","legal_form":"Society","structures":["OS130"],"activities":["ICA280"],"primary_activity":"ICA280","membership_types":["BMT10"],"address":{"street":"1 Oakleigh Road\u000aLoughor","locality":"Swansea","region":"Swansea","postcode":"SA4 6RS","country":"GB"},"territory":"GB/swansea/swansea","location":{"lat":51.66733,"lon":-4.057564,"precision":"approximate"},"identifiers":{"v15-30":"R007805"},"attributes":{"geo_container":"http://data.ordnancesurvey.co.uk/id/postcodeunit/SA46RS","ownership_classification":"Consumers","sector":"Membership associations, social clubs and trade unions","sic_code":"94990","sic_section":"Other Service Activities"},"provenance":[{"source":"v15-30","date":"2026-11-30","method":"import","fields":["activities","address","attributes","identifiers","kind","legal_form","location","membership_types","name","primary_activity","structures","territory"]}],"version":1,"updated_at":"2026-11-30T22:22:45Z"}', '''6r'':21B ''6rs'':20B ''and'':2A ''club'':8A ''district'':3A ''limit'':10A ''limited'':9A ''loughor'':1A ''men'':6A ''r007805'':22B ''s'':7A ''sa4'':19B ''societi'':12B ''society'':11B ''swans'':14B,17B ''swanse'':15B,18B ''swansea'':13B,16B ''work'':5A ''working'':4A', 'GB/swansea/swansea', 'create', 2, 0);
INSERT INTO ecosol_v15.actors VALUES (14, 'v15-30-r007806', 'organisation', 'Cwn Comrades Club and Institute Limited', 'cwn comrades club and institute limited', 'GB', NULL, NULL, 0, 1, '2026-11-30T22:22:45Z', '{"id":"v15-30-r007806","kind":"organisation","name":"Cwn Comrades Club and Institute Limited","legal_form":"Society","structures":["OS130"],"activities":["ICA280"],"primary_activity":"ICA280","membership_types":["BMT10"],"address":{"street":"86 Marine Street","locality":"Cwm","region":"Blaenau Gwent","postcode":"NP3 6SX","country":"GB"},"territory":"GB/blaenau-gwent/cwm","identifiers":{"v15-30":"R007806"},"attributes":{"ownership_classification":"Consumers","sector":"Membership associations, social clubs and trade unions","sic_code":"94990","sic_section":"Other Service Activities"},"provenance":[{"source":"v15-30","date":"2026-11-30","method":"import","fields":["activities","address","attributes","identifiers","kind","legal_form","membership_types","name","primary_activity","structures","territory"]}],"version":1,"updated_at":"2026-11-30T22:22:45Z"}', '''6sx'':16B ''and'':5A ''blaenau'':13B ''club'':4A ''comrad'':3A ''comrades'':2A ''cwm'':12B ''cwn'':1A ''gwent'':14B ''institut'':7A ''institute'':6A ''limit'':9A ''limited'':8A ''np3'':15B ''r007806'':17B ''societi'':11B ''society'':10B', 'GB/blaenau-gwent/cwm', 'create', 2, 0);
INSERT INTO ecosol_v15.actors VALUES (15, 'v15-30-r007807', 'organisation', 'Carlton Social Club (Sheffield) Limited', 'carlton social club (sheffield) limited', 'GB', 53.35, -1.43, 0, 1, '2026-11-30T22:22:45Z', '{"id":"v15-30-r007807","kind":"organisation","name":"Carlton Social Club (Sheffield) Limited","legal_form":"Society","structures":["OS130"],"activities":["ICA280"],"primary_activity":"ICA280","membership_types":["BMT10"],"address":{"street":"896 Gleadless Road","locality":"Sheffield","region":"Sheffield","postcode":"S12 2QF","country":"GB"},"territory":"GB/sheffield/sheffield","location":{"lat":53.347085,"lon":-1.431949,"precision":"approximate"},"identifiers":{"v15-30":"R007807"},"attributes":{"geo_container":"http://data.ordnancesurvey.co.uk/id/postcodeunit/S122QF","ownership_classification":"Consumers","sector":"Membership associations, social clubs and trade unions","sic_code":"94990","sic_section":"Other Service Activities"},"provenance":[{"source":"v15-30","date":"2026-11-30","method":"import","fields":["activities","address","attributes","identifiers","kind","legal_form","location","membership_types","name","primary_activity","structures","territory"]}],"version":1,"updated_at":"2026-11-30T22:22:45Z"}', '''2qf'':12B ''carlton'':1A ''club'':3A ''limit'':6A ''limited'':5A ''r007807'':13B ''s12'':11B ''sheffield'':4A,9B,10B ''social'':2A ''societi'':8B ''society'':7B', 'GB/sheffield/sheffield', 'create', 2, 0);
INSERT INTO ecosol_v15.actors VALUES (16, 'v15-30-r007808', 'organisation', 'Workers Music Association Limited', 'workers music association limited', 'GB', 51.43, -0.04, 0, 1, '2026-11-30T22:22:45Z', '{"id":"v15-30-r007808","kind":"organisation","name":"Workers Music Association Limited","legal_form":"Society","activities":["ICA280"],"primary_activity":"ICA280","address":{"street":"240 Perry Rise\u000aForest Hill","locality":"Lewisham","region":"Lewisham","postcode":"SE23 2QT","country":"GB"},"territory":"GB/lewisham/lewisham","location":{"lat":51.431168,"lon":-0.039216,"precision":"approximate"},"website":"http://www.workers-music-association.co.uk","identifiers":{"v15-30":"R007808"},"attributes":{"geo_container":"http://data.ordnancesurvey.co.uk/id/postcodeunit/SE232QT","sector":"Arts and Culture","sic_code":"90030"},"provenance":[{"source":"v15-30","date":"2026-11-30","method":"import","fields":["activities","address","attributes","identifiers","kind","legal_form","location","name","primary_activity","territory","website"]}],"version":1,"updated_at":"2026-11-30T22:22:45Z"}', '''2qt'':15B ''associ'':5A ''association'':4A ''lewish'':11B,13B ''lewisham'':10B,12B ''limit'':7A ''limited'':6A ''music'':3A ''r007808'':16B ''se23'':14B ''societi'':9B ''society'':8B ''worker'':2A ''workers'':1A', 'GB/lewisham/lewisham', 'create', 2, 0);
INSERT INTO ecosol_v15.actors VALUES (17, 'v15-30-r032635', 'organisation', 'Sheaf Community Bakery Limited', 'sheaf community bakery limited', 'GB', 53.36, -1.47, 0, 1, '2026-11-30T22:22:45Z', '{"id":"v15-30-r032635","kind":"organisation","name":"Sheaf Community Bakery Limited","legal_form":"Society","structures":["OS130"],"activities":["ICA260"],"primary_activity":"ICA260","membership_types":["BMT60"],"address":{"street":"169 Shirebrook Road","locality":"Sheffield","region":"Sheffield","postcode":"S8 9RF","country":"GB"},"territory":"GB/sheffield/sheffield","location":{"lat":53.357707,"lon":-1.470392,"precision":"approximate"},"website":"http://www.facebook.com/sheafcommunitybakery","identifiers":{"v15-30":"R032635"},"attributes":{"geo_container":"http://data.ordnancesurvey.co.uk/id/postcodeunit/S89RF","ownership_classification":"Community of Interest","sector":"Retail","sic_code":"47240","sic_section":"Wholesale and Retail; Vehicle Repair"},"provenance":[{"source":"v15-30","date":"2026-11-30","method":"import","fields":["activities","address","attributes","identifiers","kind","legal_form","location","membership_types","name","primary_activity","structures","territory","website"]}],"version":1,"updated_at":"2026-11-30T22:22:45Z"}', '''9rf'':13B ''bakeri'':5A ''bakery'':4A ''communiti'':3A ''community'':2A ''limit'':7A ''limited'':6A ''r032635'':14B ''s8'':12B ''sheaf'':1A ''sheffield'':10B,11B ''societi'':9B ''society'':8B', 'GB/sheffield/sheffield', 'create', 2, 0);
INSERT INTO ecosol_v15.actors VALUES (18, 'v15-30-r000572', 'organisation', 'The Association of Independent Psychotherapists Limited', 'the association of independent psychotherapists limited', 'GB', 51.59, -0.14, 0, 1, '2026-11-30T22:22:45Z', '{"id":"v15-30-r000572","kind":"organisation","name":"The Association of Independent Psychotherapists Limited","legal_form":"Society","structures":["OS130"],"activities":["ICA110"],"primary_activity":"ICA110","membership_types":["BMT20"],"address":{"street":"22 Linden Road","locality":"London","region":"Haringey","postcode":"N10 3DH","country":"GB"},"territory":"GB/haringey/london","location":{"lat":51.587101,"lon":-0.139766,"precision":"approximate"},"website":"http://www.aip.org.uk","identifiers":{"v15-30":"R000572"},"attributes":{"geo_container":"http://data.ordnancesurvey.co.uk/id/postcodeunit/N103DH","ownership_classification":"Enterprises","sector":"Professional and Legal services","sic_code":"74000","sic_section":"Professional, Scientific and Technical"},"provenance":[{"source":"v15-30","date":"2026-11-30","method":"import","fields":["activities","address","attributes","identifiers","kind","legal_form","location","membership_types","name","primary_activity","structures","territory","website"]}],"version":1,"updated_at":"2026-11-30T22:22:45Z"}', '''3dh'':16B ''associ'':3A ''association'':2A ''haringey'':14B ''independ'':6A ''independent'':5A ''limit'':10A ''limited'':9A ''london'':13B ''n10'':15B ''of'':4A ''psychotherapist'':8A ''psychotherapists'':7A ''r000572'':17B ''societi'':12B ''society'':11B ''the'':1A', 'GB/haringey/london', 'create', 2, 0);
INSERT INTO ecosol_v15.actors VALUES (19, 'v15-30-r007651', 'organisation', 'Fife Food Network', 'fife food network', 'GB', 56.32, -3.01, 0, 1, '2026-11-30T22:22:45Z', '{"id":"v15-30-r007651","kind":"organisation","name":"Fife Food Network","legal_form":"Company","structures":["OS50"],"activities":["ICA280"],"primary_activity":"ICA280","membership_types":["BMT20"],"address":{"street":"Unit G6\u000aThe Granary Business Centre","locality":"Cupar Fife","region":"Fife","postcode":"KY15 5YQ","country":"GB"},"territory":"GB/fife/cupar-fife","location":{"lat":56.318848,"lon":-3.007366,"precision":"approximate"},"website":"http://www.foodfromfife.co.uk/","identifiers":{"companies-house":"SC371312","v15-30":"R007651"},"attributes":{"geo_container":"http://data.ordnancesurvey.co.uk/id/postcodeunit/KY155YQ","ownership_classification":"Enterprises","sector":"Membership associations, social clubs and trade unions","sic_code":"94110","sic_section":"Other Service Activities"},"provenance":[{"source":"v15-30","date":"2026-11-30","method":"import","fields":["activities","address","attributes","identifiers","kind","legal_form","location","membership_types","name","primary_activity","structures","territory","website"]}],"version":1,"updated_at":"2026-11-30T22:22:45Z"}', '''5yq'':14B ''compani'':6B ''company'':5B ''cup'':8B ''cupar'':7B ''fif'':2A,10B,12B ''fife'':1A,9B,11B ''food'':3A ''ky15'':13B ''network'':4A ''r007651'':16B ''sc371312'':15B', 'GB/fife/cupar-fife', 'create', 2, 0);
INSERT INTO ecosol_v15.actors VALUES (20, 'v15-30-r022441', 'organisation', 'The Red Learning Co-operative Limited', 'the red learning co-operative limited', 'GB', 51.75, -1.26, 0, 1, '2026-11-30T22:22:45Z', '{"id":"v15-30-r022441","kind":"organisation","name":"The Red Learning Co-operative Limited","legal_form":"Society","structures":["OS130"],"activities":["ICA270"],"primary_activity":"ICA270","membership_types":["BMT30"],"address":{"street":"20 Marlborough Road","locality":"Oxford","region":"Oxfordshire","postcode":"OX1 4LP","country":"GB"},"territory":"GB/oxfordshire/oxford","location":{"lat":51.746325,"lon":-1.259637,"precision":"approximate"},"website":"http://www.redlearning.coop","identifiers":{"v15-30":"R022441"},"attributes":{"geo_container":"http://data.ordnancesurvey.co.uk/id/postcodeunit/OX14LP","ownership_classification":"Workers","sector":"Education","sic_code":"85320","sic_section":"Education"},"provenance":[{"source":"v15-30","date":"2026-11-30","method":"import","fields":["activities","address","attributes","identifiers","kind","legal_form","location","membership_types","name","primary_activity","structures","territory","website"]}],"version":1,"updated_at":"2026-11-30T22:22:45Z"}', '''4lp'':20B ''co'':5A ''cooper'':10A ''cooperativ'':11A ''cooperative'':9A ''learn'':4A ''learning'':3A ''limit'':13A ''limited'':12A ''oper'':7A ''operativ'':8A ''operative'':6A ''ox1'':19B ''oxford'':16B ''oxfordshir'':18B ''oxfordshire'':17B ''r022441'':21B ''red'':2A ''societi'':15B ''society'':14B ''the'':1A', 'GB/oxfordshire/oxford', 'create', 2, 0);
INSERT INTO ecosol_v15.actors VALUES (21, 'v15-30-r000574', 'organisation', 'Studio Fusion Limited', 'studio fusion limited', 'GB', 51.51, -0.11, 0, 1, '2026-11-30T22:22:45Z', '{"id":"v15-30-r000574","kind":"organisation","name":"Studio Fusion Limited","legal_form":"Company","structures":["OS115"],"activities":["ICA260"],"primary_activity":"ICA260","membership_types":["BMT10"],"address":{"street":"Unit 106 Oxo Tower Wharf\u000aBargehouse Street\u000aSouth Bank","locality":"London","region":"Southwark","postcode":"SE1 9PH","country":"GB"},"territory":"GB/southwark/london","location":{"lat":51.508355,"lon":-0.108361,"precision":"approximate"},"website":"http://www.studiofusiongallery.co.uk","identifiers":{"companies-house":"03231583","v15-30":"R000574"},"attributes":{"geo_container":"http://data.ordnancesurvey.co.uk/id/postcodeunit/SE19PH","ownership_classification":"Consumers","sector":"Retail","sic_code":"46190","sic_section":"Wholesale and Retail; Vehicle Repair"},"provenance":[{"source":"v15-30","date":"2026-11-30","method":"import","fields":["activities","address","attributes","identifiers","kind","legal_form","location","membership_types","name","primary_activity","structures","territory","website"]}],"version":1,"updated_at":"2026-11-30T22:22:45Z"}', '''03231583'':12B ''9ph'':11B ''compani'':7B ''company'':6B ''fusion'':3A ''limit'':5A ''limited'':4A ''london'':8B ''r000574'':13B ''se1'':10B ''southwark'':9B ''studi'':2A ''studio'':1A', 'GB/southwark/london', 'create', 2, 0);
INSERT INTO ecosol_v15.actors VALUES (22, 'v15-30-r007653', 'organisation', 'Galloway & Macleod Limited', 'galloway & macleod limited', 'GB', 55.7, -3.98, 0, 1, '2026-11-30T22:22:45Z', '{"id":"v15-30-r007653","kind":"organisation","name":"Galloway & Macleod Limited","legal_form":"Company","structures":["OS140"],"activities":["ICA260"],"primary_activity":"ICA260","membership_types":["BMT30"],"address":{"street":"King Street","locality":"Stonehouse","region":"South Lanarkshire","postcode":"ML9 3EH","country":"GB"},"territory":"GB/south-lanarkshire/stonehouse","location":{"lat":55.697462,"lon":-3.983779,"precision":"approximate"},"website":"http://www.galloway-macleod.co.uk/","identifiers":{"companies-house":"SC011719","v15-30":"R007653"},"attributes":{"geo_container":"http://data.ordnancesurvey.co.uk/id/postcodeunit/ML93EH","ownership_classification":"Employee Trust","sector":"Retail","sic_code":"46210","sic_section":"Wholesale and Retail; Vehicle Repair"},"provenance":[{"source":"v15-30","date":"2026-11-30","method":"import","fields":["activities","address","attributes","identifiers","kind","legal_form","location","membership_types","name","primary_activity","structures","territory","website"]}],"version":1,"updated_at":"2026-11-30T22:22:45Z"}', '''3eh'':13B ''compani'':6B ''company'':5B ''galloway'':1A ''lanarkshir'':11B ''lanarkshire'':10B ''limit'':4A ''limited'':3A ''macleod'':2A ''ml9'':12B ''r007653'':15B ''sc011719'':14B ''south'':9B ''stonehous'':8B ''stonehouse'':7B', 'GB/south-lanarkshire/stonehouse', 'create', 2, 0);
INSERT INTO ecosol_v15.actors VALUES (23, 'v15-30-r035438', 'organisation', 'Nantwich Mill Community Energy Limited', 'nantwich mill community energy limited', 'GB', 53.07, -2.61, 0, 1, '2026-11-30T22:22:45Z', '{"id":"v15-30-r035438","kind":"organisation","name":"Nantwich Mill Community Energy Limited","legal_form":"Society","structures":["OS130"],"activities":["ICA230"],"primary_activity":"ICA230","membership_types":["BMT60"],"address":{"street":"The Cottage\u000aKidderton Lane\u000aBrindley","locality":"Nantwich","region":"Cheshire East","postcode":"CW5 8JD","country":"GB"},"territory":"GB/cheshire-east/nantwich","location":{"lat":53.073723,"lon":-2.605652,"precision":"approximate"},"website":"http://nmce.co.uk/","identifiers":{"v15-30":"R035438"},"attributes":{"geo_container":"http://data.ordnancesurvey.co.uk/id/postcodeunit/CW58JD","ownership_classification":"Community of Interest","sector":"Energy and Environment","sic_code":"35110","sic_section":"Electricity, Gas, Steam and Air Con"},"provenance":[{"source":"v15-30","date":"2026-11-30","method":"import","fields":["activities","address","attributes","identifiers","kind","legal_form","location","membership_types","name","primary_activity","structures","territory","website"]}],"version":1,"updated_at":"2026-11-30T22:22:45Z"}', '''8jd'':16B ''cheshir'':13B ''cheshire'':12B ''communiti'':4A ''community'':3A ''cw5'':15B ''east'':14B ''energi'':6A ''energy'':5A ''limit'':8A ''limited'':7A ''mill'':2A ''nantwich'':1A,11B ''r035438'':17B ''societi'':10B ''society'':9B', 'GB/cheshire-east/nantwich', 'create', 2, 0);
INSERT INTO ecosol_v15.actors VALUES (24, 'v15-30-r008130', 'organisation', 'The Thorndon Community Shop Limited', 'the thorndon community shop limited', 'GB', 52.29, 1.13, 0, 1, '2026-11-30T22:22:45Z', '{"id":"v15-30-r008130","kind":"organisation","name":"The Thorndon Community Shop Limited","legal_form":"Society","structures":["OS130"],"activities":["ICA260"],"primary_activity":"ICA260","membership_types":["BMT60"],"address":{"street":"Blackthorns\u000aThe Street\u000aThorndon","locality":"Eye","region":"Suffolk","postcode":"IP23 7JN","country":"GB"},"territory":"GB/suffolk/eye","location":{"lat":52.285806,"lon":1.129843,"precision":"approximate"},"identifiers":{"v15-30":"R008130"},"attributes":{"geo_container":"http://data.ordnancesurvey.co.uk/id/postcodeunit/IP237JN","ownership_classification":"Community of Interest","sector":"Retail","sic_code":"47000","sic_section":"Wholesale and Retail; Vehicle Repair"},"provenance":[{"source":"v15-30","date":"2026-11-30","method":"import","fields":["activities","address","attributes","identifiers","kind","legal_form","location","membership_types","name","primary_activity","structures","territory"]}],"version":1,"updated_at":"2026-11-30T22:22:45Z"}', '''7jn'':13B ''communiti'':4A ''community'':3A ''eye'':10B ''ip23'':12B ''limit'':7A ''limited'':6A ''r008130'':14B ''shop'':5A ''societi'':9B ''society'':8B ''suffolk'':11B ''the'':1A ''thorndon'':2A', 'GB/suffolk/eye', 'create', 2, 0);
INSERT INTO ecosol_v15.actors VALUES (25, 'v15-30-r008131', 'organisation', 'Kesoberi Housing Co-operative Ltd', 'kesoberi housing co-operative ltd', 'GB', 50.13, -5.37, 0, 1, '2026-11-30T22:22:45Z', '{"id":"v15-30-r008131","kind":"organisation","name":"Kesoberi Housing Co-operative Ltd","legal_form":"Society","structures":["OS130"],"activities":["ICA210"],"primary_activity":"ICA210","membership_types":["BMT50"],"address":{"street":"19 Trewithen Terrace\u000aAshton","locality":"Helston","region":"Cornwall","postcode":"TR13 9TQ","country":"GB"},"territory":"GB/cornwall/helston","location":{"lat":50.127102,"lon":-5.369734,"precision":"approximate"},"identifiers":{"v15-30":"R008131"},"attributes":{"geo_container":"http://data.ordnancesurvey.co.uk/id/postcodeunit/TR139TQ","ownership_classification":"Tenants","sector":"Housing","sic_code":"68000","sic_section":"Real Estate"},"provenance":[{"source":"v15-30","date":"2026-11-30","method":"import","fields":["activities","address","attributes","identifiers","kind","legal_form","location","membership_types","name","primary_activity","structures","territory"]}],"version":1,"updated_at":"2026-11-30T22:22:45Z"}', '''9tq'':19B ''co'':5A ''cooper'':10A ''cooperativ'':11A ''cooperative'':9A ''cornwal'':17B ''cornwall'':16B ''helston'':15B ''hous'':4A ''housing'':3A ''kesober'':2A ''kesoberi'':1A ''ltd'':12A ''oper'':7A ''operativ'':8A ''operative'':6A ''r008131'':20B ''societi'':14B ''society'':13B ''tr13'':18B', 'GB/cornwall/helston', 'create', 2, 0);
INSERT INTO ecosol_v15.actors VALUES (26, 'v15-30-r007818', 'organisation', 'Royal British Legion (Monmouth) Club Limited', 'royal british legion (monmouth) club limited', 'GB', 51.81, -2.71, 0, 1, '2026-11-30T22:22:45Z', '{"id":"v15-30-r007818","kind":"organisation","name":"Royal British Legion (Monmouth) Club Limited","legal_form":"Society","structures":["OS130"],"activities":["ICA280"],"primary_activity":"ICA280","membership_types":["BMT10"],"address":{"street":"Monmouth Club\u000a7 St. James Street","locality":"Monmouth","region":"Monmouthshire","postcode":"NP25 3DL","country":"GB"},"territory":"GB/monmouthshire/monmouth","location":{"lat":51.812435,"lon":-2.711208,"precision":"approximate"},"identifiers":{"v15-30":"R007818"},"attributes":{"geo_container":"http://data.ordnancesurvey.co.uk/id/postcodeunit/NP253DL","ownership_classification":"Consumers","sector":"Membership associations, social clubs and trade unions","sic_code":"94990","sic_section":"Other Service Activities"},"provenance":[{"source":"v15-30","date":"2026-11-30","method":"import","fields":["activities","address","attributes","identifiers","kind","legal_form","location","membership_types","name","primary_activity","structures","territory"]}],"version":1,"updated_at":"2026-11-30T22:22:45Z"}', '''3dl'':14B ''british'':2A ''club'':5A ''legion'':3A ''limit'':7A ''limited'':6A ''monmouth'':4A,10B ''monmouthshir'':12B ''monmouthshire'':11B ''np25'':13B ''r007818'':15B ''royal'':1A ''societi'':9B ''society'':8B', 'GB/monmouthshire/monmouth', 'create', 2, 0);
INSERT INTO ecosol_v15.actors VALUES (27, 'v15-30-r008133', 'organisation', 'Fleetwood Workingmen''s Club Limited', 'fleetwood workingmen''s club limited', 'GB', 53.92, -3.01, 0, 1, '2026-11-30T22:22:45Z', '{"id":"v15-30-r008133","kind":"organisation","name":"Fleetwood Workingmen''s Club Limited","legal_form":"Society","structures":["OS130"],"activities":["ICA280"],"primary_activity":"ICA280","membership_types":["BMT10"],"address":{"street":"6-8 Kemp Street","locality":"Fleetwood","region":"Lancashire","postcode":"FY7 6JX","country":"GB"},"territory":"GB/lancashire/fleetwood","location":{"lat":53.922358,"lon":-3.01045,"precision":"approximate"},"website":"http://www.facebook.com/fleetwoodworking.mensclub/","identifiers":{"v15-30":"R008133"},"attributes":{"geo_container":"http://data.ordnancesurvey.co.uk/id/postcodeunit/FY76JX","ownership_classification":"Consumers","sector":"Membership associations, social clubs and trade unions","sic_code":"94990","sic_section":"Other Service Activities"},"provenance":[{"source":"v15-30","date":"2026-11-30","method":"import","fields":["activities","address","attributes","identifiers","kind","legal_form","location","membership_types","name","primary_activity","structures","territory","website"]}],"version":1,"updated_at":"2026-11-30T22:22:45Z"}', '''6jx'':14B ''club'':5A ''fleetwood'':1A,10B ''fy7'':13B ''lancashir'':12B ''lancashire'':11B ''limit'':7A ''limited'':6A ''r008133'':15B ''s'':4A ''societi'':9B ''society'':8B ''workingm'':3A ''workingmen'':2A', 'GB/lancashire/fleetwood', 'create', 2, 0);
INSERT INTO ecosol_v15.actors VALUES (28, 'v15-30-r007821', 'organisation', 'Carntyne and Riddrie Credit Union Limited', 'carntyne and riddrie credit union limited', 'GB', 55.87, -4.18, 0, 1, '2026-11-30T22:22:45Z', '{"id":"v15-30-r007821","kind":"organisation","name":"Carntyne and Riddrie Credit Union Limited","legal_form":"Society","structures":["OS130"],"activities":["ICA140"],"primary_activity":"ICA140","membership_types":["BMT10"],"address":{"street":"47 Gartcraig Road\u000aCarntyne","locality":"Glasgow","region":"Glasgow, City of","postcode":"G33 2WX","country":"GB"},"territory":"GB/glasgow-city-of/glasgow","location":{"lat":55.865844,"lon":-4.184173,"precision":"approximate"},"website":"http://www.carntynecu.co.uk","identifiers":{"v15-30":"R007821"},"attributes":{"geo_container":"http://data.ordnancesurvey.co.uk/id/postcodeunit/G332WX","ownership_classification":"Consumers","sector":"Finance","sic_code":"64921","sic_section":"Financial and Insurance"},"provenance":[{"source":"v15-30","date":"2026-11-30","method":"import","fields":["activities","address","attributes","identifiers","kind","legal_form","location","membership_types","name","primary_activity","structures","territory","website"]}],"version":1,"updated_at":"2026-11-30T22:22:45Z"}', '''2wx'':20B ''and'':3A ''carntyn'':2A ''carntyne'':1A ''citi'':17B ''city'':16B ''cred'':8A ''credit'':7A ''g33'':19B ''glasgow'':14B,15B ''limit'':11A ''limited'':10A ''of'':18B ''r007821'':21B ''riddr'':6A ''riddri'':5A ''riddrie'':4A ''societi'':13B ''society'':12B ''union'':9A', 'GB/glasgow-city-of/glasgow', 'create', 2, 0);
INSERT INTO ecosol_v15.actors VALUES (29, 'v15-30-r035443', 'organisation', 'Ox10 Community Centre Limited', 'ox10 community centre limited', 'GB', 51.6, -1.12, 0, 1, '2026-11-30T22:22:45Z', '{"id":"v15-30-r035443","kind":"organisation","name":"Ox10 Community Centre Limited","legal_form":"Society","structures":["OS130"],"activities":["ICA280"],"primary_activity":"ICA280","membership_types":["BMT60"],"address":{"street":"Croft Gate\u000a62 High Street","locality":"Wallingford","region":"Oxfordshire","postcode":"OX10 0BP","country":"GB"},"territory":"GB/oxfordshire/wallingford","location":{"lat":51.600964,"lon":-1.12286,"precision":"approximate"},"website":"https://www.facebook.com/ox10-community-centre-108104195190138","identifiers":{"v15-30":"R035443"},"attributes":{"geo_container":"http://data.ordnancesurvey.co.uk/id/postcodeunit/OX100BP","ownership_classification":"Community of Interest","sector":"Membership associations, social clubs and trade unions","sic_code":"94990","sic_section":"Other Service Activities"},"provenance":[{"source":"v15-30","date":"2026-11-30","method":"import","fields":["activities","address","attributes","identifiers","kind","legal_form","location","membership_types","name","primary_activity","structures","territory","website"]}],"version":1,"updated_at":"2026-11-30T22:22:45Z"}', '''0bp'':14B ''centr'':5A ''centre'':4A ''communiti'':3A ''community'':2A ''limit'':7A ''limited'':6A ''ox10'':1A,13B ''oxfordshir'':12B ''oxfordshire'':11B ''r035443'':15B ''societi'':9B ''society'':8B ''wallingford'':10B', 'GB/oxfordshire/wallingford', 'create', 2, 0);
INSERT INTO ecosol_v15.actors VALUES (30, 'v15-30-r008135', 'organisation', 'Mallaig & North West Fishermens Association Limited', 'mallaig & north west fishermens association limited', 'GB', 56.85, -5.05, 0, 1, '2026-11-30T22:22:45Z', '{"id":"v15-30-r008135","kind":"organisation","name":"Mallaig & North West Fishermens Association Limited","legal_form":"Society","structures":["OS130"],"activities":["ICA50"],"primary_activity":"ICA50","membership_types":["BMT20"],"address":{"street":"Twin Deer Law\u000aBen Nevis Auction Mart\u000aTorlundy","locality":"Fort William","region":"Highland","postcode":"PH33 6SW","country":"GB"},"territory":"GB/highland/fort-william","location":{"lat":56.848718,"lon":-5.047579,"precision":"approximate"},"website":"http://www.mnwfa.co.uk","identifiers":{"v15-30":"R008135"},"attributes":{"geo_container":"http://data.ordnancesurvey.co.uk/id/postcodeunit/PH336SW","ownership_classification":"Enterprises","sector":"Agriculture","sic_code":"03000","sic_section":"Agriculture, Forestry and Fishing"},"provenance":[{"source":"v15-30","date":"2026-11-30","method":"import","fields":["activities","address","attributes","identifiers","kind","legal_form","location","membership_types","name","primary_activity","structures","territory","website"]}],"version":1,"updated_at":"2026-11-30T22:22:45Z"}', '''6sw'':17B ''associ'':7A ''association'':6A ''fishermen'':5A ''fishermens'':4A ''fort'':12B ''highland'':15B ''limit'':9A ''limited'':8A ''mallaig'':1A ''north'':2A ''ph33'':16B ''r008135'':18B ''societi'':11B ''society'':10B ''west'':3A ''will'':14B ''william'':13B', 'GB/highland/fort-william', 'create', 2, 0);


--
-- Data for Name: api_tokens; Type: TABLE DATA; Schema: ecosol_v15; Owner: -
--



--
-- Data for Name: assessments; Type: TABLE DATA; Schema: ecosol_v15; Owner: -
--

INSERT INTO ecosol_v15.assessments VALUES ('asm-066185d98bf39b9822df48', 'v15-30-r000572', 'un-ilo', '1.0.0', 1, 'insufficient_evidence', '2026-11-30T22:22:48Z', 'cli:uid-0', 0, '{"framework":"un-ilo","options":[],"principles":[{"criteria":{"purpose.collective_or_general_interest":["insufficient_evidence",["purpose.social"]]},"id":"general_interest","status":"insufficient_evidence"},{"criteria":{"membership.voluntary":["insufficient_evidence",["membership.voluntary"]],"membership.open":["insufficient_evidence",["membership.open"]],"foundation.voluntary_participation":["insufficient_evidence",["governance.stakeholder_bodies","workforce.volunteers"]]},"id":"voluntary_cooperation","status":"insufficient_evidence"},{"criteria":{"democratic.member_vote":["insufficient_evidence",["governance.stakeholder_bodies","governance.voting_rule"]],"democratic.no_dominant_member":["insufficient_evidence",["governance.max_member_vote_share"]],"democratic.investors_minority":["insufficient_evidence",["governance.investor_vote_share"]],"democratic.colleges_balanced":"not_applicable","foundation.stakeholder_voice":["insufficient_evidence",["governance.stakeholder_bodies"]],"democratic.general_assembly":["insufficient_evidence",["governance.general_assemblies_per_year"]],"democratic.accounts_approved":["insufficient_evidence",["reporting.accounts_filed"]]},"id":"democratic_governance","status":"insufficient_evidence"},{"criteria":{"autonomy.no_public_body_control":["insufficient_evidence",["control.public_body_share"]],"autonomy.no_for_profit_control":["insufficient_evidence",["control.for_profit_share"]],"autonomy.no_founder_control":["insufficient_evidence",["control.founder_family_share"]],"autonomy.board_not_appointed_from_outside":["insufficient_evidence",["control.external_board_appointment"]],"autonomy.no_political_or_religious_control":["insufficient_evidence",["control.political_or_religious_control"]],"autonomy.own_governing_body":["insufficient_evidence",["governance.own_governing_body"]],"autonomy.not_labour_intermediation":["insufficient_evidence",["activities.labour_intermediation"]]},"id":"autonomy","status":"insufficient_evidence"},{"criteria":{"primacy.profit_distribution_limited":["insufficient_evidence",["profits.distributable","profits.dividends"]],"primacy.indivisible_reserves":["insufficient_evidence",["profits.distributable","profits.reserves_indivisible"]],"primacy.asset_lock":["insufficient_evidence",["assets.asset_lock","assets.dissolution_to"]],"primacy.return_on_capital_limited":["insufficient_evidence",["capital.return_capped","profits.distributable","profits.shares_listed"]],"primacy.no_venture_terms":["insufficient_evidence",["capital.venture_terms"]],"primacy.pay_equity":["insufficient_evidence",["pay.lowest_fte","pay.minimum_wage_annual","pay.top"]]},"id":"primacy_of_people","status":"insufficient_evidence"}],"red_flags":[],"unchecked_flags":{"capital_voting":["governance.stakeholder_bodies","governance.voting_rule"],"no_asset_lock":["assets.asset_lock","assets.asset_lock_removable_by_simple_majority","assets.dissolution_to","legal_form"],"dividends_over_half":["profits.dividends"],"venture_terms":["capital.venture_terms","legal_form"],"founder_control":["control.founder_family_share"],"for_profit_parent_control":["control.for_profit_share"],"public_body_control":["control.public_body_share"],"pay_ratio_excess":["pay.lowest_fte","pay.minimum_wage_annual","pay.top"],"volunteers_replacing_staff":["legal_form","workforce.paid_workers","workforce.volunteers"],"labour_intermediation":["activities.labour_intermediation","legal_form"],"shell_subsidiary":["governance.own_governing_body"],"listed_or_uncapped_return":["capital.return_capped","legal_form","profits.distributable","profits.shares_listed"],"no_general_assembly_or_accounts":["governance.general_assemblies_per_year","legal_form","reporting.accounts_filed","reporting.social_report"],"closed_membership":["legal_form","membership.open"]},"verdict":"insufficient_evidence","version":"1.0.0"}');
INSERT INTO ecosol_v15.assessments VALUES ('asm-066185d98bf408841c935d', 'v15-30-r000574', 'un-ilo', '1.0.0', 1, 'insufficient_evidence', '2026-11-30T22:22:48Z', 'cli:uid-0', 0, '{"framework":"un-ilo","options":[],"principles":[{"criteria":{"purpose.collective_or_general_interest":["insufficient_evidence",["purpose.social"]]},"id":"general_interest","status":"insufficient_evidence"},{"criteria":{"membership.voluntary":["insufficient_evidence",["membership.voluntary"]],"membership.open":["insufficient_evidence",["membership.open"]],"foundation.voluntary_participation":"not_applicable"},"id":"voluntary_cooperation","status":"insufficient_evidence"},{"criteria":{"democratic.member_vote":["insufficient_evidence",["governance.stakeholder_bodies","governance.voting_rule"]],"democratic.no_dominant_member":["insufficient_evidence",["governance.max_member_vote_share"]],"democratic.investors_minority":["insufficient_evidence",["governance.investor_vote_share"]],"democratic.colleges_balanced":"not_applicable","foundation.stakeholder_voice":"not_applicable","democratic.general_assembly":["insufficient_evidence",["governance.general_assemblies_per_year"]],"democratic.accounts_approved":["insufficient_evidence",["reporting.accounts_filed"]]},"id":"democratic_governance","status":"insufficient_evidence"},{"criteria":{"autonomy.no_public_body_control":["insufficient_evidence",["control.public_body_share"]],"autonomy.no_for_profit_control":["insufficient_evidence",["control.for_profit_share"]],"autonomy.no_founder_control":["insufficient_evidence",["control.founder_family_share"]],"autonomy.board_not_appointed_from_outside":["insufficient_evidence",["control.external_board_appointment"]],"autonomy.no_political_or_religious_control":["insufficient_evidence",["control.political_or_religious_control"]],"autonomy.own_governing_body":["insufficient_evidence",["governance.own_governing_body"]],"autonomy.not_labour_intermediation":["insufficient_evidence",["activities.labour_intermediation"]]},"id":"autonomy","status":"insufficient_evidence"},{"criteria":{"primacy.profit_distribution_limited":["insufficient_evidence",["profits.distributable","profits.dividends"]],"primacy.indivisible_reserves":["insufficient_evidence",["profits.distributable","profits.reserves_indivisible"]],"primacy.asset_lock":["insufficient_evidence",["assets.asset_lock","assets.dissolution_to"]],"primacy.return_on_capital_limited":["insufficient_evidence",["capital.return_capped","profits.distributable","profits.shares_listed"]],"primacy.no_venture_terms":["insufficient_evidence",["capital.venture_terms"]],"primacy.pay_equity":["insufficient_evidence",["pay.lowest_fte","pay.minimum_wage_annual","pay.top"]]},"id":"primacy_of_people","status":"insufficient_evidence"}],"red_flags":[],"unchecked_flags":{"capital_voting":["governance.stakeholder_bodies","governance.voting_rule"],"no_asset_lock":["assets.asset_lock","assets.asset_lock_removable_by_simple_majority","assets.dissolution_to"],"dividends_over_half":["profits.dividends"],"venture_terms":["capital.venture_terms"],"founder_control":["control.founder_family_share"],"for_profit_parent_control":["control.for_profit_share"],"public_body_control":["control.public_body_share"],"pay_ratio_excess":["pay.lowest_fte","pay.minimum_wage_annual","pay.top"],"labour_intermediation":["activities.labour_intermediation"],"shell_subsidiary":["governance.own_governing_body"],"listed_or_uncapped_return":["capital.return_capped","profits.distributable","profits.shares_listed"],"no_general_assembly_or_accounts":["governance.general_assemblies_per_year","reporting.accounts_filed"],"closed_membership":["membership.open"]},"verdict":"insufficient_evidence","version":"1.0.0"}');
INSERT INTO ecosol_v15.assessments VALUES ('asm-066185d98bf44f87a5a65b', 'v15-30-r006861', 'un-ilo', '1.0.0', 1, 'insufficient_evidence', '2026-11-30T22:22:48Z', 'cli:uid-0', 0, '{"framework":"un-ilo","options":[],"principles":[{"criteria":{"purpose.collective_or_general_interest":["insufficient_evidence",["purpose.social"]]},"id":"general_interest","status":"insufficient_evidence"},{"criteria":{"membership.voluntary":["insufficient_evidence",["membership.voluntary"]],"membership.open":["insufficient_evidence",["membership.open"]],"foundation.voluntary_participation":["insufficient_evidence",["governance.stakeholder_bodies","workforce.volunteers"]]},"id":"voluntary_cooperation","status":"insufficient_evidence"},{"criteria":{"democratic.member_vote":["insufficient_evidence",["governance.stakeholder_bodies","governance.voting_rule"]],"democratic.no_dominant_member":["insufficient_evidence",["governance.max_member_vote_share"]],"democratic.investors_minority":["insufficient_evidence",["governance.investor_vote_share"]],"democratic.colleges_balanced":"not_applicable","foundation.stakeholder_voice":["insufficient_evidence",["governance.stakeholder_bodies"]],"democratic.general_assembly":["insufficient_evidence",["governance.general_assemblies_per_year"]],"democratic.accounts_approved":["insufficient_evidence",["reporting.accounts_filed"]]},"id":"democratic_governance","status":"insufficient_evidence"},{"criteria":{"autonomy.no_public_body_control":["insufficient_evidence",["control.public_body_share"]],"autonomy.no_for_profit_control":["insufficient_evidence",["control.for_profit_share"]],"autonomy.no_founder_control":["insufficient_evidence",["control.founder_family_share"]],"autonomy.board_not_appointed_from_outside":["insufficient_evidence",["control.external_board_appointment"]],"autonomy.no_political_or_religious_control":["insufficient_evidence",["control.political_or_religious_control"]],"autonomy.own_governing_body":["insufficient_evidence",["governance.own_governing_body"]],"autonomy.not_labour_intermediation":["insufficient_evidence",["activities.labour_intermediation"]]},"id":"autonomy","status":"insufficient_evidence"},{"criteria":{"primacy.profit_distribution_limited":["insufficient_evidence",["profits.distributable","profits.dividends"]],"primacy.indivisible_reserves":["insufficient_evidence",["profits.distributable","profits.reserves_indivisible"]],"primacy.asset_lock":["insufficient_evidence",["assets.asset_lock","assets.dissolution_to"]],"primacy.return_on_capital_limited":["insufficient_evidence",["capital.return_capped","profits.distributable","profits.shares_listed"]],"primacy.no_venture_terms":["insufficient_evidence",["capital.venture_terms"]],"primacy.pay_equity":["insufficient_evidence",["pay.lowest_fte","pay.minimum_wage_annual","pay.top"]]},"id":"primacy_of_people","status":"insufficient_evidence"}],"red_flags":[],"unchecked_flags":{"capital_voting":["governance.stakeholder_bodies","governance.voting_rule"],"no_asset_lock":["assets.asset_lock","assets.asset_lock_removable_by_simple_majority","assets.dissolution_to","legal_form"],"dividends_over_half":["profits.dividends"],"venture_terms":["capital.venture_terms","legal_form"],"founder_control":["control.founder_family_share"],"for_profit_parent_control":["control.for_profit_share"],"public_body_control":["control.public_body_share"],"pay_ratio_excess":["pay.lowest_fte","pay.minimum_wage_annual","pay.top"],"volunteers_replacing_staff":["legal_form","workforce.paid_workers","workforce.volunteers"],"labour_intermediation":["activities.labour_intermediation","legal_form"],"shell_subsidiary":["governance.own_governing_body"],"listed_or_uncapped_return":["capital.return_capped","legal_form","profits.distributable","profits.shares_listed"],"no_general_assembly_or_accounts":["governance.general_assemblies_per_year","legal_form","reporting.accounts_filed","reporting.social_report"],"closed_membership":["legal_form","membership.open"]},"verdict":"insufficient_evidence","version":"1.0.0"}');
INSERT INTO ecosol_v15.assessments VALUES ('asm-066185d98bf48fa76ed0f5', 'v15-30-r006884', 'un-ilo', '1.0.0', 1, 'insufficient_evidence', '2026-11-30T22:22:48Z', 'cli:uid-0', 0, '{"framework":"un-ilo","options":[],"principles":[{"criteria":{"purpose.collective_or_general_interest":["insufficient_evidence",["purpose.social"]]},"id":"general_interest","status":"insufficient_evidence"},{"criteria":{"membership.voluntary":["insufficient_evidence",["membership.voluntary"]],"membership.open":["insufficient_evidence",["membership.open"]],"foundation.voluntary_participation":["insufficient_evidence",["governance.stakeholder_bodies","workforce.volunteers"]]},"id":"voluntary_cooperation","status":"insufficient_evidence"},{"criteria":{"democratic.member_vote":["insufficient_evidence",["governance.stakeholder_bodies","governance.voting_rule"]],"democratic.no_dominant_member":["insufficient_evidence",["governance.max_member_vote_share"]],"democratic.investors_minority":["insufficient_evidence",["governance.investor_vote_share"]],"democratic.colleges_balanced":"not_applicable","foundation.stakeholder_voice":["insufficient_evidence",["governance.stakeholder_bodies"]],"democratic.general_assembly":["insufficient_evidence",["governance.general_assemblies_per_year"]],"democratic.accounts_approved":["insufficient_evidence",["reporting.accounts_filed"]]},"id":"democratic_governance","status":"insufficient_evidence"},{"criteria":{"autonomy.no_public_body_control":["insufficient_evidence",["control.public_body_share"]],"autonomy.no_for_profit_control":["insufficient_evidence",["control.for_profit_share"]],"autonomy.no_founder_control":["insufficient_evidence",["control.founder_family_share"]],"autonomy.board_not_appointed_from_outside":["insufficient_evidence",["control.external_board_appointment"]],"autonomy.no_political_or_religious_control":["insufficient_evidence",["control.political_or_religious_control"]],"autonomy.own_governing_body":["insufficient_evidence",["governance.own_governing_body"]],"autonomy.not_labour_intermediation":["insufficient_evidence",["activities.labour_intermediation"]]},"id":"autonomy","status":"insufficient_evidence"},{"criteria":{"primacy.profit_distribution_limited":["insufficient_evidence",["profits.distributable","profits.dividends"]],"primacy.indivisible_reserves":["insufficient_evidence",["profits.distributable","profits.reserves_indivisible"]],"primacy.asset_lock":["insufficient_evidence",["assets.asset_lock","assets.dissolution_to"]],"primacy.return_on_capital_limited":["insufficient_evidence",["capital.return_capped","profits.distributable","profits.shares_listed"]],"primacy.no_venture_terms":["insufficient_evidence",["capital.venture_terms"]],"primacy.pay_equity":["insufficient_evidence",["pay.lowest_fte","pay.minimum_wage_annual","pay.top"]]},"id":"primacy_of_people","status":"insufficient_evidence"}],"red_flags":[],"unchecked_flags":{"capital_voting":["governance.stakeholder_bodies","governance.voting_rule"],"no_asset_lock":["assets.asset_lock","assets.asset_lock_removable_by_simple_majority","assets.dissolution_to","legal_form"],"dividends_over_half":["profits.dividends"],"venture_terms":["capital.venture_terms","legal_form"],"founder_control":["control.founder_family_share"],"for_profit_parent_control":["control.for_profit_share"],"public_body_control":["control.public_body_share"],"pay_ratio_excess":["pay.lowest_fte","pay.minimum_wage_annual","pay.top"],"volunteers_replacing_staff":["legal_form","workforce.paid_workers","workforce.volunteers"],"labour_intermediation":["activities.labour_intermediation","legal_form"],"shell_subsidiary":["governance.own_governing_body"],"listed_or_uncapped_return":["capital.return_capped","legal_form","profits.distributable","profits.shares_listed"],"no_general_assembly_or_accounts":["governance.general_assemblies_per_year","legal_form","reporting.accounts_filed","reporting.social_report"],"closed_membership":["legal_form","membership.open"]},"verdict":"insufficient_evidence","version":"1.0.0"}');
INSERT INTO ecosol_v15.assessments VALUES ('asm-066185d98bf4d9cc7bcc45', 'v15-30-r006886', 'un-ilo', '1.0.0', 1, 'insufficient_evidence', '2026-11-30T22:22:48Z', 'cli:uid-0', 0, '{"framework":"un-ilo","options":[],"principles":[{"criteria":{"purpose.collective_or_general_interest":["insufficient_evidence",["purpose.social"]]},"id":"general_interest","status":"insufficient_evidence"},{"criteria":{"membership.voluntary":["insufficient_evidence",["membership.voluntary"]],"membership.open":["insufficient_evidence",["membership.open"]],"foundation.voluntary_participation":["insufficient_evidence",["governance.stakeholder_bodies","workforce.volunteers"]]},"id":"voluntary_cooperation","status":"insufficient_evidence"},{"criteria":{"democratic.member_vote":["insufficient_evidence",["governance.stakeholder_bodies","governance.voting_rule"]],"democratic.no_dominant_member":["insufficient_evidence",["governance.max_member_vote_share"]],"democratic.investors_minority":["insufficient_evidence",["governance.investor_vote_share"]],"democratic.colleges_balanced":"not_applicable","foundation.stakeholder_voice":["insufficient_evidence",["governance.stakeholder_bodies"]],"democratic.general_assembly":["insufficient_evidence",["governance.general_assemblies_per_year"]],"democratic.accounts_approved":["insufficient_evidence",["reporting.accounts_filed"]]},"id":"democratic_governance","status":"insufficient_evidence"},{"criteria":{"autonomy.no_public_body_control":["insufficient_evidence",["control.public_body_share"]],"autonomy.no_for_profit_control":["insufficient_evidence",["control.for_profit_share"]],"autonomy.no_founder_control":["insufficient_evidence",["control.founder_family_share"]],"autonomy.board_not_appointed_from_outside":["insufficient_evidence",["control.external_board_appointment"]],"autonomy.no_political_or_religious_control":["insufficient_evidence",["control.political_or_religious_control"]],"autonomy.own_governing_body":["insufficient_evidence",["governance.own_governing_body"]],"autonomy.not_labour_intermediation":["insufficient_evidence",["activities.labour_intermediation"]]},"id":"autonomy","status":"insufficient_evidence"},{"criteria":{"primacy.profit_distribution_limited":["insufficient_evidence",["profits.distributable","profits.dividends"]],"primacy.indivisible_reserves":["insufficient_evidence",["profits.distributable","profits.reserves_indivisible"]],"primacy.asset_lock":["insufficient_evidence",["assets.asset_lock","assets.dissolution_to"]],"primacy.return_on_capital_limited":["insufficient_evidence",["capital.return_capped","profits.distributable","profits.shares_listed"]],"primacy.no_venture_terms":["insufficient_evidence",["capital.venture_terms"]],"primacy.pay_equity":["insufficient_evidence",["pay.lowest_fte","pay.minimum_wage_annual","pay.top"]]},"id":"primacy_of_people","status":"insufficient_evidence"}],"red_flags":[],"unchecked_flags":{"capital_voting":["governance.stakeholder_bodies","governance.voting_rule"],"no_asset_lock":["assets.asset_lock","assets.asset_lock_removable_by_simple_majority","assets.dissolution_to","legal_form"],"dividends_over_half":["profits.dividends"],"venture_terms":["capital.venture_terms","legal_form"],"founder_control":["control.founder_family_share"],"for_profit_parent_control":["control.for_profit_share"],"public_body_control":["control.public_body_share"],"pay_ratio_excess":["pay.lowest_fte","pay.minimum_wage_annual","pay.top"],"volunteers_replacing_staff":["legal_form","workforce.paid_workers","workforce.volunteers"],"labour_intermediation":["activities.labour_intermediation","legal_form"],"shell_subsidiary":["governance.own_governing_body"],"listed_or_uncapped_return":["capital.return_capped","legal_form","profits.distributable","profits.shares_listed"],"no_general_assembly_or_accounts":["governance.general_assemblies_per_year","legal_form","reporting.accounts_filed","reporting.social_report"],"closed_membership":["legal_form","membership.open"]},"verdict":"insufficient_evidence","version":"1.0.0"}');
INSERT INTO ecosol_v15.assessments VALUES ('asm-066185d98bf5292cb1c2a4', 'v15-30-r007634', 'un-ilo', '1.0.0', 1, 'insufficient_evidence', '2026-11-30T22:22:48Z', 'cli:uid-0', 0, '{"framework":"un-ilo","options":[],"principles":[{"criteria":{"purpose.collective_or_general_interest":["insufficient_evidence",["purpose.social"]]},"id":"general_interest","status":"insufficient_evidence"},{"criteria":{"membership.voluntary":["insufficient_evidence",["membership.voluntary"]],"membership.open":["insufficient_evidence",["membership.open"]],"foundation.voluntary_participation":"not_applicable"},"id":"voluntary_cooperation","status":"insufficient_evidence"},{"criteria":{"democratic.member_vote":["insufficient_evidence",["governance.stakeholder_bodies","governance.voting_rule"]],"democratic.no_dominant_member":["insufficient_evidence",["governance.max_member_vote_share"]],"democratic.investors_minority":["insufficient_evidence",["governance.investor_vote_share"]],"democratic.colleges_balanced":"not_applicable","foundation.stakeholder_voice":"not_applicable","democratic.general_assembly":["insufficient_evidence",["governance.general_assemblies_per_year"]],"democratic.accounts_approved":["insufficient_evidence",["reporting.accounts_filed"]]},"id":"democratic_governance","status":"insufficient_evidence"},{"criteria":{"autonomy.no_public_body_control":["insufficient_evidence",["control.public_body_share"]],"autonomy.no_for_profit_control":["insufficient_evidence",["control.for_profit_share"]],"autonomy.no_founder_control":["insufficient_evidence",["control.founder_family_share"]],"autonomy.board_not_appointed_from_outside":["insufficient_evidence",["control.external_board_appointment"]],"autonomy.no_political_or_religious_control":["insufficient_evidence",["control.political_or_religious_control"]],"autonomy.own_governing_body":["insufficient_evidence",["governance.own_governing_body"]],"autonomy.not_labour_intermediation":["insufficient_evidence",["activities.labour_intermediation"]]},"id":"autonomy","status":"insufficient_evidence"},{"criteria":{"primacy.profit_distribution_limited":["insufficient_evidence",["profits.distributable","profits.dividends"]],"primacy.indivisible_reserves":["insufficient_evidence",["profits.distributable","profits.reserves_indivisible"]],"primacy.asset_lock":["insufficient_evidence",["assets.asset_lock","assets.dissolution_to"]],"primacy.return_on_capital_limited":["insufficient_evidence",["capital.return_capped","profits.distributable","profits.shares_listed"]],"primacy.no_venture_terms":["insufficient_evidence",["capital.venture_terms"]],"primacy.pay_equity":["insufficient_evidence",["pay.lowest_fte","pay.minimum_wage_annual","pay.top"]]},"id":"primacy_of_people","status":"insufficient_evidence"}],"red_flags":[],"unchecked_flags":{"capital_voting":["governance.stakeholder_bodies","governance.voting_rule"],"no_asset_lock":["assets.asset_lock","assets.asset_lock_removable_by_simple_majority","assets.dissolution_to"],"dividends_over_half":["profits.dividends"],"venture_terms":["capital.venture_terms"],"founder_control":["control.founder_family_share"],"for_profit_parent_control":["control.for_profit_share"],"public_body_control":["control.public_body_share"],"pay_ratio_excess":["pay.lowest_fte","pay.minimum_wage_annual","pay.top"],"volunteers_replacing_staff":["workforce.paid_workers","workforce.volunteers"],"labour_intermediation":["activities.labour_intermediation"],"shell_subsidiary":["governance.own_governing_body"],"listed_or_uncapped_return":["capital.return_capped","profits.distributable","profits.shares_listed"],"no_general_assembly_or_accounts":["governance.general_assemblies_per_year","reporting.accounts_filed","reporting.social_report"],"closed_membership":["membership.open"]},"verdict":"insufficient_evidence","version":"1.0.0"}');
INSERT INTO ecosol_v15.assessments VALUES ('asm-066185d98bf58b9c6d126e', 'v15-30-r007639', 'un-ilo', '1.0.0', 1, 'insufficient_evidence', '2026-11-30T22:22:48Z', 'cli:uid-0', 0, '{"framework":"un-ilo","options":[],"principles":[{"criteria":{"purpose.collective_or_general_interest":["insufficient_evidence",["purpose.social"]]},"id":"general_interest","status":"insufficient_evidence"},{"criteria":{"membership.voluntary":["insufficient_evidence",["membership.voluntary"]],"membership.open":["insufficient_evidence",["membership.open"]],"foundation.voluntary_participation":["insufficient_evidence",["governance.stakeholder_bodies","workforce.volunteers"]]},"id":"voluntary_cooperation","status":"insufficient_evidence"},{"criteria":{"democratic.member_vote":["insufficient_evidence",["governance.stakeholder_bodies","governance.voting_rule"]],"democratic.no_dominant_member":["insufficient_evidence",["governance.max_member_vote_share"]],"democratic.investors_minority":["insufficient_evidence",["governance.investor_vote_share"]],"democratic.colleges_balanced":"not_applicable","foundation.stakeholder_voice":["insufficient_evidence",["governance.stakeholder_bodies"]],"democratic.general_assembly":["insufficient_evidence",["governance.general_assemblies_per_year"]],"democratic.accounts_approved":["insufficient_evidence",["reporting.accounts_filed"]]},"id":"democratic_governance","status":"insufficient_evidence"},{"criteria":{"autonomy.no_public_body_control":["insufficient_evidence",["control.public_body_share"]],"autonomy.no_for_profit_control":["insufficient_evidence",["control.for_profit_share"]],"autonomy.no_founder_control":["insufficient_evidence",["control.founder_family_share"]],"autonomy.board_not_appointed_from_outside":["insufficient_evidence",["control.external_board_appointment"]],"autonomy.no_political_or_religious_control":["insufficient_evidence",["control.political_or_religious_control"]],"autonomy.own_governing_body":["insufficient_evidence",["governance.own_governing_body"]],"autonomy.not_labour_intermediation":["insufficient_evidence",["activities.labour_intermediation"]]},"id":"autonomy","status":"insufficient_evidence"},{"criteria":{"primacy.profit_distribution_limited":["insufficient_evidence",["profits.distributable","profits.dividends"]],"primacy.indivisible_reserves":["insufficient_evidence",["profits.distributable","profits.reserves_indivisible"]],"primacy.asset_lock":["insufficient_evidence",["assets.asset_lock","assets.dissolution_to"]],"primacy.return_on_capital_limited":["insufficient_evidence",["capital.return_capped","profits.distributable","profits.shares_listed"]],"primacy.no_venture_terms":["insufficient_evidence",["capital.venture_terms"]],"primacy.pay_equity":["insufficient_evidence",["pay.lowest_fte","pay.minimum_wage_annual","pay.top"]]},"id":"primacy_of_people","status":"insufficient_evidence"}],"red_flags":[],"unchecked_flags":{"capital_voting":["governance.stakeholder_bodies","governance.voting_rule"],"no_asset_lock":["assets.asset_lock","assets.asset_lock_removable_by_simple_majority","assets.dissolution_to","legal_form"],"dividends_over_half":["profits.dividends"],"venture_terms":["capital.venture_terms","legal_form"],"founder_control":["control.founder_family_share"],"for_profit_parent_control":["control.for_profit_share"],"public_body_control":["control.public_body_share"],"pay_ratio_excess":["pay.lowest_fte","pay.minimum_wage_annual","pay.top"],"volunteers_replacing_staff":["legal_form","workforce.paid_workers","workforce.volunteers"],"labour_intermediation":["activities.labour_intermediation","legal_form"],"shell_subsidiary":["governance.own_governing_body"],"listed_or_uncapped_return":["capital.return_capped","legal_form","profits.distributable","profits.shares_listed"],"no_general_assembly_or_accounts":["governance.general_assemblies_per_year","legal_form","reporting.accounts_filed","reporting.social_report"],"closed_membership":["legal_form","membership.open"]},"verdict":"insufficient_evidence","version":"1.0.0"}');
INSERT INTO ecosol_v15.assessments VALUES ('asm-066185d98bf5d8f83f1533', 'v15-30-r007641', 'un-ilo', '1.0.0', 1, 'insufficient_evidence', '2026-11-30T22:22:48Z', 'cli:uid-0', 0, '{"framework":"un-ilo","options":[],"principles":[{"criteria":{"purpose.collective_or_general_interest":["insufficient_evidence",["purpose.social"]]},"id":"general_interest","status":"insufficient_evidence"},{"criteria":{"membership.voluntary":["insufficient_evidence",["membership.voluntary"]],"membership.open":["insufficient_evidence",["membership.open"]],"foundation.voluntary_participation":"not_applicable"},"id":"voluntary_cooperation","status":"insufficient_evidence"},{"criteria":{"democratic.member_vote":["insufficient_evidence",["governance.stakeholder_bodies","governance.voting_rule"]],"democratic.no_dominant_member":["insufficient_evidence",["governance.max_member_vote_share"]],"democratic.investors_minority":["insufficient_evidence",["governance.investor_vote_share"]],"democratic.colleges_balanced":"not_applicable","foundation.stakeholder_voice":"not_applicable","democratic.general_assembly":["insufficient_evidence",["governance.general_assemblies_per_year"]],"democratic.accounts_approved":["insufficient_evidence",["reporting.accounts_filed"]]},"id":"democratic_governance","status":"insufficient_evidence"},{"criteria":{"autonomy.no_public_body_control":["insufficient_evidence",["control.public_body_share"]],"autonomy.no_for_profit_control":["insufficient_evidence",["control.for_profit_share"]],"autonomy.no_founder_control":["insufficient_evidence",["control.founder_family_share"]],"autonomy.board_not_appointed_from_outside":["insufficient_evidence",["control.external_board_appointment"]],"autonomy.no_political_or_religious_control":["insufficient_evidence",["control.political_or_religious_control"]],"autonomy.own_governing_body":["insufficient_evidence",["governance.own_governing_body"]],"autonomy.not_labour_intermediation":["insufficient_evidence",["activities.labour_intermediation"]]},"id":"autonomy","status":"insufficient_evidence"},{"criteria":{"primacy.profit_distribution_limited":["insufficient_evidence",["profits.distributable","profits.dividends"]],"primacy.indivisible_reserves":["insufficient_evidence",["profits.distributable","profits.reserves_indivisible"]],"primacy.asset_lock":["insufficient_evidence",["assets.asset_lock","assets.dissolution_to"]],"primacy.return_on_capital_limited":["insufficient_evidence",["capital.return_capped","profits.distributable","profits.shares_listed"]],"primacy.no_venture_terms":["insufficient_evidence",["capital.venture_terms"]],"primacy.pay_equity":["insufficient_evidence",["pay.lowest_fte","pay.minimum_wage_annual","pay.top"]]},"id":"primacy_of_people","status":"insufficient_evidence"}],"red_flags":[],"unchecked_flags":{"capital_voting":["governance.stakeholder_bodies","governance.voting_rule"],"no_asset_lock":["assets.asset_lock","assets.asset_lock_removable_by_simple_majority","assets.dissolution_to"],"dividends_over_half":["profits.dividends"],"venture_terms":["capital.venture_terms"],"founder_control":["control.founder_family_share"],"for_profit_parent_control":["control.for_profit_share"],"public_body_control":["control.public_body_share"],"pay_ratio_excess":["pay.lowest_fte","pay.minimum_wage_annual","pay.top"],"volunteers_replacing_staff":["workforce.paid_workers","workforce.volunteers"],"labour_intermediation":["activities.labour_intermediation"],"shell_subsidiary":["governance.own_governing_body"],"listed_or_uncapped_return":["capital.return_capped","profits.distributable","profits.shares_listed"],"no_general_assembly_or_accounts":["governance.general_assemblies_per_year","reporting.accounts_filed","reporting.social_report"],"closed_membership":["membership.open"]},"verdict":"insufficient_evidence","version":"1.0.0"}');
INSERT INTO ecosol_v15.assessments VALUES ('asm-066185d98bf62fe1806fd1', 'v15-30-r007642', 'un-ilo', '1.0.0', 1, 'insufficient_evidence', '2026-11-30T22:22:48Z', 'cli:uid-0', 0, '{"framework":"un-ilo","options":[],"principles":[{"criteria":{"purpose.collective_or_general_interest":["insufficient_evidence",["purpose.social"]]},"id":"general_interest","status":"insufficient_evidence"},{"criteria":{"membership.voluntary":["insufficient_evidence",["membership.voluntary"]],"membership.open":["insufficient_evidence",["membership.open"]],"foundation.voluntary_participation":["insufficient_evidence",["governance.stakeholder_bodies","workforce.volunteers"]]},"id":"voluntary_cooperation","status":"insufficient_evidence"},{"criteria":{"democratic.member_vote":["insufficient_evidence",["governance.stakeholder_bodies","governance.voting_rule"]],"democratic.no_dominant_member":["insufficient_evidence",["governance.max_member_vote_share"]],"democratic.investors_minority":["insufficient_evidence",["governance.investor_vote_share"]],"democratic.colleges_balanced":"not_applicable","foundation.stakeholder_voice":["insufficient_evidence",["governance.stakeholder_bodies"]],"democratic.general_assembly":["insufficient_evidence",["governance.general_assemblies_per_year"]],"democratic.accounts_approved":["insufficient_evidence",["reporting.accounts_filed"]]},"id":"democratic_governance","status":"insufficient_evidence"},{"criteria":{"autonomy.no_public_body_control":["insufficient_evidence",["control.public_body_share"]],"autonomy.no_for_profit_control":["insufficient_evidence",["control.for_profit_share"]],"autonomy.no_founder_control":["insufficient_evidence",["control.founder_family_share"]],"autonomy.board_not_appointed_from_outside":["insufficient_evidence",["control.external_board_appointment"]],"autonomy.no_political_or_religious_control":["insufficient_evidence",["control.political_or_religious_control"]],"autonomy.own_governing_body":["insufficient_evidence",["governance.own_governing_body"]],"autonomy.not_labour_intermediation":["insufficient_evidence",["activities.labour_intermediation"]]},"id":"autonomy","status":"insufficient_evidence"},{"criteria":{"primacy.profit_distribution_limited":["insufficient_evidence",["profits.distributable","profits.dividends"]],"primacy.indivisible_reserves":["insufficient_evidence",["profits.distributable","profits.reserves_indivisible"]],"primacy.asset_lock":["insufficient_evidence",["assets.asset_lock","assets.dissolution_to"]],"primacy.return_on_capital_limited":["insufficient_evidence",["capital.return_capped","profits.distributable","profits.shares_listed"]],"primacy.no_venture_terms":["insufficient_evidence",["capital.venture_terms"]],"primacy.pay_equity":["insufficient_evidence",["pay.lowest_fte","pay.minimum_wage_annual","pay.top"]]},"id":"primacy_of_people","status":"insufficient_evidence"}],"red_flags":[],"unchecked_flags":{"capital_voting":["governance.stakeholder_bodies","governance.voting_rule"],"no_asset_lock":["assets.asset_lock","assets.asset_lock_removable_by_simple_majority","assets.dissolution_to","legal_form"],"dividends_over_half":["profits.dividends"],"venture_terms":["capital.venture_terms","legal_form"],"founder_control":["control.founder_family_share"],"for_profit_parent_control":["control.for_profit_share"],"public_body_control":["control.public_body_share"],"pay_ratio_excess":["pay.lowest_fte","pay.minimum_wage_annual","pay.top"],"volunteers_replacing_staff":["legal_form","workforce.paid_workers","workforce.volunteers"],"labour_intermediation":["activities.labour_intermediation","legal_form"],"shell_subsidiary":["governance.own_governing_body"],"listed_or_uncapped_return":["capital.return_capped","legal_form","profits.distributable","profits.shares_listed"],"no_general_assembly_or_accounts":["governance.general_assemblies_per_year","legal_form","reporting.accounts_filed","reporting.social_report"],"closed_membership":["legal_form","membership.open"]},"verdict":"insufficient_evidence","version":"1.0.0"}');
INSERT INTO ecosol_v15.assessments VALUES ('asm-066185d98bf67882113176', 'v15-30-r007651', 'un-ilo', '1.0.0', 1, 'insufficient_evidence', '2026-11-30T22:22:48Z', 'cli:uid-0', 0, '{"framework":"un-ilo","options":[],"principles":[{"criteria":{"purpose.collective_or_general_interest":["insufficient_evidence",["purpose.social"]]},"id":"general_interest","status":"insufficient_evidence"},{"criteria":{"membership.voluntary":["insufficient_evidence",["membership.voluntary"]],"membership.open":["insufficient_evidence",["membership.open"]],"foundation.voluntary_participation":"not_applicable"},"id":"voluntary_cooperation","status":"insufficient_evidence"},{"criteria":{"democratic.member_vote":["insufficient_evidence",["governance.stakeholder_bodies","governance.voting_rule"]],"democratic.no_dominant_member":["insufficient_evidence",["governance.max_member_vote_share"]],"democratic.investors_minority":["insufficient_evidence",["governance.investor_vote_share"]],"democratic.colleges_balanced":"not_applicable","foundation.stakeholder_voice":"not_applicable","democratic.general_assembly":["insufficient_evidence",["governance.general_assemblies_per_year"]],"democratic.accounts_approved":["insufficient_evidence",["reporting.accounts_filed"]]},"id":"democratic_governance","status":"insufficient_evidence"},{"criteria":{"autonomy.no_public_body_control":["insufficient_evidence",["control.public_body_share"]],"autonomy.no_for_profit_control":["insufficient_evidence",["control.for_profit_share"]],"autonomy.no_founder_control":["insufficient_evidence",["control.founder_family_share"]],"autonomy.board_not_appointed_from_outside":["insufficient_evidence",["control.external_board_appointment"]],"autonomy.no_political_or_religious_control":["insufficient_evidence",["control.political_or_religious_control"]],"autonomy.own_governing_body":["insufficient_evidence",["governance.own_governing_body"]],"autonomy.not_labour_intermediation":["insufficient_evidence",["activities.labour_intermediation"]]},"id":"autonomy","status":"insufficient_evidence"},{"criteria":{"primacy.profit_distribution_limited":["insufficient_evidence",["profits.distributable","profits.dividends"]],"primacy.indivisible_reserves":["insufficient_evidence",["profits.distributable","profits.reserves_indivisible"]],"primacy.asset_lock":["insufficient_evidence",["assets.asset_lock","assets.dissolution_to"]],"primacy.return_on_capital_limited":["insufficient_evidence",["capital.return_capped","profits.distributable","profits.shares_listed"]],"primacy.no_venture_terms":["insufficient_evidence",["capital.venture_terms"]],"primacy.pay_equity":["insufficient_evidence",["pay.lowest_fte","pay.minimum_wage_annual","pay.top"]]},"id":"primacy_of_people","status":"insufficient_evidence"}],"red_flags":[],"unchecked_flags":{"capital_voting":["governance.stakeholder_bodies","governance.voting_rule"],"no_asset_lock":["assets.asset_lock","assets.asset_lock_removable_by_simple_majority","assets.dissolution_to"],"dividends_over_half":["profits.dividends"],"venture_terms":["capital.venture_terms"],"founder_control":["control.founder_family_share"],"for_profit_parent_control":["control.for_profit_share"],"public_body_control":["control.public_body_share"],"pay_ratio_excess":["pay.lowest_fte","pay.minimum_wage_annual","pay.top"],"volunteers_replacing_staff":["workforce.paid_workers","workforce.volunteers"],"labour_intermediation":["activities.labour_intermediation"],"shell_subsidiary":["governance.own_governing_body"],"listed_or_uncapped_return":["capital.return_capped","profits.distributable","profits.shares_listed"],"no_general_assembly_or_accounts":["governance.general_assemblies_per_year","reporting.accounts_filed","reporting.social_report"],"closed_membership":["membership.open"]},"verdict":"insufficient_evidence","version":"1.0.0"}');
INSERT INTO ecosol_v15.assessments VALUES ('asm-066185d98bf6c9e78eb64e', 'v15-30-r007653', 'un-ilo', '1.0.0', 1, 'insufficient_evidence', '2026-11-30T22:22:48Z', 'cli:uid-0', 0, '{"framework":"un-ilo","options":[],"principles":[{"criteria":{"purpose.collective_or_general_interest":["insufficient_evidence",["purpose.social"]]},"id":"general_interest","status":"insufficient_evidence"},{"criteria":{"membership.voluntary":["insufficient_evidence",["membership.voluntary"]],"membership.open":["insufficient_evidence",["membership.open"]],"foundation.voluntary_participation":["insufficient_evidence",["governance.stakeholder_bodies","workforce.volunteers"]]},"id":"voluntary_cooperation","status":"insufficient_evidence"},{"criteria":{"democratic.member_vote":["insufficient_evidence",["governance.stakeholder_bodies","governance.voting_rule"]],"democratic.no_dominant_member":["insufficient_evidence",["governance.max_member_vote_share"]],"democratic.investors_minority":["insufficient_evidence",["governance.investor_vote_share"]],"democratic.colleges_balanced":"not_applicable","foundation.stakeholder_voice":["insufficient_evidence",["governance.stakeholder_bodies"]],"democratic.general_assembly":["insufficient_evidence",["governance.general_assemblies_per_year"]],"democratic.accounts_approved":["insufficient_evidence",["reporting.accounts_filed"]]},"id":"democratic_governance","status":"insufficient_evidence"},{"criteria":{"autonomy.no_public_body_control":["insufficient_evidence",["control.public_body_share"]],"autonomy.no_for_profit_control":["insufficient_evidence",["control.for_profit_share"]],"autonomy.no_founder_control":["insufficient_evidence",["control.founder_family_share"]],"autonomy.board_not_appointed_from_outside":["insufficient_evidence",["control.external_board_appointment"]],"autonomy.no_political_or_religious_control":["insufficient_evidence",["control.political_or_religious_control"]],"autonomy.own_governing_body":["insufficient_evidence",["governance.own_governing_body"]],"autonomy.not_labour_intermediation":["insufficient_evidence",["activities.labour_intermediation"]]},"id":"autonomy","status":"insufficient_evidence"},{"criteria":{"primacy.profit_distribution_limited":["insufficient_evidence",["profits.distributable","profits.dividends"]],"primacy.indivisible_reserves":["insufficient_evidence",["profits.distributable","profits.reserves_indivisible"]],"primacy.asset_lock":["insufficient_evidence",["assets.asset_lock","assets.dissolution_to"]],"primacy.return_on_capital_limited":["insufficient_evidence",["capital.return_capped","profits.distributable","profits.shares_listed"]],"primacy.no_venture_terms":["insufficient_evidence",["capital.venture_terms"]],"primacy.pay_equity":["insufficient_evidence",["pay.lowest_fte","pay.minimum_wage_annual","pay.top"]]},"id":"primacy_of_people","status":"insufficient_evidence"}],"red_flags":[],"unchecked_flags":{"capital_voting":["governance.stakeholder_bodies","governance.voting_rule"],"no_asset_lock":["assets.asset_lock","assets.asset_lock_removable_by_simple_majority","assets.dissolution_to","legal_form"],"dividends_over_half":["profits.dividends"],"venture_terms":["capital.venture_terms","legal_form"],"founder_control":["control.founder_family_share"],"for_profit_parent_control":["control.for_profit_share"],"public_body_control":["control.public_body_share"],"pay_ratio_excess":["pay.lowest_fte","pay.minimum_wage_annual","pay.top"],"volunteers_replacing_staff":["legal_form","workforce.paid_workers","workforce.volunteers"],"labour_intermediation":["activities.labour_intermediation","legal_form"],"shell_subsidiary":["governance.own_governing_body"],"listed_or_uncapped_return":["capital.return_capped","legal_form","profits.distributable","profits.shares_listed"],"no_general_assembly_or_accounts":["governance.general_assemblies_per_year","legal_form","reporting.accounts_filed","reporting.social_report"],"closed_membership":["legal_form","membership.open"]},"verdict":"insufficient_evidence","version":"1.0.0"}');
INSERT INTO ecosol_v15.assessments VALUES ('asm-066185d98bf718d2d21017', 'v15-30-r007804', 'un-ilo', '1.0.0', 1, 'insufficient_evidence', '2026-11-30T22:22:48Z', 'cli:uid-0', 0, '{"framework":"un-ilo","options":[],"principles":[{"criteria":{"purpose.collective_or_general_interest":["insufficient_evidence",["purpose.social"]]},"id":"general_interest","status":"insufficient_evidence"},{"criteria":{"membership.voluntary":["insufficient_evidence",["membership.voluntary"]],"membership.open":["insufficient_evidence",["membership.open"]],"foundation.voluntary_participation":["insufficient_evidence",["governance.stakeholder_bodies","workforce.volunteers"]]},"id":"voluntary_cooperation","status":"insufficient_evidence"},{"criteria":{"democratic.member_vote":["insufficient_evidence",["governance.stakeholder_bodies","governance.voting_rule"]],"democratic.no_dominant_member":["insufficient_evidence",["governance.max_member_vote_share"]],"democratic.investors_minority":["insufficient_evidence",["governance.investor_vote_share"]],"democratic.colleges_balanced":"not_applicable","foundation.stakeholder_voice":["insufficient_evidence",["governance.stakeholder_bodies"]],"democratic.general_assembly":["insufficient_evidence",["governance.general_assemblies_per_year"]],"democratic.accounts_approved":["insufficient_evidence",["reporting.accounts_filed"]]},"id":"democratic_governance","status":"insufficient_evidence"},{"criteria":{"autonomy.no_public_body_control":["insufficient_evidence",["control.public_body_share"]],"autonomy.no_for_profit_control":["insufficient_evidence",["control.for_profit_share"]],"autonomy.no_founder_control":["insufficient_evidence",["control.founder_family_share"]],"autonomy.board_not_appointed_from_outside":["insufficient_evidence",["control.external_board_appointment"]],"autonomy.no_political_or_religious_control":["insufficient_evidence",["control.political_or_religious_control"]],"autonomy.own_governing_body":["insufficient_evidence",["governance.own_governing_body"]],"autonomy.not_labour_intermediation":["insufficient_evidence",["activities.labour_intermediation"]]},"id":"autonomy","status":"insufficient_evidence"},{"criteria":{"primacy.profit_distribution_limited":["insufficient_evidence",["profits.distributable","profits.dividends"]],"primacy.indivisible_reserves":["insufficient_evidence",["profits.distributable","profits.reserves_indivisible"]],"primacy.asset_lock":["insufficient_evidence",["assets.asset_lock","assets.dissolution_to"]],"primacy.return_on_capital_limited":["insufficient_evidence",["capital.return_capped","profits.distributable","profits.shares_listed"]],"primacy.no_venture_terms":["insufficient_evidence",["capital.venture_terms"]],"primacy.pay_equity":["insufficient_evidence",["pay.lowest_fte","pay.minimum_wage_annual","pay.top"]]},"id":"primacy_of_people","status":"insufficient_evidence"}],"red_flags":[],"unchecked_flags":{"capital_voting":["governance.stakeholder_bodies","governance.voting_rule"],"no_asset_lock":["assets.asset_lock","assets.asset_lock_removable_by_simple_majority","assets.dissolution_to","legal_form"],"dividends_over_half":["profits.dividends"],"venture_terms":["capital.venture_terms","legal_form"],"founder_control":["control.founder_family_share"],"for_profit_parent_control":["control.for_profit_share"],"public_body_control":["control.public_body_share"],"pay_ratio_excess":["pay.lowest_fte","pay.minimum_wage_annual","pay.top"],"volunteers_replacing_staff":["legal_form","workforce.paid_workers","workforce.volunteers"],"labour_intermediation":["activities.labour_intermediation","legal_form"],"shell_subsidiary":["governance.own_governing_body"],"listed_or_uncapped_return":["capital.return_capped","legal_form","profits.distributable","profits.shares_listed"],"no_general_assembly_or_accounts":["governance.general_assemblies_per_year","legal_form","reporting.accounts_filed","reporting.social_report"],"closed_membership":["legal_form","membership.open"]},"verdict":"insufficient_evidence","version":"1.0.0"}');
INSERT INTO ecosol_v15.assessments VALUES ('asm-066185d98bf762b970e41f', 'v15-30-r007805', 'un-ilo', '1.0.0', 1, 'insufficient_evidence', '2026-11-30T22:22:48Z', 'cli:uid-0', 0, '{"framework":"un-ilo","options":[],"principles":[{"criteria":{"purpose.collective_or_general_interest":["insufficient_evidence",["purpose.social"]]},"id":"general_interest","status":"insufficient_evidence"},{"criteria":{"membership.voluntary":["insufficient_evidence",["membership.voluntary"]],"membership.open":["insufficient_evidence",["membership.open"]],"foundation.voluntary_participation":["insufficient_evidence",["governance.stakeholder_bodies","workforce.volunteers"]]},"id":"voluntary_cooperation","status":"insufficient_evidence"},{"criteria":{"democratic.member_vote":["insufficient_evidence",["governance.stakeholder_bodies","governance.voting_rule"]],"democratic.no_dominant_member":["insufficient_evidence",["governance.max_member_vote_share"]],"democratic.investors_minority":["insufficient_evidence",["governance.investor_vote_share"]],"democratic.colleges_balanced":"not_applicable","foundation.stakeholder_voice":["insufficient_evidence",["governance.stakeholder_bodies"]],"democratic.general_assembly":["insufficient_evidence",["governance.general_assemblies_per_year"]],"democratic.accounts_approved":["insufficient_evidence",["reporting.accounts_filed"]]},"id":"democratic_governance","status":"insufficient_evidence"},{"criteria":{"autonomy.no_public_body_control":["insufficient_evidence",["control.public_body_share"]],"autonomy.no_for_profit_control":["insufficient_evidence",["control.for_profit_share"]],"autonomy.no_founder_control":["insufficient_evidence",["control.founder_family_share"]],"autonomy.board_not_appointed_from_outside":["insufficient_evidence",["control.external_board_appointment"]],"autonomy.no_political_or_religious_control":["insufficient_evidence",["control.political_or_religious_control"]],"autonomy.own_governing_body":["insufficient_evidence",["governance.own_governing_body"]],"autonomy.not_labour_intermediation":["insufficient_evidence",["activities.labour_intermediation"]]},"id":"autonomy","status":"insufficient_evidence"},{"criteria":{"primacy.profit_distribution_limited":["insufficient_evidence",["profits.distributable","profits.dividends"]],"primacy.indivisible_reserves":["insufficient_evidence",["profits.distributable","profits.reserves_indivisible"]],"primacy.asset_lock":["insufficient_evidence",["assets.asset_lock","assets.dissolution_to"]],"primacy.return_on_capital_limited":["insufficient_evidence",["capital.return_capped","profits.distributable","profits.shares_listed"]],"primacy.no_venture_terms":["insufficient_evidence",["capital.venture_terms"]],"primacy.pay_equity":["insufficient_evidence",["pay.lowest_fte","pay.minimum_wage_annual","pay.top"]]},"id":"primacy_of_people","status":"insufficient_evidence"}],"red_flags":[],"unchecked_flags":{"capital_voting":["governance.stakeholder_bodies","governance.voting_rule"],"no_asset_lock":["assets.asset_lock","assets.asset_lock_removable_by_simple_majority","assets.dissolution_to","legal_form"],"dividends_over_half":["profits.dividends"],"venture_terms":["capital.venture_terms","legal_form"],"founder_control":["control.founder_family_share"],"for_profit_parent_control":["control.for_profit_share"],"public_body_control":["control.public_body_share"],"pay_ratio_excess":["pay.lowest_fte","pay.minimum_wage_annual","pay.top"],"volunteers_replacing_staff":["legal_form","workforce.paid_workers","workforce.volunteers"],"labour_intermediation":["activities.labour_intermediation","legal_form"],"shell_subsidiary":["governance.own_governing_body"],"listed_or_uncapped_return":["capital.return_capped","legal_form","profits.distributable","profits.shares_listed"],"no_general_assembly_or_accounts":["governance.general_assemblies_per_year","legal_form","reporting.accounts_filed","reporting.social_report"],"closed_membership":["legal_form","membership.open"]},"verdict":"insufficient_evidence","version":"1.0.0"}');
INSERT INTO ecosol_v15.assessments VALUES ('asm-066185d98bf7aae7be838e', 'v15-30-r007806', 'un-ilo', '1.0.0', 1, 'insufficient_evidence', '2026-11-30T22:22:48Z', 'cli:uid-0', 0, '{"framework":"un-ilo","options":[],"principles":[{"criteria":{"purpose.collective_or_general_interest":["insufficient_evidence",["purpose.social"]]},"id":"general_interest","status":"insufficient_evidence"},{"criteria":{"membership.voluntary":["insufficient_evidence",["membership.voluntary"]],"membership.open":["insufficient_evidence",["membership.open"]],"foundation.voluntary_participation":["insufficient_evidence",["governance.stakeholder_bodies","workforce.volunteers"]]},"id":"voluntary_cooperation","status":"insufficient_evidence"},{"criteria":{"democratic.member_vote":["insufficient_evidence",["governance.stakeholder_bodies","governance.voting_rule"]],"democratic.no_dominant_member":["insufficient_evidence",["governance.max_member_vote_share"]],"democratic.investors_minority":["insufficient_evidence",["governance.investor_vote_share"]],"democratic.colleges_balanced":"not_applicable","foundation.stakeholder_voice":["insufficient_evidence",["governance.stakeholder_bodies"]],"democratic.general_assembly":["insufficient_evidence",["governance.general_assemblies_per_year"]],"democratic.accounts_approved":["insufficient_evidence",["reporting.accounts_filed"]]},"id":"democratic_governance","status":"insufficient_evidence"},{"criteria":{"autonomy.no_public_body_control":["insufficient_evidence",["control.public_body_share"]],"autonomy.no_for_profit_control":["insufficient_evidence",["control.for_profit_share"]],"autonomy.no_founder_control":["insufficient_evidence",["control.founder_family_share"]],"autonomy.board_not_appointed_from_outside":["insufficient_evidence",["control.external_board_appointment"]],"autonomy.no_political_or_religious_control":["insufficient_evidence",["control.political_or_religious_control"]],"autonomy.own_governing_body":["insufficient_evidence",["governance.own_governing_body"]],"autonomy.not_labour_intermediation":["insufficient_evidence",["activities.labour_intermediation"]]},"id":"autonomy","status":"insufficient_evidence"},{"criteria":{"primacy.profit_distribution_limited":["insufficient_evidence",["profits.distributable","profits.dividends"]],"primacy.indivisible_reserves":["insufficient_evidence",["profits.distributable","profits.reserves_indivisible"]],"primacy.asset_lock":["insufficient_evidence",["assets.asset_lock","assets.dissolution_to"]],"primacy.return_on_capital_limited":["insufficient_evidence",["capital.return_capped","profits.distributable","profits.shares_listed"]],"primacy.no_venture_terms":["insufficient_evidence",["capital.venture_terms"]],"primacy.pay_equity":["insufficient_evidence",["pay.lowest_fte","pay.minimum_wage_annual","pay.top"]]},"id":"primacy_of_people","status":"insufficient_evidence"}],"red_flags":[],"unchecked_flags":{"capital_voting":["governance.stakeholder_bodies","governance.voting_rule"],"no_asset_lock":["assets.asset_lock","assets.asset_lock_removable_by_simple_majority","assets.dissolution_to","legal_form"],"dividends_over_half":["profits.dividends"],"venture_terms":["capital.venture_terms","legal_form"],"founder_control":["control.founder_family_share"],"for_profit_parent_control":["control.for_profit_share"],"public_body_control":["control.public_body_share"],"pay_ratio_excess":["pay.lowest_fte","pay.minimum_wage_annual","pay.top"],"volunteers_replacing_staff":["legal_form","workforce.paid_workers","workforce.volunteers"],"labour_intermediation":["activities.labour_intermediation","legal_form"],"shell_subsidiary":["governance.own_governing_body"],"listed_or_uncapped_return":["capital.return_capped","legal_form","profits.distributable","profits.shares_listed"],"no_general_assembly_or_accounts":["governance.general_assemblies_per_year","legal_form","reporting.accounts_filed","reporting.social_report"],"closed_membership":["legal_form","membership.open"]},"verdict":"insufficient_evidence","version":"1.0.0"}');
INSERT INTO ecosol_v15.assessments VALUES ('asm-066185d98bf7f536978687', 'v15-30-r007807', 'un-ilo', '1.0.0', 1, 'insufficient_evidence', '2026-11-30T22:22:48Z', 'cli:uid-0', 0, '{"framework":"un-ilo","options":[],"principles":[{"criteria":{"purpose.collective_or_general_interest":["insufficient_evidence",["purpose.social"]]},"id":"general_interest","status":"insufficient_evidence"},{"criteria":{"membership.voluntary":["insufficient_evidence",["membership.voluntary"]],"membership.open":["insufficient_evidence",["membership.open"]],"foundation.voluntary_participation":["insufficient_evidence",["governance.stakeholder_bodies","workforce.volunteers"]]},"id":"voluntary_cooperation","status":"insufficient_evidence"},{"criteria":{"democratic.member_vote":["insufficient_evidence",["governance.stakeholder_bodies","governance.voting_rule"]],"democratic.no_dominant_member":["insufficient_evidence",["governance.max_member_vote_share"]],"democratic.investors_minority":["insufficient_evidence",["governance.investor_vote_share"]],"democratic.colleges_balanced":"not_applicable","foundation.stakeholder_voice":["insufficient_evidence",["governance.stakeholder_bodies"]],"democratic.general_assembly":["insufficient_evidence",["governance.general_assemblies_per_year"]],"democratic.accounts_approved":["insufficient_evidence",["reporting.accounts_filed"]]},"id":"democratic_governance","status":"insufficient_evidence"},{"criteria":{"autonomy.no_public_body_control":["insufficient_evidence",["control.public_body_share"]],"autonomy.no_for_profit_control":["insufficient_evidence",["control.for_profit_share"]],"autonomy.no_founder_control":["insufficient_evidence",["control.founder_family_share"]],"autonomy.board_not_appointed_from_outside":["insufficient_evidence",["control.external_board_appointment"]],"autonomy.no_political_or_religious_control":["insufficient_evidence",["control.political_or_religious_control"]],"autonomy.own_governing_body":["insufficient_evidence",["governance.own_governing_body"]],"autonomy.not_labour_intermediation":["insufficient_evidence",["activities.labour_intermediation"]]},"id":"autonomy","status":"insufficient_evidence"},{"criteria":{"primacy.profit_distribution_limited":["insufficient_evidence",["profits.distributable","profits.dividends"]],"primacy.indivisible_reserves":["insufficient_evidence",["profits.distributable","profits.reserves_indivisible"]],"primacy.asset_lock":["insufficient_evidence",["assets.asset_lock","assets.dissolution_to"]],"primacy.return_on_capital_limited":["insufficient_evidence",["capital.return_capped","profits.distributable","profits.shares_listed"]],"primacy.no_venture_terms":["insufficient_evidence",["capital.venture_terms"]],"primacy.pay_equity":["insufficient_evidence",["pay.lowest_fte","pay.minimum_wage_annual","pay.top"]]},"id":"primacy_of_people","status":"insufficient_evidence"}],"red_flags":[],"unchecked_flags":{"capital_voting":["governance.stakeholder_bodies","governance.voting_rule"],"no_asset_lock":["assets.asset_lock","assets.asset_lock_removable_by_simple_majority","assets.dissolution_to","legal_form"],"dividends_over_half":["profits.dividends"],"venture_terms":["capital.venture_terms","legal_form"],"founder_control":["control.founder_family_share"],"for_profit_parent_control":["control.for_profit_share"],"public_body_control":["control.public_body_share"],"pay_ratio_excess":["pay.lowest_fte","pay.minimum_wage_annual","pay.top"],"volunteers_replacing_staff":["legal_form","workforce.paid_workers","workforce.volunteers"],"labour_intermediation":["activities.labour_intermediation","legal_form"],"shell_subsidiary":["governance.own_governing_body"],"listed_or_uncapped_return":["capital.return_capped","legal_form","profits.distributable","profits.shares_listed"],"no_general_assembly_or_accounts":["governance.general_assemblies_per_year","legal_form","reporting.accounts_filed","reporting.social_report"],"closed_membership":["legal_form","membership.open"]},"verdict":"insufficient_evidence","version":"1.0.0"}');
INSERT INTO ecosol_v15.assessments VALUES ('asm-066185d98bf421984065d1', 'v15-30-r007808', 'un-ilo', '1.0.0', 1, 'insufficient_evidence', '2026-11-30T22:22:48Z', 'cli:uid-0', 0, '{"framework":"un-ilo","options":[],"principles":[{"criteria":{"purpose.collective_or_general_interest":["insufficient_evidence",["purpose.social"]]},"id":"general_interest","status":"insufficient_evidence"},{"criteria":{"membership.voluntary":["insufficient_evidence",["membership.voluntary"]],"membership.open":["insufficient_evidence",["membership.open"]],"foundation.voluntary_participation":["insufficient_evidence",["governance.stakeholder_bodies","workforce.volunteers"]]},"id":"voluntary_cooperation","status":"insufficient_evidence"},{"criteria":{"democratic.member_vote":["insufficient_evidence",["governance.stakeholder_bodies","governance.voting_rule"]],"democratic.no_dominant_member":["insufficient_evidence",["governance.max_member_vote_share"]],"democratic.investors_minority":["insufficient_evidence",["governance.investor_vote_share"]],"democratic.colleges_balanced":"not_applicable","foundation.stakeholder_voice":["insufficient_evidence",["governance.stakeholder_bodies"]],"democratic.general_assembly":["insufficient_evidence",["governance.general_assemblies_per_year"]],"democratic.accounts_approved":["insufficient_evidence",["reporting.accounts_filed"]]},"id":"democratic_governance","status":"insufficient_evidence"},{"criteria":{"autonomy.no_public_body_control":["insufficient_evidence",["control.public_body_share"]],"autonomy.no_for_profit_control":["insufficient_evidence",["control.for_profit_share"]],"autonomy.no_founder_control":["insufficient_evidence",["control.founder_family_share"]],"autonomy.board_not_appointed_from_outside":["insufficient_evidence",["control.external_board_appointment"]],"autonomy.no_political_or_religious_control":["insufficient_evidence",["control.political_or_religious_control"]],"autonomy.own_governing_body":["insufficient_evidence",["governance.own_governing_body"]],"autonomy.not_labour_intermediation":["insufficient_evidence",["activities.labour_intermediation"]]},"id":"autonomy","status":"insufficient_evidence"},{"criteria":{"primacy.profit_distribution_limited":["insufficient_evidence",["profits.distributable","profits.dividends"]],"primacy.indivisible_reserves":["insufficient_evidence",["profits.distributable","profits.reserves_indivisible"]],"primacy.asset_lock":["insufficient_evidence",["assets.asset_lock","assets.dissolution_to"]],"primacy.return_on_capital_limited":["insufficient_evidence",["capital.return_capped","profits.distributable","profits.shares_listed"]],"primacy.no_venture_terms":["insufficient_evidence",["capital.venture_terms"]],"primacy.pay_equity":["insufficient_evidence",["pay.lowest_fte","pay.minimum_wage_annual","pay.top"]]},"id":"primacy_of_people","status":"insufficient_evidence"}],"red_flags":[],"unchecked_flags":{"capital_voting":["governance.stakeholder_bodies","governance.voting_rule"],"no_asset_lock":["assets.asset_lock","assets.asset_lock_removable_by_simple_majority","assets.dissolution_to","legal_form"],"dividends_over_half":["profits.dividends"],"venture_terms":["capital.venture_terms","legal_form"],"founder_control":["control.founder_family_share"],"for_profit_parent_control":["control.for_profit_share"],"public_body_control":["control.public_body_share"],"pay_ratio_excess":["pay.lowest_fte","pay.minimum_wage_annual","pay.top"],"volunteers_replacing_staff":["legal_form","workforce.paid_workers","workforce.volunteers"],"labour_intermediation":["activities.labour_intermediation","legal_form"],"shell_subsidiary":["governance.own_governing_body"],"listed_or_uncapped_return":["capital.return_capped","legal_form","profits.distributable","profits.shares_listed"],"no_general_assembly_or_accounts":["governance.general_assemblies_per_year","legal_form","reporting.accounts_filed","reporting.social_report"],"closed_membership":["legal_form","membership.open"]},"verdict":"insufficient_evidence","version":"1.0.0"}');
INSERT INTO ecosol_v15.assessments VALUES ('asm-066185d98bf4a74a95233d', 'v15-30-r007818', 'un-ilo', '1.0.0', 1, 'insufficient_evidence', '2026-11-30T22:22:48Z', 'cli:uid-0', 0, '{"framework":"un-ilo","options":[],"principles":[{"criteria":{"purpose.collective_or_general_interest":["insufficient_evidence",["purpose.social"]]},"id":"general_interest","status":"insufficient_evidence"},{"criteria":{"membership.voluntary":["insufficient_evidence",["membership.voluntary"]],"membership.open":["insufficient_evidence",["membership.open"]],"foundation.voluntary_participation":["insufficient_evidence",["governance.stakeholder_bodies","workforce.volunteers"]]},"id":"voluntary_cooperation","status":"insufficient_evidence"},{"criteria":{"democratic.member_vote":["insufficient_evidence",["governance.stakeholder_bodies","governance.voting_rule"]],"democratic.no_dominant_member":["insufficient_evidence",["governance.max_member_vote_share"]],"democratic.investors_minority":["insufficient_evidence",["governance.investor_vote_share"]],"democratic.colleges_balanced":"not_applicable","foundation.stakeholder_voice":["insufficient_evidence",["governance.stakeholder_bodies"]],"democratic.general_assembly":["insufficient_evidence",["governance.general_assemblies_per_year"]],"democratic.accounts_approved":["insufficient_evidence",["reporting.accounts_filed"]]},"id":"democratic_governance","status":"insufficient_evidence"},{"criteria":{"autonomy.no_public_body_control":["insufficient_evidence",["control.public_body_share"]],"autonomy.no_for_profit_control":["insufficient_evidence",["control.for_profit_share"]],"autonomy.no_founder_control":["insufficient_evidence",["control.founder_family_share"]],"autonomy.board_not_appointed_from_outside":["insufficient_evidence",["control.external_board_appointment"]],"autonomy.no_political_or_religious_control":["insufficient_evidence",["control.political_or_religious_control"]],"autonomy.own_governing_body":["insufficient_evidence",["governance.own_governing_body"]],"autonomy.not_labour_intermediation":["insufficient_evidence",["activities.labour_intermediation"]]},"id":"autonomy","status":"insufficient_evidence"},{"criteria":{"primacy.profit_distribution_limited":["insufficient_evidence",["profits.distributable","profits.dividends"]],"primacy.indivisible_reserves":["insufficient_evidence",["profits.distributable","profits.reserves_indivisible"]],"primacy.asset_lock":["insufficient_evidence",["assets.asset_lock","assets.dissolution_to"]],"primacy.return_on_capital_limited":["insufficient_evidence",["capital.return_capped","profits.distributable","profits.shares_listed"]],"primacy.no_venture_terms":["insufficient_evidence",["capital.venture_terms"]],"primacy.pay_equity":["insufficient_evidence",["pay.lowest_fte","pay.minimum_wage_annual","pay.top"]]},"id":"primacy_of_people","status":"insufficient_evidence"}],"red_flags":[],"unchecked_flags":{"capital_voting":["governance.stakeholder_bodies","governance.voting_rule"],"no_asset_lock":["assets.asset_lock","assets.asset_lock_removable_by_simple_majority","assets.dissolution_to","legal_form"],"dividends_over_half":["profits.dividends"],"venture_terms":["capital.venture_terms","legal_form"],"founder_control":["control.founder_family_share"],"for_profit_parent_control":["control.for_profit_share"],"public_body_control":["control.public_body_share"],"pay_ratio_excess":["pay.lowest_fte","pay.minimum_wage_annual","pay.top"],"volunteers_replacing_staff":["legal_form","workforce.paid_workers","workforce.volunteers"],"labour_intermediation":["activities.labour_intermediation","legal_form"],"shell_subsidiary":["governance.own_governing_body"],"listed_or_uncapped_return":["capital.return_capped","legal_form","profits.distributable","profits.shares_listed"],"no_general_assembly_or_accounts":["governance.general_assemblies_per_year","legal_form","reporting.accounts_filed","reporting.social_report"],"closed_membership":["legal_form","membership.open"]},"verdict":"insufficient_evidence","version":"1.0.0"}');
INSERT INTO ecosol_v15.assessments VALUES ('asm-066185d98bf51187be0a3b', 'v15-30-r007821', 'un-ilo', '1.0.0', 1, 'insufficient_evidence', '2026-11-30T22:22:48Z', 'cli:uid-0', 0, '{"framework":"un-ilo","options":[],"principles":[{"criteria":{"purpose.collective_or_general_interest":["insufficient_evidence",["purpose.social"]]},"id":"general_interest","status":"insufficient_evidence"},{"criteria":{"membership.voluntary":["insufficient_evidence",["membership.voluntary"]],"membership.open":["insufficient_evidence",["membership.open"]],"foundation.voluntary_participation":["insufficient_evidence",["governance.stakeholder_bodies","workforce.volunteers"]]},"id":"voluntary_cooperation","status":"insufficient_evidence"},{"criteria":{"democratic.member_vote":["insufficient_evidence",["governance.stakeholder_bodies","governance.voting_rule"]],"democratic.no_dominant_member":["insufficient_evidence",["governance.max_member_vote_share"]],"democratic.investors_minority":["insufficient_evidence",["governance.investor_vote_share"]],"democratic.colleges_balanced":"not_applicable","foundation.stakeholder_voice":["insufficient_evidence",["governance.stakeholder_bodies"]],"democratic.general_assembly":["insufficient_evidence",["governance.general_assemblies_per_year"]],"democratic.accounts_approved":["insufficient_evidence",["reporting.accounts_filed"]]},"id":"democratic_governance","status":"insufficient_evidence"},{"criteria":{"autonomy.no_public_body_control":["insufficient_evidence",["control.public_body_share"]],"autonomy.no_for_profit_control":["insufficient_evidence",["control.for_profit_share"]],"autonomy.no_founder_control":["insufficient_evidence",["control.founder_family_share"]],"autonomy.board_not_appointed_from_outside":["insufficient_evidence",["control.external_board_appointment"]],"autonomy.no_political_or_religious_control":["insufficient_evidence",["control.political_or_religious_control"]],"autonomy.own_governing_body":["insufficient_evidence",["governance.own_governing_body"]],"autonomy.not_labour_intermediation":["insufficient_evidence",["activities.labour_intermediation"]]},"id":"autonomy","status":"insufficient_evidence"},{"criteria":{"primacy.profit_distribution_limited":["insufficient_evidence",["profits.distributable","profits.dividends"]],"primacy.indivisible_reserves":["insufficient_evidence",["profits.distributable","profits.reserves_indivisible"]],"primacy.asset_lock":["insufficient_evidence",["assets.asset_lock","assets.dissolution_to"]],"primacy.return_on_capital_limited":["insufficient_evidence",["capital.return_capped","profits.distributable","profits.shares_listed"]],"primacy.no_venture_terms":["insufficient_evidence",["capital.venture_terms"]],"primacy.pay_equity":["insufficient_evidence",["pay.lowest_fte","pay.minimum_wage_annual","pay.top"]]},"id":"primacy_of_people","status":"insufficient_evidence"}],"red_flags":[],"unchecked_flags":{"capital_voting":["governance.stakeholder_bodies","governance.voting_rule"],"no_asset_lock":["assets.asset_lock","assets.asset_lock_removable_by_simple_majority","assets.dissolution_to","legal_form"],"dividends_over_half":["profits.dividends"],"venture_terms":["capital.venture_terms","legal_form"],"founder_control":["control.founder_family_share"],"for_profit_parent_control":["control.for_profit_share"],"public_body_control":["control.public_body_share"],"pay_ratio_excess":["pay.lowest_fte","pay.minimum_wage_annual","pay.top"],"volunteers_replacing_staff":["legal_form","workforce.paid_workers","workforce.volunteers"],"labour_intermediation":["activities.labour_intermediation","legal_form"],"shell_subsidiary":["governance.own_governing_body"],"listed_or_uncapped_return":["capital.return_capped","legal_form","profits.distributable","profits.shares_listed"],"no_general_assembly_or_accounts":["governance.general_assemblies_per_year","legal_form","reporting.accounts_filed","reporting.social_report"],"closed_membership":["legal_form","membership.open"]},"verdict":"insufficient_evidence","version":"1.0.0"}');
INSERT INTO ecosol_v15.assessments VALUES ('asm-066185d98bf5816a744e23', 'v15-30-r008130', 'un-ilo', '1.0.0', 1, 'insufficient_evidence', '2026-11-30T22:22:48Z', 'cli:uid-0', 0, '{"framework":"un-ilo","options":[],"principles":[{"criteria":{"purpose.collective_or_general_interest":["insufficient_evidence",["purpose.social"]]},"id":"general_interest","status":"insufficient_evidence"},{"criteria":{"membership.voluntary":["insufficient_evidence",["membership.voluntary"]],"membership.open":["insufficient_evidence",["membership.open"]],"foundation.voluntary_participation":["insufficient_evidence",["governance.stakeholder_bodies","workforce.volunteers"]]},"id":"voluntary_cooperation","status":"insufficient_evidence"},{"criteria":{"democratic.member_vote":["insufficient_evidence",["governance.stakeholder_bodies","governance.voting_rule"]],"democratic.no_dominant_member":["insufficient_evidence",["governance.max_member_vote_share"]],"democratic.investors_minority":["insufficient_evidence",["governance.investor_vote_share"]],"democratic.colleges_balanced":"not_applicable","foundation.stakeholder_voice":["insufficient_evidence",["governance.stakeholder_bodies"]],"democratic.general_assembly":["insufficient_evidence",["governance.general_assemblies_per_year"]],"democratic.accounts_approved":["insufficient_evidence",["reporting.accounts_filed"]]},"id":"democratic_governance","status":"insufficient_evidence"},{"criteria":{"autonomy.no_public_body_control":["insufficient_evidence",["control.public_body_share"]],"autonomy.no_for_profit_control":["insufficient_evidence",["control.for_profit_share"]],"autonomy.no_founder_control":["insufficient_evidence",["control.founder_family_share"]],"autonomy.board_not_appointed_from_outside":["insufficient_evidence",["control.external_board_appointment"]],"autonomy.no_political_or_religious_control":["insufficient_evidence",["control.political_or_religious_control"]],"autonomy.own_governing_body":["insufficient_evidence",["governance.own_governing_body"]],"autonomy.not_labour_intermediation":["insufficient_evidence",["activities.labour_intermediation"]]},"id":"autonomy","status":"insufficient_evidence"},{"criteria":{"primacy.profit_distribution_limited":["insufficient_evidence",["profits.distributable","profits.dividends"]],"primacy.indivisible_reserves":["insufficient_evidence",["profits.distributable","profits.reserves_indivisible"]],"primacy.asset_lock":["insufficient_evidence",["assets.asset_lock","assets.dissolution_to"]],"primacy.return_on_capital_limited":["insufficient_evidence",["capital.return_capped","profits.distributable","profits.shares_listed"]],"primacy.no_venture_terms":["insufficient_evidence",["capital.venture_terms"]],"primacy.pay_equity":["insufficient_evidence",["pay.lowest_fte","pay.minimum_wage_annual","pay.top"]]},"id":"primacy_of_people","status":"insufficient_evidence"}],"red_flags":[],"unchecked_flags":{"capital_voting":["governance.stakeholder_bodies","governance.voting_rule"],"no_asset_lock":["assets.asset_lock","assets.asset_lock_removable_by_simple_majority","assets.dissolution_to","legal_form"],"dividends_over_half":["profits.dividends"],"venture_terms":["capital.venture_terms","legal_form"],"founder_control":["control.founder_family_share"],"for_profit_parent_control":["control.for_profit_share"],"public_body_control":["control.public_body_share"],"pay_ratio_excess":["pay.lowest_fte","pay.minimum_wage_annual","pay.top"],"volunteers_replacing_staff":["legal_form","workforce.paid_workers","workforce.volunteers"],"labour_intermediation":["activities.labour_intermediation","legal_form"],"shell_subsidiary":["governance.own_governing_body"],"listed_or_uncapped_return":["capital.return_capped","legal_form","profits.distributable","profits.shares_listed"],"no_general_assembly_or_accounts":["governance.general_assemblies_per_year","legal_form","reporting.accounts_filed","reporting.social_report"],"closed_membership":["legal_form","membership.open"]},"verdict":"insufficient_evidence","version":"1.0.0"}');
INSERT INTO ecosol_v15.assessments VALUES ('asm-066185d98bf5d2935d6e3f', 'v15-30-r008131', 'un-ilo', '1.0.0', 1, 'insufficient_evidence', '2026-11-30T22:22:48Z', 'cli:uid-0', 0, '{"framework":"un-ilo","options":[],"principles":[{"criteria":{"purpose.collective_or_general_interest":["insufficient_evidence",["purpose.social"]]},"id":"general_interest","status":"insufficient_evidence"},{"criteria":{"membership.voluntary":["insufficient_evidence",["membership.voluntary"]],"membership.open":["insufficient_evidence",["membership.open"]],"foundation.voluntary_participation":["insufficient_evidence",["governance.stakeholder_bodies","workforce.volunteers"]]},"id":"voluntary_cooperation","status":"insufficient_evidence"},{"criteria":{"democratic.member_vote":["insufficient_evidence",["governance.stakeholder_bodies","governance.voting_rule"]],"democratic.no_dominant_member":["insufficient_evidence",["governance.max_member_vote_share"]],"democratic.investors_minority":["insufficient_evidence",["governance.investor_vote_share"]],"democratic.colleges_balanced":"not_applicable","foundation.stakeholder_voice":["insufficient_evidence",["governance.stakeholder_bodies"]],"democratic.general_assembly":["insufficient_evidence",["governance.general_assemblies_per_year"]],"democratic.accounts_approved":["insufficient_evidence",["reporting.accounts_filed"]]},"id":"democratic_governance","status":"insufficient_evidence"},{"criteria":{"autonomy.no_public_body_control":["insufficient_evidence",["control.public_body_share"]],"autonomy.no_for_profit_control":["insufficient_evidence",["control.for_profit_share"]],"autonomy.no_founder_control":["insufficient_evidence",["control.founder_family_share"]],"autonomy.board_not_appointed_from_outside":["insufficient_evidence",["control.external_board_appointment"]],"autonomy.no_political_or_religious_control":["insufficient_evidence",["control.political_or_religious_control"]],"autonomy.own_governing_body":["insufficient_evidence",["governance.own_governing_body"]],"autonomy.not_labour_intermediation":["insufficient_evidence",["activities.labour_intermediation"]]},"id":"autonomy","status":"insufficient_evidence"},{"criteria":{"primacy.profit_distribution_limited":["insufficient_evidence",["profits.distributable","profits.dividends"]],"primacy.indivisible_reserves":["insufficient_evidence",["profits.distributable","profits.reserves_indivisible"]],"primacy.asset_lock":["insufficient_evidence",["assets.asset_lock","assets.dissolution_to"]],"primacy.return_on_capital_limited":["insufficient_evidence",["capital.return_capped","profits.distributable","profits.shares_listed"]],"primacy.no_venture_terms":["insufficient_evidence",["capital.venture_terms"]],"primacy.pay_equity":["insufficient_evidence",["pay.lowest_fte","pay.minimum_wage_annual","pay.top"]]},"id":"primacy_of_people","status":"insufficient_evidence"}],"red_flags":[],"unchecked_flags":{"capital_voting":["governance.stakeholder_bodies","governance.voting_rule"],"no_asset_lock":["assets.asset_lock","assets.asset_lock_removable_by_simple_majority","assets.dissolution_to","legal_form"],"dividends_over_half":["profits.dividends"],"venture_terms":["capital.venture_terms","legal_form"],"founder_control":["control.founder_family_share"],"for_profit_parent_control":["control.for_profit_share"],"public_body_control":["control.public_body_share"],"pay_ratio_excess":["pay.lowest_fte","pay.minimum_wage_annual","pay.top"],"volunteers_replacing_staff":["legal_form","workforce.paid_workers","workforce.volunteers"],"labour_intermediation":["activities.labour_intermediation","legal_form"],"shell_subsidiary":["governance.own_governing_body"],"listed_or_uncapped_return":["capital.return_capped","legal_form","profits.distributable","profits.shares_listed"],"no_general_assembly_or_accounts":["governance.general_assemblies_per_year","legal_form","reporting.accounts_filed","reporting.social_report"],"closed_membership":["legal_form","membership.open"]},"verdict":"insufficient_evidence","version":"1.0.0"}');
INSERT INTO ecosol_v15.assessments VALUES ('asm-066185d98bf61ff5998120', 'v15-30-r008133', 'un-ilo', '1.0.0', 1, 'insufficient_evidence', '2026-11-30T22:22:48Z', 'cli:uid-0', 0, '{"framework":"un-ilo","options":[],"principles":[{"criteria":{"purpose.collective_or_general_interest":["insufficient_evidence",["purpose.social"]]},"id":"general_interest","status":"insufficient_evidence"},{"criteria":{"membership.voluntary":["insufficient_evidence",["membership.voluntary"]],"membership.open":["insufficient_evidence",["membership.open"]],"foundation.voluntary_participation":["insufficient_evidence",["governance.stakeholder_bodies","workforce.volunteers"]]},"id":"voluntary_cooperation","status":"insufficient_evidence"},{"criteria":{"democratic.member_vote":["insufficient_evidence",["governance.stakeholder_bodies","governance.voting_rule"]],"democratic.no_dominant_member":["insufficient_evidence",["governance.max_member_vote_share"]],"democratic.investors_minority":["insufficient_evidence",["governance.investor_vote_share"]],"democratic.colleges_balanced":"not_applicable","foundation.stakeholder_voice":["insufficient_evidence",["governance.stakeholder_bodies"]],"democratic.general_assembly":["insufficient_evidence",["governance.general_assemblies_per_year"]],"democratic.accounts_approved":["insufficient_evidence",["reporting.accounts_filed"]]},"id":"democratic_governance","status":"insufficient_evidence"},{"criteria":{"autonomy.no_public_body_control":["insufficient_evidence",["control.public_body_share"]],"autonomy.no_for_profit_control":["insufficient_evidence",["control.for_profit_share"]],"autonomy.no_founder_control":["insufficient_evidence",["control.founder_family_share"]],"autonomy.board_not_appointed_from_outside":["insufficient_evidence",["control.external_board_appointment"]],"autonomy.no_political_or_religious_control":["insufficient_evidence",["control.political_or_religious_control"]],"autonomy.own_governing_body":["insufficient_evidence",["governance.own_governing_body"]],"autonomy.not_labour_intermediation":["insufficient_evidence",["activities.labour_intermediation"]]},"id":"autonomy","status":"insufficient_evidence"},{"criteria":{"primacy.profit_distribution_limited":["insufficient_evidence",["profits.distributable","profits.dividends"]],"primacy.indivisible_reserves":["insufficient_evidence",["profits.distributable","profits.reserves_indivisible"]],"primacy.asset_lock":["insufficient_evidence",["assets.asset_lock","assets.dissolution_to"]],"primacy.return_on_capital_limited":["insufficient_evidence",["capital.return_capped","profits.distributable","profits.shares_listed"]],"primacy.no_venture_terms":["insufficient_evidence",["capital.venture_terms"]],"primacy.pay_equity":["insufficient_evidence",["pay.lowest_fte","pay.minimum_wage_annual","pay.top"]]},"id":"primacy_of_people","status":"insufficient_evidence"}],"red_flags":[],"unchecked_flags":{"capital_voting":["governance.stakeholder_bodies","governance.voting_rule"],"no_asset_lock":["assets.asset_lock","assets.asset_lock_removable_by_simple_majority","assets.dissolution_to","legal_form"],"dividends_over_half":["profits.dividends"],"venture_terms":["capital.venture_terms","legal_form"],"founder_control":["control.founder_family_share"],"for_profit_parent_control":["control.for_profit_share"],"public_body_control":["control.public_body_share"],"pay_ratio_excess":["pay.lowest_fte","pay.minimum_wage_annual","pay.top"],"volunteers_replacing_staff":["legal_form","workforce.paid_workers","workforce.volunteers"],"labour_intermediation":["activities.labour_intermediation","legal_form"],"shell_subsidiary":["governance.own_governing_body"],"listed_or_uncapped_return":["capital.return_capped","legal_form","profits.distributable","profits.shares_listed"],"no_general_assembly_or_accounts":["governance.general_assemblies_per_year","legal_form","reporting.accounts_filed","reporting.social_report"],"closed_membership":["legal_form","membership.open"]},"verdict":"insufficient_evidence","version":"1.0.0"}');
INSERT INTO ecosol_v15.assessments VALUES ('asm-066185d98bf65b01217dca', 'v15-30-r008135', 'un-ilo', '1.0.0', 1, 'insufficient_evidence', '2026-11-30T22:22:48Z', 'cli:uid-0', 0, '{"framework":"un-ilo","options":[],"principles":[{"criteria":{"purpose.collective_or_general_interest":["insufficient_evidence",["purpose.social"]]},"id":"general_interest","status":"insufficient_evidence"},{"criteria":{"membership.voluntary":["insufficient_evidence",["membership.voluntary"]],"membership.open":["insufficient_evidence",["membership.open"]],"foundation.voluntary_participation":["insufficient_evidence",["governance.stakeholder_bodies","workforce.volunteers"]]},"id":"voluntary_cooperation","status":"insufficient_evidence"},{"criteria":{"democratic.member_vote":["insufficient_evidence",["governance.stakeholder_bodies","governance.voting_rule"]],"democratic.no_dominant_member":["insufficient_evidence",["governance.max_member_vote_share"]],"democratic.investors_minority":["insufficient_evidence",["governance.investor_vote_share"]],"democratic.colleges_balanced":"not_applicable","foundation.stakeholder_voice":["insufficient_evidence",["governance.stakeholder_bodies"]],"democratic.general_assembly":["insufficient_evidence",["governance.general_assemblies_per_year"]],"democratic.accounts_approved":["insufficient_evidence",["reporting.accounts_filed"]]},"id":"democratic_governance","status":"insufficient_evidence"},{"criteria":{"autonomy.no_public_body_control":["insufficient_evidence",["control.public_body_share"]],"autonomy.no_for_profit_control":["insufficient_evidence",["control.for_profit_share"]],"autonomy.no_founder_control":["insufficient_evidence",["control.founder_family_share"]],"autonomy.board_not_appointed_from_outside":["insufficient_evidence",["control.external_board_appointment"]],"autonomy.no_political_or_religious_control":["insufficient_evidence",["control.political_or_religious_control"]],"autonomy.own_governing_body":["insufficient_evidence",["governance.own_governing_body"]],"autonomy.not_labour_intermediation":["insufficient_evidence",["activities.labour_intermediation"]]},"id":"autonomy","status":"insufficient_evidence"},{"criteria":{"primacy.profit_distribution_limited":["insufficient_evidence",["profits.distributable","profits.dividends"]],"primacy.indivisible_reserves":["insufficient_evidence",["profits.distributable","profits.reserves_indivisible"]],"primacy.asset_lock":["insufficient_evidence",["assets.asset_lock","assets.dissolution_to"]],"primacy.return_on_capital_limited":["insufficient_evidence",["capital.return_capped","profits.distributable","profits.shares_listed"]],"primacy.no_venture_terms":["insufficient_evidence",["capital.venture_terms"]],"primacy.pay_equity":["insufficient_evidence",["pay.lowest_fte","pay.minimum_wage_annual","pay.top"]]},"id":"primacy_of_people","status":"insufficient_evidence"}],"red_flags":[],"unchecked_flags":{"capital_voting":["governance.stakeholder_bodies","governance.voting_rule"],"no_asset_lock":["assets.asset_lock","assets.asset_lock_removable_by_simple_majority","assets.dissolution_to","legal_form"],"dividends_over_half":["profits.dividends"],"venture_terms":["capital.venture_terms","legal_form"],"founder_control":["control.founder_family_share"],"for_profit_parent_control":["control.for_profit_share"],"public_body_control":["control.public_body_share"],"pay_ratio_excess":["pay.lowest_fte","pay.minimum_wage_annual","pay.top"],"volunteers_replacing_staff":["legal_form","workforce.paid_workers","workforce.volunteers"],"labour_intermediation":["activities.labour_intermediation","legal_form"],"shell_subsidiary":["governance.own_governing_body"],"listed_or_uncapped_return":["capital.return_capped","legal_form","profits.distributable","profits.shares_listed"],"no_general_assembly_or_accounts":["governance.general_assemblies_per_year","legal_form","reporting.accounts_filed","reporting.social_report"],"closed_membership":["legal_form","membership.open"]},"verdict":"insufficient_evidence","version":"1.0.0"}');
INSERT INTO ecosol_v15.assessments VALUES ('asm-066185d98bf693a2beaa86', 'v15-30-r014981', 'un-ilo', '1.0.0', 1, 'insufficient_evidence', '2026-11-30T22:22:48Z', 'cli:uid-0', 0, '{"framework":"un-ilo","options":[],"principles":[{"criteria":{"purpose.collective_or_general_interest":["insufficient_evidence",["purpose.social"]]},"id":"general_interest","status":"insufficient_evidence"},{"criteria":{"membership.voluntary":["insufficient_evidence",["membership.voluntary"]],"membership.open":["insufficient_evidence",["membership.open"]],"foundation.voluntary_participation":["insufficient_evidence",["governance.stakeholder_bodies","workforce.volunteers"]]},"id":"voluntary_cooperation","status":"insufficient_evidence"},{"criteria":{"democratic.member_vote":["insufficient_evidence",["governance.stakeholder_bodies","governance.voting_rule"]],"democratic.no_dominant_member":["insufficient_evidence",["governance.max_member_vote_share"]],"democratic.investors_minority":["insufficient_evidence",["governance.investor_vote_share"]],"democratic.colleges_balanced":"not_applicable","foundation.stakeholder_voice":["insufficient_evidence",["governance.stakeholder_bodies"]],"democratic.general_assembly":["insufficient_evidence",["governance.general_assemblies_per_year"]],"democratic.accounts_approved":["insufficient_evidence",["reporting.accounts_filed"]]},"id":"democratic_governance","status":"insufficient_evidence"},{"criteria":{"autonomy.no_public_body_control":["insufficient_evidence",["control.public_body_share"]],"autonomy.no_for_profit_control":["insufficient_evidence",["control.for_profit_share"]],"autonomy.no_founder_control":["insufficient_evidence",["control.founder_family_share"]],"autonomy.board_not_appointed_from_outside":["insufficient_evidence",["control.external_board_appointment"]],"autonomy.no_political_or_religious_control":["insufficient_evidence",["control.political_or_religious_control"]],"autonomy.own_governing_body":["insufficient_evidence",["governance.own_governing_body"]],"autonomy.not_labour_intermediation":["insufficient_evidence",["activities.labour_intermediation"]]},"id":"autonomy","status":"insufficient_evidence"},{"criteria":{"primacy.profit_distribution_limited":["insufficient_evidence",["profits.distributable","profits.dividends"]],"primacy.indivisible_reserves":["insufficient_evidence",["profits.distributable","profits.reserves_indivisible"]],"primacy.asset_lock":["insufficient_evidence",["assets.asset_lock","assets.dissolution_to"]],"primacy.return_on_capital_limited":["insufficient_evidence",["capital.return_capped","profits.distributable","profits.shares_listed"]],"primacy.no_venture_terms":["insufficient_evidence",["capital.venture_terms"]],"primacy.pay_equity":["insufficient_evidence",["pay.lowest_fte","pay.minimum_wage_annual","pay.top"]]},"id":"primacy_of_people","status":"insufficient_evidence"}],"red_flags":[],"unchecked_flags":{"capital_voting":["governance.stakeholder_bodies","governance.voting_rule"],"no_asset_lock":["assets.asset_lock","assets.asset_lock_removable_by_simple_majority","assets.dissolution_to","legal_form"],"dividends_over_half":["profits.dividends"],"venture_terms":["capital.venture_terms","legal_form"],"founder_control":["control.founder_family_share"],"for_profit_parent_control":["control.for_profit_share"],"public_body_control":["control.public_body_share"],"pay_ratio_excess":["pay.lowest_fte","pay.minimum_wage_annual","pay.top"],"volunteers_replacing_staff":["legal_form","workforce.paid_workers","workforce.volunteers"],"labour_intermediation":["activities.labour_intermediation","legal_form"],"shell_subsidiary":["governance.own_governing_body"],"listed_or_uncapped_return":["capital.return_capped","legal_form","profits.distributable","profits.shares_listed"],"no_general_assembly_or_accounts":["governance.general_assemblies_per_year","legal_form","reporting.accounts_filed","reporting.social_report"],"closed_membership":["legal_form","membership.open"]},"verdict":"insufficient_evidence","version":"1.0.0"}');
INSERT INTO ecosol_v15.assessments VALUES ('asm-066185d98bf6ccfbe15dfb', 'v15-30-r021141', 'un-ilo', '1.0.0', 1, 'insufficient_evidence', '2026-11-30T22:22:48Z', 'cli:uid-0', 0, '{"framework":"un-ilo","options":[],"principles":[{"criteria":{"purpose.collective_or_general_interest":["insufficient_evidence",["purpose.social"]]},"id":"general_interest","status":"insufficient_evidence"},{"criteria":{"membership.voluntary":["insufficient_evidence",["membership.voluntary"]],"membership.open":["insufficient_evidence",["membership.open"]],"foundation.voluntary_participation":["insufficient_evidence",["governance.stakeholder_bodies","workforce.volunteers"]]},"id":"voluntary_cooperation","status":"insufficient_evidence"},{"criteria":{"democratic.member_vote":["insufficient_evidence",["governance.stakeholder_bodies","governance.voting_rule"]],"democratic.no_dominant_member":["insufficient_evidence",["governance.max_member_vote_share"]],"democratic.investors_minority":["insufficient_evidence",["governance.investor_vote_share"]],"democratic.colleges_balanced":"not_applicable","foundation.stakeholder_voice":["insufficient_evidence",["governance.stakeholder_bodies"]],"democratic.general_assembly":["insufficient_evidence",["governance.general_assemblies_per_year"]],"democratic.accounts_approved":["insufficient_evidence",["reporting.accounts_filed"]]},"id":"democratic_governance","status":"insufficient_evidence"},{"criteria":{"autonomy.no_public_body_control":["insufficient_evidence",["control.public_body_share"]],"autonomy.no_for_profit_control":["insufficient_evidence",["control.for_profit_share"]],"autonomy.no_founder_control":["insufficient_evidence",["control.founder_family_share"]],"autonomy.board_not_appointed_from_outside":["insufficient_evidence",["control.external_board_appointment"]],"autonomy.no_political_or_religious_control":["insufficient_evidence",["control.political_or_religious_control"]],"autonomy.own_governing_body":["insufficient_evidence",["governance.own_governing_body"]],"autonomy.not_labour_intermediation":["insufficient_evidence",["activities.labour_intermediation"]]},"id":"autonomy","status":"insufficient_evidence"},{"criteria":{"primacy.profit_distribution_limited":["insufficient_evidence",["profits.distributable","profits.dividends"]],"primacy.indivisible_reserves":["insufficient_evidence",["profits.distributable","profits.reserves_indivisible"]],"primacy.asset_lock":["insufficient_evidence",["assets.asset_lock","assets.dissolution_to"]],"primacy.return_on_capital_limited":["insufficient_evidence",["capital.return_capped","profits.distributable","profits.shares_listed"]],"primacy.no_venture_terms":["insufficient_evidence",["capital.venture_terms"]],"primacy.pay_equity":["insufficient_evidence",["pay.lowest_fte","pay.minimum_wage_annual","pay.top"]]},"id":"primacy_of_people","status":"insufficient_evidence"}],"red_flags":[],"unchecked_flags":{"capital_voting":["governance.stakeholder_bodies","governance.voting_rule"],"no_asset_lock":["assets.asset_lock","assets.asset_lock_removable_by_simple_majority","assets.dissolution_to","legal_form"],"dividends_over_half":["profits.dividends"],"venture_terms":["capital.venture_terms","legal_form"],"founder_control":["control.founder_family_share"],"for_profit_parent_control":["control.for_profit_share"],"public_body_control":["control.public_body_share"],"pay_ratio_excess":["pay.lowest_fte","pay.minimum_wage_annual","pay.top"],"volunteers_replacing_staff":["legal_form","workforce.paid_workers","workforce.volunteers"],"labour_intermediation":["activities.labour_intermediation","legal_form"],"shell_subsidiary":["governance.own_governing_body"],"listed_or_uncapped_return":["capital.return_capped","legal_form","profits.distributable","profits.shares_listed"],"no_general_assembly_or_accounts":["governance.general_assemblies_per_year","legal_form","reporting.accounts_filed","reporting.social_report"],"closed_membership":["legal_form","membership.open"]},"verdict":"insufficient_evidence","version":"1.0.0"}');
INSERT INTO ecosol_v15.assessments VALUES ('asm-066185d98bf705c531f119', 'v15-30-r022441', 'un-ilo', '1.0.0', 1, 'insufficient_evidence', '2026-11-30T22:22:48Z', 'cli:uid-0', 0, '{"framework":"un-ilo","options":[],"principles":[{"criteria":{"purpose.collective_or_general_interest":["insufficient_evidence",["purpose.social"]]},"id":"general_interest","status":"insufficient_evidence"},{"criteria":{"membership.voluntary":["insufficient_evidence",["membership.voluntary"]],"membership.open":["insufficient_evidence",["membership.open"]],"foundation.voluntary_participation":["insufficient_evidence",["governance.stakeholder_bodies","workforce.volunteers"]]},"id":"voluntary_cooperation","status":"insufficient_evidence"},{"criteria":{"democratic.member_vote":["insufficient_evidence",["governance.stakeholder_bodies","governance.voting_rule"]],"democratic.no_dominant_member":["insufficient_evidence",["governance.max_member_vote_share"]],"democratic.investors_minority":["insufficient_evidence",["governance.investor_vote_share"]],"democratic.colleges_balanced":"not_applicable","foundation.stakeholder_voice":["insufficient_evidence",["governance.stakeholder_bodies"]],"democratic.general_assembly":["insufficient_evidence",["governance.general_assemblies_per_year"]],"democratic.accounts_approved":["insufficient_evidence",["reporting.accounts_filed"]]},"id":"democratic_governance","status":"insufficient_evidence"},{"criteria":{"autonomy.no_public_body_control":["insufficient_evidence",["control.public_body_share"]],"autonomy.no_for_profit_control":["insufficient_evidence",["control.for_profit_share"]],"autonomy.no_founder_control":["insufficient_evidence",["control.founder_family_share"]],"autonomy.board_not_appointed_from_outside":["insufficient_evidence",["control.external_board_appointment"]],"autonomy.no_political_or_religious_control":["insufficient_evidence",["control.political_or_religious_control"]],"autonomy.own_governing_body":["insufficient_evidence",["governance.own_governing_body"]],"autonomy.not_labour_intermediation":["insufficient_evidence",["activities.labour_intermediation"]]},"id":"autonomy","status":"insufficient_evidence"},{"criteria":{"primacy.profit_distribution_limited":["insufficient_evidence",["profits.distributable","profits.dividends"]],"primacy.indivisible_reserves":["insufficient_evidence",["profits.distributable","profits.reserves_indivisible"]],"primacy.asset_lock":["insufficient_evidence",["assets.asset_lock","assets.dissolution_to"]],"primacy.return_on_capital_limited":["insufficient_evidence",["capital.return_capped","profits.distributable","profits.shares_listed"]],"primacy.no_venture_terms":["insufficient_evidence",["capital.venture_terms"]],"primacy.pay_equity":["insufficient_evidence",["pay.lowest_fte","pay.minimum_wage_annual","pay.top"]]},"id":"primacy_of_people","status":"insufficient_evidence"}],"red_flags":[],"unchecked_flags":{"capital_voting":["governance.stakeholder_bodies","governance.voting_rule"],"no_asset_lock":["assets.asset_lock","assets.asset_lock_removable_by_simple_majority","assets.dissolution_to","legal_form"],"dividends_over_half":["profits.dividends"],"venture_terms":["capital.venture_terms","legal_form"],"founder_control":["control.founder_family_share"],"for_profit_parent_control":["control.for_profit_share"],"public_body_control":["control.public_body_share"],"pay_ratio_excess":["pay.lowest_fte","pay.minimum_wage_annual","pay.top"],"volunteers_replacing_staff":["legal_form","workforce.paid_workers","workforce.volunteers"],"labour_intermediation":["activities.labour_intermediation","legal_form"],"shell_subsidiary":["governance.own_governing_body"],"listed_or_uncapped_return":["capital.return_capped","legal_form","profits.distributable","profits.shares_listed"],"no_general_assembly_or_accounts":["governance.general_assemblies_per_year","legal_form","reporting.accounts_filed","reporting.social_report"],"closed_membership":["legal_form","membership.open"]},"verdict":"insufficient_evidence","version":"1.0.0"}');
INSERT INTO ecosol_v15.assessments VALUES ('asm-066185d98bf73fbb5a2c87', 'v15-30-r031209', 'un-ilo', '1.0.0', 1, 'insufficient_evidence', '2026-11-30T22:22:48Z', 'cli:uid-0', 0, '{"framework":"un-ilo","options":[],"principles":[{"criteria":{"purpose.collective_or_general_interest":["insufficient_evidence",["purpose.social"]]},"id":"general_interest","status":"insufficient_evidence"},{"criteria":{"membership.voluntary":["insufficient_evidence",["membership.voluntary"]],"membership.open":["insufficient_evidence",["membership.open"]],"foundation.voluntary_participation":["insufficient_evidence",["governance.stakeholder_bodies","workforce.volunteers"]]},"id":"voluntary_cooperation","status":"insufficient_evidence"},{"criteria":{"democratic.member_vote":["insufficient_evidence",["governance.stakeholder_bodies","governance.voting_rule"]],"democratic.no_dominant_member":["insufficient_evidence",["governance.max_member_vote_share"]],"democratic.investors_minority":["insufficient_evidence",["governance.investor_vote_share"]],"democratic.colleges_balanced":"not_applicable","foundation.stakeholder_voice":["insufficient_evidence",["governance.stakeholder_bodies"]],"democratic.general_assembly":["insufficient_evidence",["governance.general_assemblies_per_year"]],"democratic.accounts_approved":["insufficient_evidence",["reporting.accounts_filed"]]},"id":"democratic_governance","status":"insufficient_evidence"},{"criteria":{"autonomy.no_public_body_control":["insufficient_evidence",["control.public_body_share"]],"autonomy.no_for_profit_control":["insufficient_evidence",["control.for_profit_share"]],"autonomy.no_founder_control":["insufficient_evidence",["control.founder_family_share"]],"autonomy.board_not_appointed_from_outside":["insufficient_evidence",["control.external_board_appointment"]],"autonomy.no_political_or_religious_control":["insufficient_evidence",["control.political_or_religious_control"]],"autonomy.own_governing_body":["insufficient_evidence",["governance.own_governing_body"]],"autonomy.not_labour_intermediation":["insufficient_evidence",["activities.labour_intermediation"]]},"id":"autonomy","status":"insufficient_evidence"},{"criteria":{"primacy.profit_distribution_limited":["insufficient_evidence",["profits.distributable","profits.dividends"]],"primacy.indivisible_reserves":["insufficient_evidence",["profits.distributable","profits.reserves_indivisible"]],"primacy.asset_lock":["insufficient_evidence",["assets.asset_lock","assets.dissolution_to"]],"primacy.return_on_capital_limited":["insufficient_evidence",["capital.return_capped","profits.distributable","profits.shares_listed"]],"primacy.no_venture_terms":["insufficient_evidence",["capital.venture_terms"]],"primacy.pay_equity":["insufficient_evidence",["pay.lowest_fte","pay.minimum_wage_annual","pay.top"]]},"id":"primacy_of_people","status":"insufficient_evidence"}],"red_flags":[],"unchecked_flags":{"capital_voting":["governance.stakeholder_bodies","governance.voting_rule"],"no_asset_lock":["assets.asset_lock","assets.asset_lock_removable_by_simple_majority","assets.dissolution_to","legal_form"],"dividends_over_half":["profits.dividends"],"venture_terms":["capital.venture_terms","legal_form"],"founder_control":["control.founder_family_share"],"for_profit_parent_control":["control.for_profit_share"],"public_body_control":["control.public_body_share"],"pay_ratio_excess":["pay.lowest_fte","pay.minimum_wage_annual","pay.top"],"volunteers_replacing_staff":["legal_form","workforce.paid_workers","workforce.volunteers"],"labour_intermediation":["activities.labour_intermediation","legal_form"],"shell_subsidiary":["governance.own_governing_body"],"listed_or_uncapped_return":["capital.return_capped","legal_form","profits.distributable","profits.shares_listed"],"no_general_assembly_or_accounts":["governance.general_assemblies_per_year","legal_form","reporting.accounts_filed","reporting.social_report"],"closed_membership":["legal_form","membership.open"]},"verdict":"insufficient_evidence","version":"1.0.0"}');
INSERT INTO ecosol_v15.assessments VALUES ('asm-066185d98bf775ce777d86', 'v15-30-r032635', 'un-ilo', '1.0.0', 1, 'insufficient_evidence', '2026-11-30T22:22:48Z', 'cli:uid-0', 0, '{"framework":"un-ilo","options":[],"principles":[{"criteria":{"purpose.collective_or_general_interest":["insufficient_evidence",["purpose.social"]]},"id":"general_interest","status":"insufficient_evidence"},{"criteria":{"membership.voluntary":["insufficient_evidence",["membership.voluntary"]],"membership.open":["insufficient_evidence",["membership.open"]],"foundation.voluntary_participation":["insufficient_evidence",["governance.stakeholder_bodies","workforce.volunteers"]]},"id":"voluntary_cooperation","status":"insufficient_evidence"},{"criteria":{"democratic.member_vote":["insufficient_evidence",["governance.stakeholder_bodies","governance.voting_rule"]],"democratic.no_dominant_member":["insufficient_evidence",["governance.max_member_vote_share"]],"democratic.investors_minority":["insufficient_evidence",["governance.investor_vote_share"]],"democratic.colleges_balanced":"not_applicable","foundation.stakeholder_voice":["insufficient_evidence",["governance.stakeholder_bodies"]],"democratic.general_assembly":["insufficient_evidence",["governance.general_assemblies_per_year"]],"democratic.accounts_approved":["insufficient_evidence",["reporting.accounts_filed"]]},"id":"democratic_governance","status":"insufficient_evidence"},{"criteria":{"autonomy.no_public_body_control":["insufficient_evidence",["control.public_body_share"]],"autonomy.no_for_profit_control":["insufficient_evidence",["control.for_profit_share"]],"autonomy.no_founder_control":["insufficient_evidence",["control.founder_family_share"]],"autonomy.board_not_appointed_from_outside":["insufficient_evidence",["control.external_board_appointment"]],"autonomy.no_political_or_religious_control":["insufficient_evidence",["control.political_or_religious_control"]],"autonomy.own_governing_body":["insufficient_evidence",["governance.own_governing_body"]],"autonomy.not_labour_intermediation":["insufficient_evidence",["activities.labour_intermediation"]]},"id":"autonomy","status":"insufficient_evidence"},{"criteria":{"primacy.profit_distribution_limited":["insufficient_evidence",["profits.distributable","profits.dividends"]],"primacy.indivisible_reserves":["insufficient_evidence",["profits.distributable","profits.reserves_indivisible"]],"primacy.asset_lock":["insufficient_evidence",["assets.asset_lock","assets.dissolution_to"]],"primacy.return_on_capital_limited":["insufficient_evidence",["capital.return_capped","profits.distributable","profits.shares_listed"]],"primacy.no_venture_terms":["insufficient_evidence",["capital.venture_terms"]],"primacy.pay_equity":["insufficient_evidence",["pay.lowest_fte","pay.minimum_wage_annual","pay.top"]]},"id":"primacy_of_people","status":"insufficient_evidence"}],"red_flags":[],"unchecked_flags":{"capital_voting":["governance.stakeholder_bodies","governance.voting_rule"],"no_asset_lock":["assets.asset_lock","assets.asset_lock_removable_by_simple_majority","assets.dissolution_to","legal_form"],"dividends_over_half":["profits.dividends"],"venture_terms":["capital.venture_terms","legal_form"],"founder_control":["control.founder_family_share"],"for_profit_parent_control":["control.for_profit_share"],"public_body_control":["control.public_body_share"],"pay_ratio_excess":["pay.lowest_fte","pay.minimum_wage_annual","pay.top"],"volunteers_replacing_staff":["legal_form","workforce.paid_workers","workforce.volunteers"],"labour_intermediation":["activities.labour_intermediation","legal_form"],"shell_subsidiary":["governance.own_governing_body"],"listed_or_uncapped_return":["capital.return_capped","legal_form","profits.distributable","profits.shares_listed"],"no_general_assembly_or_accounts":["governance.general_assemblies_per_year","legal_form","reporting.accounts_filed","reporting.social_report"],"closed_membership":["legal_form","membership.open"]},"verdict":"insufficient_evidence","version":"1.0.0"}');
INSERT INTO ecosol_v15.assessments VALUES ('asm-066185d98bf7aa7dcb439c', 'v15-30-r035438', 'un-ilo', '1.0.0', 1, 'insufficient_evidence', '2026-11-30T22:22:48Z', 'cli:uid-0', 0, '{"framework":"un-ilo","options":[],"principles":[{"criteria":{"purpose.collective_or_general_interest":["insufficient_evidence",["purpose.social"]]},"id":"general_interest","status":"insufficient_evidence"},{"criteria":{"membership.voluntary":["insufficient_evidence",["membership.voluntary"]],"membership.open":["insufficient_evidence",["membership.open"]],"foundation.voluntary_participation":["insufficient_evidence",["governance.stakeholder_bodies","workforce.volunteers"]]},"id":"voluntary_cooperation","status":"insufficient_evidence"},{"criteria":{"democratic.member_vote":["insufficient_evidence",["governance.stakeholder_bodies","governance.voting_rule"]],"democratic.no_dominant_member":["insufficient_evidence",["governance.max_member_vote_share"]],"democratic.investors_minority":["insufficient_evidence",["governance.investor_vote_share"]],"democratic.colleges_balanced":"not_applicable","foundation.stakeholder_voice":["insufficient_evidence",["governance.stakeholder_bodies"]],"democratic.general_assembly":["insufficient_evidence",["governance.general_assemblies_per_year"]],"democratic.accounts_approved":["insufficient_evidence",["reporting.accounts_filed"]]},"id":"democratic_governance","status":"insufficient_evidence"},{"criteria":{"autonomy.no_public_body_control":["insufficient_evidence",["control.public_body_share"]],"autonomy.no_for_profit_control":["insufficient_evidence",["control.for_profit_share"]],"autonomy.no_founder_control":["insufficient_evidence",["control.founder_family_share"]],"autonomy.board_not_appointed_from_outside":["insufficient_evidence",["control.external_board_appointment"]],"autonomy.no_political_or_religious_control":["insufficient_evidence",["control.political_or_religious_control"]],"autonomy.own_governing_body":["insufficient_evidence",["governance.own_governing_body"]],"autonomy.not_labour_intermediation":["insufficient_evidence",["activities.labour_intermediation"]]},"id":"autonomy","status":"insufficient_evidence"},{"criteria":{"primacy.profit_distribution_limited":["insufficient_evidence",["profits.distributable","profits.dividends"]],"primacy.indivisible_reserves":["insufficient_evidence",["profits.distributable","profits.reserves_indivisible"]],"primacy.asset_lock":["insufficient_evidence",["assets.asset_lock","assets.dissolution_to"]],"primacy.return_on_capital_limited":["insufficient_evidence",["capital.return_capped","profits.distributable","profits.shares_listed"]],"primacy.no_venture_terms":["insufficient_evidence",["capital.venture_terms"]],"primacy.pay_equity":["insufficient_evidence",["pay.lowest_fte","pay.minimum_wage_annual","pay.top"]]},"id":"primacy_of_people","status":"insufficient_evidence"}],"red_flags":[],"unchecked_flags":{"capital_voting":["governance.stakeholder_bodies","governance.voting_rule"],"no_asset_lock":["assets.asset_lock","assets.asset_lock_removable_by_simple_majority","assets.dissolution_to","legal_form"],"dividends_over_half":["profits.dividends"],"venture_terms":["capital.venture_terms","legal_form"],"founder_control":["control.founder_family_share"],"for_profit_parent_control":["control.for_profit_share"],"public_body_control":["control.public_body_share"],"pay_ratio_excess":["pay.lowest_fte","pay.minimum_wage_annual","pay.top"],"volunteers_replacing_staff":["legal_form","workforce.paid_workers","workforce.volunteers"],"labour_intermediation":["activities.labour_intermediation","legal_form"],"shell_subsidiary":["governance.own_governing_body"],"listed_or_uncapped_return":["capital.return_capped","legal_form","profits.distributable","profits.shares_listed"],"no_general_assembly_or_accounts":["governance.general_assemblies_per_year","legal_form","reporting.accounts_filed","reporting.social_report"],"closed_membership":["legal_form","membership.open"]},"verdict":"insufficient_evidence","version":"1.0.0"}');
INSERT INTO ecosol_v15.assessments VALUES ('asm-066185d98bf7e40b43c553', 'v15-30-r035443', 'un-ilo', '1.0.0', 1, 'insufficient_evidence', '2026-11-30T22:22:48Z', 'cli:uid-0', 0, '{"framework":"un-ilo","options":[],"principles":[{"criteria":{"purpose.collective_or_general_interest":["insufficient_evidence",["purpose.social"]]},"id":"general_interest","status":"insufficient_evidence"},{"criteria":{"membership.voluntary":["insufficient_evidence",["membership.voluntary"]],"membership.open":["insufficient_evidence",["membership.open"]],"foundation.voluntary_participation":["insufficient_evidence",["governance.stakeholder_bodies","workforce.volunteers"]]},"id":"voluntary_cooperation","status":"insufficient_evidence"},{"criteria":{"democratic.member_vote":["insufficient_evidence",["governance.stakeholder_bodies","governance.voting_rule"]],"democratic.no_dominant_member":["insufficient_evidence",["governance.max_member_vote_share"]],"democratic.investors_minority":["insufficient_evidence",["governance.investor_vote_share"]],"democratic.colleges_balanced":"not_applicable","foundation.stakeholder_voice":["insufficient_evidence",["governance.stakeholder_bodies"]],"democratic.general_assembly":["insufficient_evidence",["governance.general_assemblies_per_year"]],"democratic.accounts_approved":["insufficient_evidence",["reporting.accounts_filed"]]},"id":"democratic_governance","status":"insufficient_evidence"},{"criteria":{"autonomy.no_public_body_control":["insufficient_evidence",["control.public_body_share"]],"autonomy.no_for_profit_control":["insufficient_evidence",["control.for_profit_share"]],"autonomy.no_founder_control":["insufficient_evidence",["control.founder_family_share"]],"autonomy.board_not_appointed_from_outside":["insufficient_evidence",["control.external_board_appointment"]],"autonomy.no_political_or_religious_control":["insufficient_evidence",["control.political_or_religious_control"]],"autonomy.own_governing_body":["insufficient_evidence",["governance.own_governing_body"]],"autonomy.not_labour_intermediation":["insufficient_evidence",["activities.labour_intermediation"]]},"id":"autonomy","status":"insufficient_evidence"},{"criteria":{"primacy.profit_distribution_limited":["insufficient_evidence",["profits.distributable","profits.dividends"]],"primacy.indivisible_reserves":["insufficient_evidence",["profits.distributable","profits.reserves_indivisible"]],"primacy.asset_lock":["insufficient_evidence",["assets.asset_lock","assets.dissolution_to"]],"primacy.return_on_capital_limited":["insufficient_evidence",["capital.return_capped","profits.distributable","profits.shares_listed"]],"primacy.no_venture_terms":["insufficient_evidence",["capital.venture_terms"]],"primacy.pay_equity":["insufficient_evidence",["pay.lowest_fte","pay.minimum_wage_annual","pay.top"]]},"id":"primacy_of_people","status":"insufficient_evidence"}],"red_flags":[],"unchecked_flags":{"capital_voting":["governance.stakeholder_bodies","governance.voting_rule"],"no_asset_lock":["assets.asset_lock","assets.asset_lock_removable_by_simple_majority","assets.dissolution_to","legal_form"],"dividends_over_half":["profits.dividends"],"venture_terms":["capital.venture_terms","legal_form"],"founder_control":["control.founder_family_share"],"for_profit_parent_control":["control.for_profit_share"],"public_body_control":["control.public_body_share"],"pay_ratio_excess":["pay.lowest_fte","pay.minimum_wage_annual","pay.top"],"volunteers_replacing_staff":["legal_form","workforce.paid_workers","workforce.volunteers"],"labour_intermediation":["activities.labour_intermediation","legal_form"],"shell_subsidiary":["governance.own_governing_body"],"listed_or_uncapped_return":["capital.return_capped","legal_form","profits.distributable","profits.shares_listed"],"no_general_assembly_or_accounts":["governance.general_assemblies_per_year","legal_form","reporting.accounts_filed","reporting.social_report"],"closed_membership":["legal_form","membership.open"]},"verdict":"insufficient_evidence","version":"1.0.0"}');
INSERT INTO ecosol_v15.assessments VALUES ('asm-066185d98bf81d5b7b767a', 'v15-30-r035517', 'un-ilo', '1.0.0', 1, 'insufficient_evidence', '2026-11-30T22:22:48Z', 'cli:uid-0', 0, '{"framework":"un-ilo","options":[],"principles":[{"criteria":{"purpose.collective_or_general_interest":["insufficient_evidence",["purpose.social"]]},"id":"general_interest","status":"insufficient_evidence"},{"criteria":{"membership.voluntary":["insufficient_evidence",["membership.voluntary"]],"membership.open":["insufficient_evidence",["membership.open"]],"foundation.voluntary_participation":["insufficient_evidence",["governance.stakeholder_bodies","workforce.volunteers"]]},"id":"voluntary_cooperation","status":"insufficient_evidence"},{"criteria":{"democratic.member_vote":["insufficient_evidence",["governance.stakeholder_bodies","governance.voting_rule"]],"democratic.no_dominant_member":["insufficient_evidence",["governance.max_member_vote_share"]],"democratic.investors_minority":["insufficient_evidence",["governance.investor_vote_share"]],"democratic.colleges_balanced":"not_applicable","foundation.stakeholder_voice":["insufficient_evidence",["governance.stakeholder_bodies"]],"democratic.general_assembly":["insufficient_evidence",["governance.general_assemblies_per_year"]],"democratic.accounts_approved":["insufficient_evidence",["reporting.accounts_filed"]]},"id":"democratic_governance","status":"insufficient_evidence"},{"criteria":{"autonomy.no_public_body_control":["insufficient_evidence",["control.public_body_share"]],"autonomy.no_for_profit_control":["insufficient_evidence",["control.for_profit_share"]],"autonomy.no_founder_control":["insufficient_evidence",["control.founder_family_share"]],"autonomy.board_not_appointed_from_outside":["insufficient_evidence",["control.external_board_appointment"]],"autonomy.no_political_or_religious_control":["insufficient_evidence",["control.political_or_religious_control"]],"autonomy.own_governing_body":["insufficient_evidence",["governance.own_governing_body"]],"autonomy.not_labour_intermediation":["insufficient_evidence",["activities.labour_intermediation"]]},"id":"autonomy","status":"insufficient_evidence"},{"criteria":{"primacy.profit_distribution_limited":["insufficient_evidence",["profits.distributable","profits.dividends"]],"primacy.indivisible_reserves":["insufficient_evidence",["profits.distributable","profits.reserves_indivisible"]],"primacy.asset_lock":["insufficient_evidence",["assets.asset_lock","assets.dissolution_to"]],"primacy.return_on_capital_limited":["insufficient_evidence",["capital.return_capped","profits.distributable","profits.shares_listed"]],"primacy.no_venture_terms":["insufficient_evidence",["capital.venture_terms"]],"primacy.pay_equity":["insufficient_evidence",["pay.lowest_fte","pay.minimum_wage_annual","pay.top"]]},"id":"primacy_of_people","status":"insufficient_evidence"}],"red_flags":[],"unchecked_flags":{"capital_voting":["governance.stakeholder_bodies","governance.voting_rule"],"no_asset_lock":["assets.asset_lock","assets.asset_lock_removable_by_simple_majority","assets.dissolution_to","legal_form"],"dividends_over_half":["profits.dividends"],"venture_terms":["capital.venture_terms","legal_form"],"founder_control":["control.founder_family_share"],"for_profit_parent_control":["control.for_profit_share"],"public_body_control":["control.public_body_share"],"pay_ratio_excess":["pay.lowest_fte","pay.minimum_wage_annual","pay.top"],"volunteers_replacing_staff":["legal_form","workforce.paid_workers","workforce.volunteers"],"labour_intermediation":["activities.labour_intermediation","legal_form"],"shell_subsidiary":["governance.own_governing_body"],"listed_or_uncapped_return":["capital.return_capped","legal_form","profits.distributable","profits.shares_listed"],"no_general_assembly_or_accounts":["governance.general_assemblies_per_year","legal_form","reporting.accounts_filed","reporting.social_report"],"closed_membership":["legal_form","membership.open"]},"verdict":"insufficient_evidence","version":"1.0.0"}');


--
-- Data for Name: audit_head; Type: TABLE DATA; Schema: ecosol_v15; Owner: -
--

INSERT INTO ecosol_v15.audit_head VALUES (1, 4, 'b4eb16ee045b9b28ddd8626e30840fce29547b0e57a6c0b393b6d40bb452eca7');


--
-- Data for Name: audit_log; Type: TABLE DATA; Schema: ecosol_v15; Owner: -
--

INSERT INTO ecosol_v15.audit_log VALUES (1, '2026-11-30T22:22:45Z', 'cli:uid-0', 'local', 'actors.create', 'registry', 'v15-30', '', '{"created":[["v15-30-r006884","cf2577d5659e41691afcea5155b00ee82e9bd50ed05340ca31562d1150b3640d"],["v15-30-r007634","a5dbea0fb993d49a7507aa4972cf9e0d614f828f30169d6d5436d817cc389676"],["v15-30-r006886","6485966a4ac0c866579496b7c66c882a3968efa1a33c79285754a0d19fcaa95c"],["v15-30-r006861","a6b22357718f8a59fcafba70446c45b3634d720a9f6f4c4f1f823b95f7bfde9b"],["v15-30-r021141","e82c893e43455560dc79036f88e26a7fb86468c14fb47e696c2aec56120ce5b9"],["v15-30-r031209","e3d50ea91ab626dafbeedaa46726d9b2ca3f336d0ddec09ea2f0c30e2359c4b2"],["v15-30-r014981","060ee31b2b40be9b91c6b179ea4685e67c06e4c8db1109b68501d47210b8195f"],["v15-30-r007639","57f3db0ff04fa83a80fbde79f5b7a2d0f3c45376338c6a018ed2d4aa7f302c7e"],["v15-30-r007641","ba6d9506cea394d436a720f8b7b8b6b307f23cbee43af3693b8738add485bbae"],["v15-30-r007804","ebbfea2aad6e88dcc836b461a8695ce16e8e1b4ace95fdbef29e228b238c6d10"],["v15-30-r035517","686373e6df32a01e56c28a47651f656db6a37a044458acef761b8cf4cac6b321"],["v15-30-r007642","a04e6130a6f9a51a3092b484d2bbeffcb8387763a7aacf97f044e81052e714fe"],["v15-30-r007805","6fae7d4c7d7eae5afb3f92055c83d4cec72307ae69f34a7bafd166bbb3764cf9"],["v15-30-r007806","1bd081f1bd6d4d1dd47bfc00f2b71c0e44f63a4c403f541382a0fee25b6b9f30"],["v15-30-r007807","a6dcad070313de43b7ceda1e3d14950f13b0aecadef8444b036723b369176f1e"],["v15-30-r007808","b870e3c78aaea77226c6b9fa74941693d778407570e5f1ce2b676a507e5956ed"],["v15-30-r032635","846590d10a64654ddfa88ed13ec8c258a8b495bb87d813805aee873c20f7ba63"],["v15-30-r000572","efca172a740bd024af8a1b8580dc93a3298acd4104f8d26c91a2fa2a2f34ee8c"],["v15-30-r007651","a67a5d3489b2aa30cd101d7f1070d180e507e4b8c75f61bb42e9b3437097d207"],["v15-30-r022441","4e847567188b4c2cfcd62965ade99f617739f62e15a85225ed8ae1c5e67eb077"],["v15-30-r000574","fbfab749cbf810ca29b1baca475f5f609120d4008c83d6c83fcd4fd7135918ec"],["v15-30-r007653","5108b65b7deff586c6d3fcab5f9faddbc77f5a207a6fa3451d760027a58bbd25"],["v15-30-r035438","14f3cacd10c81a53bc0b93eac9c49c9e0816c44c0b4eb08275a27d00008d3710"],["v15-30-r008130","5a22a6793aa4d0225ba1f1a523e8f51a4de86c0af755532257a938d21a454f15"],["v15-30-r008131","e0b322b5146c0a1069dc3f3547702c514036934d381d4cd200213a47e8b070dd"],["v15-30-r007818","ee6a60fdeaddceb9823180c6caf5fbf1ce127bac3e0e1bbb345ad31eafc624fe"],["v15-30-r008133","ce56b20d4d2e0ae6354604a7f1b7edb823e0c394dbe37740afa05a69a9c96ebc"],["v15-30-r007821","12d845bd24bdf20451546b45fa96133411c108482cbf5cfee19484e60062f23f"],["v15-30-r035443","61518b01145f6e8319741fe6c4423e8f04b907e84130c84213689e36f626f2b6"],["v15-30-r008135","d423a1a952b3a16c0c27e537df4cc9dd4e23889b63fac73cdde870c0af094903"]],"source":"v15-30"}', '0000000000000000000000000000000000000000000000000000000000000000', 'dd88aa78037aadc90ee2f3d5bf5292401e17cf57656b6925270ca4d4b834079e');
INSERT INTO ecosol_v15.audit_log VALUES (2, '2026-11-30T22:22:45Z', 'cli:uid-0', 'local', 'import', 'registry', 'v15-30', '', '{"imported":30,"rejected":0,"source":"v15-30","unchanged":0,"updated":0}', 'dd88aa78037aadc90ee2f3d5bf5292401e17cf57656b6925270ca4d4b834079e', 'd3c3284fac2f58a5e41992dcc3f35528273d8ffaefdd295bb464b448132db425');
INSERT INTO ecosol_v15.audit_log VALUES (3, '2026-11-30T22:22:45Z', 'cli:uid-0', 'local', 'user.create', 'user', 'usr-ce07bd71dfd5b7b5', '', '{"disabled":false,"email":"old@example.org","id":"usr-ce07bd71dfd5b7b5","name":"Old release"}', 'd3c3284fac2f58a5e41992dcc3f35528273d8ffaefdd295bb464b448132db425', 'ca8d28f0af1a982c48ed7b2dfc18d3dcc4f6a978de90b7c8fb4532e4ba54466f');
INSERT INTO ecosol_v15.audit_log VALUES (4, '2026-11-30T22:22:45Z', 'cli:uid-0', 'local', 'user.grant', 'user', 'usr-ce07bd71dfd5b7b5', '', '{"role":"admin","scope":""}', 'ca8d28f0af1a982c48ed7b2dfc18d3dcc4f6a978de90b7c8fb4532e4ba54466f', 'b4eb16ee045b9b28ddd8626e30840fce29547b0e57a6c0b393b6d40bb452eca7');


--
-- Data for Name: ballot_box; Type: TABLE DATA; Schema: ecosol_v15; Owner: -
--



--
-- Data for Name: case_facets; Type: TABLE DATA; Schema: ecosol_v15; Owner: -
--



--
-- Data for Name: case_index; Type: TABLE DATA; Schema: ecosol_v15; Owner: -
--



--
-- Data for Name: case_reviews; Type: TABLE DATA; Schema: ecosol_v15; Owner: -
--



--
-- Data for Name: case_transfers; Type: TABLE DATA; Schema: ecosol_v15; Owner: -
--



--
-- Data for Name: case_versions; Type: TABLE DATA; Schema: ecosol_v15; Owner: -
--



--
-- Data for Name: case_watches; Type: TABLE DATA; Schema: ecosol_v15; Owner: -
--



--
-- Data for Name: cases; Type: TABLE DATA; Schema: ecosol_v15; Owner: -
--



--
-- Data for Name: decision_log; Type: TABLE DATA; Schema: ecosol_v15; Owner: -
--



--
-- Data for Name: decision_log_heads; Type: TABLE DATA; Schema: ecosol_v15; Owner: -
--



--
-- Data for Name: dedup_decisions; Type: TABLE DATA; Schema: ecosol_v15; Owner: -
--



--
-- Data for Name: finance_heads; Type: TABLE DATA; Schema: ecosol_v15; Owner: -
--



--
-- Data for Name: finance_records; Type: TABLE DATA; Schema: ecosol_v15; Owner: -
--



--
-- Data for Name: indicators; Type: TABLE DATA; Schema: ecosol_v15; Owner: -
--



--
-- Data for Name: jobs; Type: TABLE DATA; Schema: ecosol_v15; Owner: -
--

INSERT INTO ecosol_v15.jobs VALUES ('job-old-running', 'screening', 'running', '{"all":true}', 10, 30, '2026-11-29T10:00:00Z', '2026-11-29T10:00:05Z', 'user:old', '', '');
INSERT INTO ecosol_v15.jobs VALUES ('job-old-done', 'screening', 'done', '{"all":true}', 30, 30, '2026-11-29T09:00:00Z', '2026-11-29T09:00:09Z', 'user:old', '', '');


--
-- Data for Name: knowledge_state; Type: TABLE DATA; Schema: ecosol_v15; Owner: -
--

INSERT INTO ecosol_v15.knowledge_state VALUES (1, 0);


--
-- Data for Name: latest_verdicts; Type: TABLE DATA; Schema: ecosol_v15; Owner: -
--

INSERT INTO ecosol_v15.latest_verdicts VALUES ('v15-30-r000572', 'un-ilo', 'insufficient_evidence');
INSERT INTO ecosol_v15.latest_verdicts VALUES ('v15-30-r000574', 'un-ilo', 'insufficient_evidence');
INSERT INTO ecosol_v15.latest_verdicts VALUES ('v15-30-r006861', 'un-ilo', 'insufficient_evidence');
INSERT INTO ecosol_v15.latest_verdicts VALUES ('v15-30-r006884', 'un-ilo', 'insufficient_evidence');
INSERT INTO ecosol_v15.latest_verdicts VALUES ('v15-30-r006886', 'un-ilo', 'insufficient_evidence');
INSERT INTO ecosol_v15.latest_verdicts VALUES ('v15-30-r007634', 'un-ilo', 'insufficient_evidence');
INSERT INTO ecosol_v15.latest_verdicts VALUES ('v15-30-r007639', 'un-ilo', 'insufficient_evidence');
INSERT INTO ecosol_v15.latest_verdicts VALUES ('v15-30-r007641', 'un-ilo', 'insufficient_evidence');
INSERT INTO ecosol_v15.latest_verdicts VALUES ('v15-30-r007642', 'un-ilo', 'insufficient_evidence');
INSERT INTO ecosol_v15.latest_verdicts VALUES ('v15-30-r007651', 'un-ilo', 'insufficient_evidence');
INSERT INTO ecosol_v15.latest_verdicts VALUES ('v15-30-r007653', 'un-ilo', 'insufficient_evidence');
INSERT INTO ecosol_v15.latest_verdicts VALUES ('v15-30-r007804', 'un-ilo', 'insufficient_evidence');
INSERT INTO ecosol_v15.latest_verdicts VALUES ('v15-30-r007805', 'un-ilo', 'insufficient_evidence');
INSERT INTO ecosol_v15.latest_verdicts VALUES ('v15-30-r007806', 'un-ilo', 'insufficient_evidence');
INSERT INTO ecosol_v15.latest_verdicts VALUES ('v15-30-r007807', 'un-ilo', 'insufficient_evidence');
INSERT INTO ecosol_v15.latest_verdicts VALUES ('v15-30-r007808', 'un-ilo', 'insufficient_evidence');
INSERT INTO ecosol_v15.latest_verdicts VALUES ('v15-30-r007818', 'un-ilo', 'insufficient_evidence');
INSERT INTO ecosol_v15.latest_verdicts VALUES ('v15-30-r007821', 'un-ilo', 'insufficient_evidence');
INSERT INTO ecosol_v15.latest_verdicts VALUES ('v15-30-r008130', 'un-ilo', 'insufficient_evidence');
INSERT INTO ecosol_v15.latest_verdicts VALUES ('v15-30-r008131', 'un-ilo', 'insufficient_evidence');
INSERT INTO ecosol_v15.latest_verdicts VALUES ('v15-30-r008133', 'un-ilo', 'insufficient_evidence');
INSERT INTO ecosol_v15.latest_verdicts VALUES ('v15-30-r008135', 'un-ilo', 'insufficient_evidence');
INSERT INTO ecosol_v15.latest_verdicts VALUES ('v15-30-r014981', 'un-ilo', 'insufficient_evidence');
INSERT INTO ecosol_v15.latest_verdicts VALUES ('v15-30-r021141', 'un-ilo', 'insufficient_evidence');
INSERT INTO ecosol_v15.latest_verdicts VALUES ('v15-30-r022441', 'un-ilo', 'insufficient_evidence');
INSERT INTO ecosol_v15.latest_verdicts VALUES ('v15-30-r031209', 'un-ilo', 'insufficient_evidence');
INSERT INTO ecosol_v15.latest_verdicts VALUES ('v15-30-r032635', 'un-ilo', 'insufficient_evidence');
INSERT INTO ecosol_v15.latest_verdicts VALUES ('v15-30-r035438', 'un-ilo', 'insufficient_evidence');
INSERT INTO ecosol_v15.latest_verdicts VALUES ('v15-30-r035443', 'un-ilo', 'insufficient_evidence');
INSERT INTO ecosol_v15.latest_verdicts VALUES ('v15-30-r035517', 'un-ilo', 'insufficient_evidence');


--
-- Data for Name: merge_members; Type: TABLE DATA; Schema: ecosol_v15; Owner: -
--



--
-- Data for Name: merges; Type: TABLE DATA; Schema: ecosol_v15; Owner: -
--



--
-- Data for Name: offer_want_versions; Type: TABLE DATA; Schema: ecosol_v15; Owner: -
--



--
-- Data for Name: offers_wants; Type: TABLE DATA; Schema: ecosol_v15; Owner: -
--



--
-- Data for Name: participation_heads; Type: TABLE DATA; Schema: ecosol_v15; Owner: -
--



--
-- Data for Name: participation_records; Type: TABLE DATA; Schema: ecosol_v15; Owner: -
--



--
-- Data for Name: perception_assessments; Type: TABLE DATA; Schema: ecosol_v15; Owner: -
--



--
-- Data for Name: registry_state; Type: TABLE DATA; Schema: ecosol_v15; Owner: -
--

INSERT INTO ecosol_v15.registry_state VALUES (1, 2);


--
-- Data for Name: relationship_versions; Type: TABLE DATA; Schema: ecosol_v15; Owner: -
--



--
-- Data for Name: relationships; Type: TABLE DATA; Schema: ecosol_v15; Owner: -
--



--
-- Data for Name: role_grants; Type: TABLE DATA; Schema: ecosol_v15; Owner: -
--

INSERT INTO ecosol_v15.role_grants VALUES ('usr-ce07bd71dfd5b7b5', 'admin', '', '2026-11-30T22:22:45Z', 'cli:uid-0');


--
-- Data for Name: schema_migrations; Type: TABLE DATA; Schema: ecosol_v15; Owner: -
--

INSERT INTO ecosol_v15.schema_migrations VALUES (1, '2026-11-30T22:22:45Z');
INSERT INTO ecosol_v15.schema_migrations VALUES (2, '2026-11-30T22:22:45Z');
INSERT INTO ecosol_v15.schema_migrations VALUES (3, '2026-11-30T22:22:45Z');
INSERT INTO ecosol_v15.schema_migrations VALUES (4, '2026-11-30T22:22:45Z');
INSERT INTO ecosol_v15.schema_migrations VALUES (5, '2026-11-30T22:22:45Z');
INSERT INTO ecosol_v15.schema_migrations VALUES (6, '2026-11-30T22:22:45Z');
INSERT INTO ecosol_v15.schema_migrations VALUES (7, '2026-11-30T22:22:45Z');
INSERT INTO ecosol_v15.schema_migrations VALUES (8, '2026-11-30T22:22:45Z');
INSERT INTO ecosol_v15.schema_migrations VALUES (9, '2026-11-30T22:22:45Z');
INSERT INTO ecosol_v15.schema_migrations VALUES (10, '2026-11-30T22:22:45Z');
INSERT INTO ecosol_v15.schema_migrations VALUES (11, '2026-11-30T22:22:45Z');
INSERT INTO ecosol_v15.schema_migrations VALUES (12, '2026-11-30T22:22:45Z');
INSERT INTO ecosol_v15.schema_migrations VALUES (13, '2026-11-30T22:22:45Z');
INSERT INTO ecosol_v15.schema_migrations VALUES (14, '2026-11-30T22:22:45Z');
INSERT INTO ecosol_v15.schema_migrations VALUES (15, '2026-11-30T22:22:45Z');


--
-- Data for Name: sessions; Type: TABLE DATA; Schema: ecosol_v15; Owner: -
--



--
-- Data for Name: signin_events; Type: TABLE DATA; Schema: ecosol_v15; Owner: -
--



--
-- Data for Name: sources; Type: TABLE DATA; Schema: ecosol_v15; Owner: -
--



--
-- Data for Name: sync_peers; Type: TABLE DATA; Schema: ecosol_v15; Owner: -
--



--
-- Data for Name: terms; Type: TABLE DATA; Schema: ecosol_v15; Owner: -
--

INSERT INTO ecosol_v15.terms VALUES ('organisational-structure', 'OS10', '{"en":"Community group (formal or informal)","es":"Grupo comunitario (formal o informal)","fr":"Groupe communautaire (formel ou informel)","pt":"Grupo comunitário (formal ou informal)"}');
INSERT INTO ecosol_v15.terms VALUES ('organisational-structure', 'OS20', '{"en":"Not-for-profit organisation","es":"Organización sin fines de lucro","fr":"Organisation à but non lucratif","pt":"Organização sem fins lucrativos"}');
INSERT INTO ecosol_v15.terms VALUES ('organisational-structure', 'OS30', '{"en":"Social enterprise","es":"Empresa social","fr":"Entreprise sociale","pt":"Empresa social"}');
INSERT INTO ecosol_v15.terms VALUES ('organisational-structure', 'OS40', '{"en":"Charity","es":"Organización benéfica","fr":"Organisation caritative","pt":"Instituição de caridade"}');
INSERT INTO ecosol_v15.terms VALUES ('organisational-structure', 'OS50', '{"en":"Company (Other)","es":"Empresa (otra)","fr":"Entreprise (autre)","ko":"회사(기타)","pt":"Empresa (outra)"}');
INSERT INTO ecosol_v15.terms VALUES ('organisational-structure', 'OS60', '{"en":"Workers cooperative","es":"Cooperativas de trabajo","fr":"Coopératives de travail associé","ko":"노동자","pt":"Cooperativa de trabalho"}');
INSERT INTO ecosol_v15.terms VALUES ('organisational-structure', 'OS70', '{"en":"Housing cooperative","es":"Cooperativa de vivienda","fr":"Coopérative d''habitation","pt":"Cooperativa de habitação"}');
INSERT INTO ecosol_v15.terms VALUES ('organisational-structure', 'OS80', '{"en":"Consumer/User coops","es":"Cooperativas de consumo","fr":"Coopératives de consommateurs","pt":"Cooperativa de consumidores/usuários"}');
INSERT INTO ecosol_v15.terms VALUES ('organisational-structure', 'OS90', '{"en":"Producer cooperative","es":"Cooperativas de productores","fr":"Coopératives de producteurs","ko":"생산자","pt":"Cooperativa de produtores"}');
INSERT INTO ecosol_v15.terms VALUES ('organisational-structure', 'OS100', '{"en":"Multi-stakeholder cooperative","es":"Cooperativas de múltiples partes interesadas","fr":"Coopératives d''intérêt collectif","ko":"다중이해관계자","pt":"Cooperativa de múltiplas partes interessadas"}');
INSERT INTO ecosol_v15.terms VALUES ('organisational-structure', 'OS110', '{"en":"Secondary cooperative","es":"Cooperativa de segundo grado","fr":"Coopérative de second degré","pt":"Cooperativa de segundo grau"}');
INSERT INTO ecosol_v15.terms VALUES ('organisational-structure', 'OS115', '{"en":"Cooperative","es":"Cooperativa","fr":"Coopérative","ko":"협동조합","pt":"Cooperativa"}');
INSERT INTO ecosol_v15.terms VALUES ('organisational-structure', 'OS120', '{"en":"Community Interest Company (CIC)","es":"Compañía de interés comunitario (CIC, Reino Unido)","fr":"Société d''intérêt communautaire (CIC, Royaume-Uni)","pt":"Empresa de interesse comunitário (CIC, Reino Unido)"}');
INSERT INTO ecosol_v15.terms VALUES ('organisational-structure', 'OS130', '{"en":"Community Benefit Society / Industrial and Provident Society (IPS)","es":"Sociedad de beneficio comunitario / Industrial and Provident Society (IPS, Reino Unido)","fr":"Société d''utilité communautaire / Industrial and Provident Society (IPS, Royaume-Uni)","pt":"Sociedade de benefício comunitário / Industrial and Provident Society (IPS, Reino Unido)"}');
INSERT INTO ecosol_v15.terms VALUES ('organisational-structure', 'OS140', '{"en":"Employee trust","es":"Fideicomiso de propiedad de los trabajadores","fr":"Fiducie d''actionnariat salarié","pt":"Fundo fiduciário de propriedade dos trabalhadores"}');
INSERT INTO ecosol_v15.terms VALUES ('organisational-structure', 'OS150', '{"en":"Self-employed","es":"Trabajador por cuenta propia","fr":"Travailleur indépendant","pt":"Trabalhador por conta própria"}');
INSERT INTO ecosol_v15.terms VALUES ('organisational-structure', 'OS160', '{"en":"Unincorporated","es":"Sin personalidad jurídica","fr":"Sans personnalité juridique","pt":"Sem personalidade jurídica"}');
INSERT INTO ecosol_v15.terms VALUES ('organisational-structure', 'OS170', '{"en":"Mutual","es":"Mutual","fr":"Mutuelle","ko":"상호회사","pt":"Associação mutualista"}');
INSERT INTO ecosol_v15.terms VALUES ('organisational-structure', 'OS180', '{"en":"National apex","es":"Organismo federativo nacional","fr":"Organisation faîtière nationale","ko":"국가 정상","pt":"Organização nacional de cúpula"}');
INSERT INTO ecosol_v15.terms VALUES ('organisational-structure', 'OS190', '{"en":"National sectoral federation or union","es":"Sindicato o federación nacional sectorial","fr":"Union ou fédération nationale sectorielle","ko":"국가 차원의 연맹 및 노동조합","pt":"Federação ou união setorial nacional"}');
INSERT INTO ecosol_v15.terms VALUES ('organisational-structure', 'OS200', '{"en":"Regional, state or provincial level federation or union","es":"Federación o unión sectorial, estatal o regional","fr":"Union ou fédération régionale, nationale ou infranationale","ko":"지역, 주, 지자체 수준의 연맹 및 노동조합","pt":"Federação ou união regional, estadual ou provincial"}');
INSERT INTO ecosol_v15.terms VALUES ('organisational-structure', 'OS210', '{"en":"Cooperative group","es":"Grupo cooperativo","fr":"Groupe coopératif","ko":"협동조합 그룹","pt":"Grupo cooperativo"}');
INSERT INTO ecosol_v15.terms VALUES ('organisational-structure', 'OS220', '{"en":"Government agency/body","es":"Entidad gubernamental","fr":"Agence/autorité gouvernementale","ko":"정부기관","pt":"Agência/órgão governamental"}');
INSERT INTO ecosol_v15.terms VALUES ('organisational-structure', 'OS230', '{"en":"Supranational","es":"Organización supranacional","fr":"Organisation supranationale","ko":"국제조직","pt":"Organização supranacional"}');
INSERT INTO ecosol_v15.terms VALUES ('organisational-structure', 'OS240', '{"en":"Cooperative of cooperatives / mutuals","es":"Cooperativa de cooperativas/mutuales","fr":"Coopérative de coopératives/mutuelles","ko":"협동조합간 협동","pt":"Cooperativa de cooperativas/mútuas"}');
INSERT INTO ecosol_v15.terms VALUES ('activities-ica', 'ICA10', '{"en":"Agriculture","es":"Agricultura","fr":"Agriculture","ko":"농업","pt":"Agricultura"}');
INSERT INTO ecosol_v15.terms VALUES ('activities-ica', 'ICA20', '{"en":"Dairy","es":"Industria lechera","fr":"Industrie laitière","ko":"축산업","pt":"Indústria de laticínios"}');
INSERT INTO ecosol_v15.terms VALUES ('activities-ica', 'ICA30', '{"en":"Forestry","es":"Silvicultura","fr":"Foresterie","ko":"임업","pt":"Silvicultura"}');
INSERT INTO ecosol_v15.terms VALUES ('activities-ica', 'ICA40', '{"en":"Irrigation","es":"Riego","fr":"Irrigation","ko":"관개사업","pt":"Irrigação"}');
INSERT INTO ecosol_v15.terms VALUES ('activities-ica', 'ICA50', '{"en":"Fishing","es":"Pesca","fr":"Pêche","ko":"어업","pt":"Pesca"}');
INSERT INTO ecosol_v15.terms VALUES ('activities-ica', 'ICA60', '{"en":"Artisans","es":"Artesanía","fr":"Artisanat","ko":"수공업","pt":"Artesanato"}');
INSERT INTO ecosol_v15.terms VALUES ('activities-ica', 'ICA70', '{"en":"Construction","es":"Construcción","fr":"Construction","ko":"건설업","pt":"Construção"}');
INSERT INTO ecosol_v15.terms VALUES ('activities-ica', 'ICA80', '{"en":"Industry","es":"Industria","fr":"Industrie","ko":"산업","pt":"Indústria"}');
INSERT INTO ecosol_v15.terms VALUES ('activities-ica', 'ICA90', '{"en":"Manufacturing","es":"Fabricación","fr":"Industrie manufacturière","ko":"제조업","pt":"Indústria manufatureira"}');
INSERT INTO ecosol_v15.terms VALUES ('activities-ica', 'ICA100', '{"en":"Mining","es":"Minería","fr":"Exploitation minière","ko":"공업","pt":"Mineração"}');
INSERT INTO ecosol_v15.terms VALUES ('activities-ica', 'ICA110', '{"en":"Professional","es":"Actividades profesionales","fr":"Cadres et professions libérales","ko":"전문직","pt":"Atividades profissionais"}');
INSERT INTO ecosol_v15.terms VALUES ('activities-ica', 'ICA120', '{"en":"Service","es":"Servicios","fr":"Services","ko":"서비스업","pt":"Serviços"}');
INSERT INTO ecosol_v15.terms VALUES ('activities-ica', 'ICA130', '{"en":"Tourism","es":"Turismo","fr":"Tourisme","ko":"관광업","pt":"Turismo"}');
INSERT INTO ecosol_v15.terms VALUES ('activities-ica', 'ICA140', '{"en":"Financial Services","es":"Servicios financieros","fr":"Services financiers","ko":"금융 서비스업","pt":"Serviços financeiros"}');
INSERT INTO ecosol_v15.terms VALUES ('activities-ica', 'ICA150', '{"en":"Insurance","es":"Seguros","fr":"Assurance","ko":"보험","pt":"Seguros"}');
INSERT INTO ecosol_v15.terms VALUES ('activities-ica', 'ICA160', '{"en":"Education","es":"Educación","fr":"Éducation","ko":"교육","pt":"Educação"}');
INSERT INTO ecosol_v15.terms VALUES ('activities-ica', 'ICA170', '{"en":"Health","es":"Salud","fr":"Santé","ko":"보건","pt":"Saúde"}');
INSERT INTO ecosol_v15.terms VALUES ('activities-ica', 'ICA180', '{"en":"Community","es":"Servicios comunitarios","fr":"Action communautaire","ko":"공동체","pt":"Serviços comunitários"}');
INSERT INTO ecosol_v15.terms VALUES ('activities-ica', 'ICA190', '{"en":"Social","es":"Acción social","fr":"Action sociale","ko":"사회","pt":"Ação social"}');
INSERT INTO ecosol_v15.terms VALUES ('activities-ica', 'ICA200', '{"en":"Social Service","es":"Servicios sociales","fr":"Services sociaux","ko":"사회 서비스업","pt":"Serviços sociais"}');
INSERT INTO ecosol_v15.terms VALUES ('activities-ica', 'ICA210', '{"en":"Housing","es":"Vivienda","fr":"Logement","ko":"주택","pt":"Habitação"}');
INSERT INTO ecosol_v15.terms VALUES ('activities-ica', 'ICA220', '{"en":"Transport","es":"Transporte","fr":"Transports","ko":"운송","pt":"Transporte"}');
INSERT INTO ecosol_v15.terms VALUES ('activities-ica', 'ICA230', '{"en":"Utilities","es":"Servicios públicos","fr":"Services publics","ko":"공공서비스","pt":"Serviços de utilidade pública"}');
INSERT INTO ecosol_v15.terms VALUES ('activities-ica', 'ICA240', '{"en":"Retail","es":"Comercio minorista","fr":"Grande distribution","ko":"소매","pt":"Comércio varejista"}');
INSERT INTO ecosol_v15.terms VALUES ('activities-ica', 'ICA250', '{"en":"Production","es":"Producción","fr":"Production","ko":"생산","pt":"Produção"}');
INSERT INTO ecosol_v15.terms VALUES ('activities-ica', 'ICA260', '{"en":"Wholesale and retail trade","es":"Comercio mayorista y minorista","fr":"Vente de gros et de détail","ko":"도매와 소매 거래","pt":"Comércio atacadista e varejista"}');
INSERT INTO ecosol_v15.terms VALUES ('activities-ica', 'ICA270', '{"en":"Education / health / social work","es":"Educación, salud y trabajo social","fr":"Éducation / Santé / Travail social","ko":"교육/보건/사회사업","pt":"Educação, saúde e trabalho social"}');
INSERT INTO ecosol_v15.terms VALUES ('activities-ica', 'ICA280', '{"en":"Other Services","es":"Otros servicios","fr":"Autres services","ko":"기타 서비스","pt":"Outros serviços"}');
INSERT INTO ecosol_v15.terms VALUES ('activities-ica', 'ICA290', '{"en":"All (Services)","es":"Todos los servicios","fr":"Tous (services)","ko":"모든(서비스)","pt":"Todos os serviços"}');
INSERT INTO ecosol_v15.terms VALUES ('base-membership-type', 'BMT10', '{"en":"Consumer/Users","es":"de consumo/usuarios","fr":"Consommateurs/usagers","ko":"소비자/사용자","pt":"Consumidores/usuários"}');
INSERT INTO ecosol_v15.terms VALUES ('base-membership-type', 'BMT20', '{"en":"Producers","es":"de productores","fr":"Producteurs","ko":"생산자","pt":"Produtores"}');
INSERT INTO ecosol_v15.terms VALUES ('base-membership-type', 'BMT30', '{"en":"Workers","es":"de trabajadores","fr":"Travailleurs","ko":"노동자","pt":"Trabalhadores"}');
INSERT INTO ecosol_v15.terms VALUES ('base-membership-type', 'BMT40', '{"en":"Multi-stakeholders","es":"de múltiples partes interesadas","fr":"Intérêt collectif","ko":"다중이해관계자","pt":"Múltiplas partes interessadas"}');
INSERT INTO ecosol_v15.terms VALUES ('base-membership-type', 'BMT50', '{"en":"Residents","es":"de residentes","fr":"Résidents","ko":"거주자","pt":"Residentes"}');
INSERT INTO ecosol_v15.terms VALUES ('base-membership-type', 'BMT60', '{"en":"Others","es":"Otros","fr":"Autres","ko":"기타","pt":"Outros"}');
INSERT INTO ecosol_v15.terms VALUES ('qualifiers', 'Agroecological', '{"en":"Agroecological","es":"Agroecológico","fr":"Agroécologique","pt":"Agroecológico"}');
INSERT INTO ecosol_v15.terms VALUES ('qualifiers', 'Agroextrativism', '{"en":"Agroextrativism","es":"Agroextractivismo","fr":"Agro-extractivisme","pt":"Agroextrativismo"}');
INSERT INTO ecosol_v15.terms VALUES ('qualifiers', 'Animalwelfare', '{"en":"Animal Welfare","es":"Bienestar animal","fr":"Bien-être animal","pt":"Bem-estar animal"}');
INSERT INTO ecosol_v15.terms VALUES ('qualifiers', 'Fairtrade', '{"en":"Fair trade","es":"Comercio justo","fr":"Commerce équitable","pt":"Comércio justo"}');
INSERT INTO ecosol_v15.terms VALUES ('qualifiers', 'FreeCulture', '{"en":"Free Culture","es":"Cultura libre","fr":"Culture libre","pt":"Cultura livre"}');
INSERT INTO ecosol_v15.terms VALUES ('qualifiers', 'FreeKnowledgeorSoftware', '{"en":"Free Knowledge or Software","es":"Conocimiento o software libre","fr":"Savoirs ou logiciels libres","pt":"Conhecimento ou software livre"}');
INSERT INTO ecosol_v15.terms VALUES ('qualifiers', 'FromOriginalorIndigenousPeople', '{"en":"From Original or Indigenous People","es":"De pueblos originarios o indígenas","fr":"Issu des peuples autochtones ou originaires","pt":"De povos originários ou indígenas"}');
INSERT INTO ecosol_v15.terms VALUES ('qualifiers', 'LocalorFromCommunity', '{"en":"Local or From Community","es":"Local o comunitario","fr":"Local ou communautaire","pt":"Local ou comunitário"}');
INSERT INTO ecosol_v15.terms VALUES ('qualifiers', 'Madefromrecycledorrecoveredmaterial', '{"en":"Made from Recycled or Recovered Material","es":"Elaborado con materiales reciclados o recuperados","fr":"Fabriqué à partir de matériaux recyclés ou récupérés","pt":"Feito com materiais reciclados ou reaproveitados"}');
INSERT INTO ecosol_v15.terms VALUES ('qualifiers', 'Naturalcosmeticsandherbalmedicines', '{"en":"Natural Cosmetics and Herbal Medicines","es":"Cosmética natural y medicina herbolaria","fr":"Cosmétiques naturels et phytothérapie","pt":"Cosméticos naturais e fitoterápicos"}');
INSERT INTO ecosol_v15.terms VALUES ('qualifiers', 'Organic', '{"en":"Organic","es":"Orgánico","fr":"Biologique","pt":"Orgânico"}');
INSERT INTO ecosol_v15.terms VALUES ('qualifiers', 'PeasantorFamilyAgriculture', '{"en":"Peasant or Family Agriculture","es":"Agricultura campesina o familiar","fr":"Agriculture paysanne ou familiale","pt":"Agricultura camponesa ou familiar"}');
INSERT INTO ecosol_v15.terms VALUES ('qualifiers', 'Selfmanagement', '{"en":"Self-management","es":"Autogestión","fr":"Autogestion","pt":"Autogestão"}');
INSERT INTO ecosol_v15.terms VALUES ('qualifiers', 'Socialinsertioninitiatives', '{"en":"Social insertion initiatives","es":"Iniciativas de inserción sociolaboral","fr":"Insertion par l''activité économique","pt":"Iniciativas de inserção socioprofissional"}');
INSERT INTO ecosol_v15.terms VALUES ('qualifiers', 'q01', '{"en":"Ecologically or Environmentally Sustainable","es":"Ecológica o ambientalmente sostenible","fr":"Écologiquement ou environnementalement durable","pt":"Ecológica ou ambientalmente sustentável"}');
INSERT INTO ecosol_v15.terms VALUES ('qualifiers', 'q02', '{"en":"Democratic and decent working conditions","es":"Condiciones de trabajo democráticas y dignas","fr":"Conditions de travail démocratiques et décentes","pt":"Condições de trabalho democráticas e dignas"}');
INSERT INTO ecosol_v15.terms VALUES ('qualifiers', 'q03', '{"en":"Socially fair","es":"Socialmente justo","fr":"Socialement juste","pt":"Socialmente justo"}');
INSERT INTO ecosol_v15.terms VALUES ('qualifiers', 'q04', '{"en":"Economically democratic and sovereign","es":"Económicamente democrático y soberano","fr":"Économiquement démocratique et souverain","pt":"Economicamente democrático e soberano"}');
INSERT INTO ecosol_v15.terms VALUES ('qualifiers', 'q05', '{"en":"Gender Equity","es":"Equidad de género","fr":"Égalité de genre","pt":"Equidade de gênero"}');
INSERT INTO ecosol_v15.terms VALUES ('qualifiers', 'q06', '{"en":"From original / indigenous people or traditional communities","es":"De pueblos originarios/indígenas o comunidades tradicionales","fr":"Issu des peuples autochtones ou des communautés traditionnelles","pt":"De povos originários/indígenas ou comunidades tradicionais"}');
INSERT INTO ecosol_v15.terms VALUES ('qualifiers', 'q07', '{"en":"Commons and free knowledge/free culture","es":"Bienes comunes y conocimiento libre/cultura libre","fr":"Biens communs et savoir libre/culture libre","pt":"Bens comuns e conhecimento livre/cultura livre"}');
INSERT INTO ecosol_v15.terms VALUES ('qualifiers', 'q08', '{"en":"Handicraft","es":"Artesanía","fr":"Artisanat","pt":"Artesanato"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'CG', '{"de":"Kongo","en":"Congo","es":"Congo","fr":"République du Congo","ko":"콩고","pt":"Congo","zh":"刚果"}');
INSERT INTO ecosol_v15.terms VALUES ('qualifiers', 'q09', '{"en":"Coop Promoter/Supporter","es":"Promotor o impulsor de cooperativas","fr":"Organisation de défense/de promotion des coopératives","ko":"협동조합 지원자","pt":"Promotor ou apoiador de cooperativas"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'AD', '{"de":"Andorra","en":"Andorra","es":"Andorra","fr":"Andorre","ko":"안도라","pt":"Andorra","zh":"安道尔"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'AE', '{"de":"Vereinigte Arabische Emirate","en":"United Arab Emirates","es":"Emiratos Árabes Unidos","fr":"Émirats arabes unis","ko":"아랍에미리트","pt":"Emirados Árabes Unidos","zh":"阿联酋"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'AF', '{"de":"Afghanistan","en":"Afghanistan","es":"Afganistán","fr":"Afghanistan","ko":"아프가니스탄","pt":"Afeganistão","zh":"阿富汗"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'AG', '{"de":"Antigua und Barbuda","en":"Antigua and Barbuda","es":"Antigua y Barbuda","fr":"Antigua-et-Barbuda","ko":"앤티가 바부다","pt":"Antígua e Barbuda","zh":"安提瓜和巴布达"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'AI', '{"de":"Anguilla","en":"Anguilla","es":"Anguila","fr":"Anguilla","ko":"앵귈라","pt":"Anguilla","zh":"安圭拉"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'AL', '{"de":"Albanien","en":"Albania","es":"Albania","fr":"Albanie","ko":"알바니아","pt":"Albânia","zh":"阿尔巴尼亚"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'AM', '{"de":"Armenien","en":"Armenia","es":"Armenia","fr":"Arménie","ko":"아르메니아","pt":"Arménia","zh":"亚美尼亚"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'AO', '{"de":"Angola","en":"Angola","es":"Angola","fr":"Angola","ko":"앙골라","pt":"Angola","zh":"安哥拉"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'AQ', '{"de":"Antarktis","en":"Antarctica","es":"Antártida","fr":"Antarctique","ko":"남극","pt":"Antártida","zh":"南极洲"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'AR', '{"de":"Argentinien","en":"Argentina","es":"Argentina","fr":"Argentine","ko":"아르헨티나","pt":"Argentina","zh":"阿根廷"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'AS', '{"de":"Amerikanisch-Samoa","en":"American Samoa","es":"Samoa Estadounidense","fr":"Samoa américaines","ko":"아메리칸사모아","pt":"Samoa Americana","zh":"美属萨摩亚"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'AT', '{"de":"Österreich","en":"Austria","es":"Austria","fr":"Autriche","ko":"오스트리아","pt":"Áustria","zh":"奥地利"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'AU', '{"de":"Australien","en":"Australia","es":"Australia","fr":"Australie","ko":"오스트레일리아","pt":"Austrália","zh":"澳大利亚"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'AW', '{"de":"Aruba","en":"Aruba","es":"Aruba","fr":"Aruba","ko":"아루바","pt":"Aruba","zh":"阿鲁巴"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'AX', '{"de":"Åland-Inseln","en":"Åland Islands","es":"Islas Äland","fr":"Åland, Îles","ko":"올란드 제도","pt":"Ilhas Alanda","zh":"奥兰群岛"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'AZ', '{"de":"Aserbaidschan","en":"Azerbaijan","es":"Azerbaiyán","fr":"Azerbaïdjan","ko":"아제르바이잔","pt":"Azerbaijão","zh":"阿塞拜疆"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'BA', '{"de":"Bosnien und Herzegowina","en":"Bosnia and Herzegovina","es":"Bosnia y Herzegovina","fr":"Bosnie-Herzégovine","ko":"보스니아 헤르체고비나","pt":"Bósnia e Herzegovina","zh":"波斯尼亚和黑塞哥维那"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'BB', '{"de":"Barbados","en":"Barbados","es":"Barbados","fr":"Barbade","ko":"바베이도스","pt":"Barbados","zh":"巴巴多斯"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'BD', '{"de":"Bangladesch","en":"Bangladesh","es":"Bangladés","fr":"Bangladesh","ko":"방글라데시","pt":"Bangladeche","zh":"孟加拉"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'BE', '{"de":"Belgien","en":"Belgium","es":"Bélgica","fr":"Belgique","ko":"벨기에","pt":"Bélgica","zh":"比利时"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'BF', '{"de":"Burkina Faso","en":"Burkina Faso","es":"Burquina Faso","fr":"Burkina Faso","ko":"부르키나파소","pt":"Burkina Faso","zh":"布基纳法索"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'BG', '{"de":"Bulgarien","en":"Bulgaria","es":"Bulgaria","fr":"Bulgarie","ko":"불가리아","pt":"Bulgária","zh":"保加利亚"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'BH', '{"de":"Bahrain","en":"Bahrain","es":"Baréin","fr":"Bahreïn","ko":"바레인","pt":"Barém","zh":"巴林"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'BI', '{"de":"Burundi","en":"Burundi","es":"Burundi","fr":"Burundi","ko":"부룬디","pt":"Burundi","zh":"布隆迪"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'BJ', '{"de":"Benin","en":"Benin","es":"Benín","fr":"Bénin","ko":"베냉","pt":"Benim","zh":"贝宁"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'BL', '{"de":"Saint-Barthélemy","en":"Saint Barthélemy","es":"San Bartolomé","fr":"Saint-Barthélemy","ko":"생바르텔레미","pt":"Saint Barthélemy","zh":"圣巴泰勒米岛"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'BM', '{"de":"Bermuda","en":"Bermuda","es":"Islas Bermudas","fr":"Bermudes","ko":"버뮤다","pt":"Bermudas","zh":"百慕大"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'BN', '{"de":"Brunei Darussalam","en":"Brunei Darussalam","es":"Brunei Darussalam","fr":"Brunéi Darussalam","ko":"브루나이 다루살람","pt":"Brunei","zh":"文莱"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'BO', '{"de":"Bolivien","en":"Bolivia","es":"Bolivia","fr":"Bolivie","ko":"볼리비아","pt":"Bolívia","zh":"波利维亚"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'BQ', '{"de":"Bonaire, Sint Eustatius und Saba","en":"Bonaire, Sint Eustatius and Saba","es":"Islas BES (Caribe Neerlandés)","fr":"Bonaire, Saint-Eustache et Saba","ko":"보네르, 신트외스타티위스, 사바 섬","pt":"Bonaire, Santo Eustáquio e Saba","zh":"博奈尔、圣尤斯特歇斯岛和萨巴"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'BR', '{"de":"Brasilien","en":"Brazil","es":"Brasil","fr":"Brésil","ko":"브라질","pt":"Brasil","zh":"巴西"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'BS', '{"de":"Bahamas","en":"Bahamas","es":"Bahamas","fr":"Bahamas","ko":"바하마","pt":"Bahamas","zh":"巴哈马"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'BT', '{"de":"Bhutan","en":"Bhutan","es":"Bután","fr":"Bhoutan","ko":"부탄","pt":"Butão","zh":"不丹"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'BV', '{"de":"Bouvet-Insel","en":"Bouvet Island","es":"Isla Bouvet","fr":"île Bouvet","ko":"부베 섬","pt":"Ilha Bouvet","zh":"布维群岛"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'BW', '{"de":"Botsuana","en":"Botswana","es":"Botsuana","fr":"Botswana","ko":"보츠와나","pt":"Botsuana","zh":"博兹瓦那"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'BY', '{"de":"Weißrussland","en":"Belarus","es":"Bielorrusia","fr":"Bélarus","ko":"벨라루스","pt":"Bielorússia","zh":"白俄罗斯"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'BZ', '{"de":"Belize","en":"Belize","es":"Belice","fr":"Belize","ko":"벨리즈","pt":"Belize","zh":"伯利兹"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'CA', '{"de":"Kanada","en":"Canada","es":"Canadá","fr":"Canada","ko":"캐나다","pt":"Canadá","zh":"加拿大"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'CC', '{"de":"Kokos-(Keeling-)Inseln","en":"Cocos (Keeling) Islands","es":"Islas Cocos (Keeling)","fr":"Cocos (Keeling), Îles","ko":"코코스 제도","pt":"Ilhas Cocos","zh":"科科斯群岛"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'CD', '{"de":"Demokratische Republik Kongo","en":"Congo, The Democratic Republic of the","es":"Congo, República Democrática del","fr":"République démocratique du Congo","ko":"콩고 민주 공화국","pt":"Congo, República Democrática do","zh":"刚果民主共和国"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'CF', '{"de":"Zentralafrikanische Republik","en":"Central African Republic","es":"República Centroafricana","fr":"République centrafricaine","ko":"중앙아프리카 공화국","pt":"República Centro-Africana","zh":"中非"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'CH', '{"de":"Schweiz","en":"Switzerland","es":"Suiza","fr":"Suisse","ko":"스위스","pt":"Suíça","zh":"瑞士"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'CI', '{"de":"Côte d''Ivoire","en":"Côte d''Ivoire","es":"Costa de Marfíl","fr":"Côte d''Ivoire","ko":"코트디부아르","pt":"Costa do Marfim","zh":"科特迪瓦"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'CK', '{"de":"Cookinseln","en":"Cook Islands","es":"Islas Cook","fr":"îles Cook","ko":"쿡 제도","pt":"Ilhas Cook","zh":"库克群岛"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'CL', '{"de":"Chile","en":"Chile","es":"Chile","fr":"Chili","ko":"칠레","pt":"Chile","zh":"智利"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'CM', '{"de":"Kamerun","en":"Cameroon","es":"Camerún","fr":"Cameroun","ko":"카메룬","pt":"Camarões","zh":"喀麦隆"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'CN', '{"de":"China","en":"China","es":"China","fr":"Chine","ko":"중국","pt":"China","zh":"中国"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'CO', '{"de":"Kolumbien","en":"Colombia","es":"Colombia","fr":"Colombie","ko":"콜롬비아","pt":"Colômbia","zh":"哥伦比亚"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'CR', '{"de":"Costa Rica","en":"Costa Rica","es":"Costa Rica","fr":"Costa Rica","ko":"코스타리카","pt":"Costa Rica","zh":"哥斯达黎加"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'CU', '{"de":"Kuba","en":"Cuba","es":"Cuba","fr":"Cuba","ko":"쿠바","pt":"Cuba","zh":"古巴"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'CV', '{"de":"Cabo Verde","en":"Cabo Verde","es":"Cabo Verde","fr":"Cap-Vert","ko":"카보베르데","pt":"Cabo Verde","zh":"佛得角"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'CW', '{"de":"Curaçao","en":"Curaçao","es":"Curazao","fr":"Curaçao","ko":"퀴라소","pt":"Curação","zh":"库拉索"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'CX', '{"de":"Weihnachtsinseln","en":"Christmas Island","es":"Isla de Navidad","fr":"Christmas, Île","ko":"크리스마스 섬","pt":"Ilha Natal","zh":"圣诞岛"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'CY', '{"de":"Zypern","en":"Cyprus","es":"Chipre","fr":"Chypre","ko":"키프로스","pt":"Chipre","zh":"塞浦路斯"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'CZ', '{"de":"Tschechien","en":"Czechia","es":"Chequia","fr":"Tchéquie","ko":"체코","pt":"Chéquia","zh":"捷克"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'DE', '{"de":"Deutschland","en":"Germany","es":"Alemania","fr":"Allemagne","ko":"독일","pt":"Alemanha","zh":"德国"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'DJ', '{"de":"Dschibuti","en":"Djibouti","es":"Yibuti","fr":"Djibouti","ko":"지부티","pt":"Djibouti","zh":"吉布提"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'DK', '{"de":"Dänemark","en":"Denmark","es":"Dinamarca","fr":"Danemark","ko":"덴마크","pt":"Dinamarca","zh":"丹麦"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'DM', '{"de":"Dominica","en":"Dominica","es":"Dominica","fr":"Dominique","ko":"도미니카 연방","pt":"Dominica","zh":"多米尼克"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'DO', '{"de":"Dominikanische Republik","en":"Dominican Republic","es":"República Dominicana","fr":"République dominicaine","ko":"도미니카 공화국","pt":"República Dominicana","zh":"多米尼加共和国"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'DZ', '{"de":"Algerien","en":"Algeria","es":"Algeria","fr":"Algérie","ko":"알제리","pt":"Argélia","zh":"阿尔及利亚"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'EC', '{"de":"Ecuador","en":"Ecuador","es":"Ecuador","fr":"Équateur","ko":"에콰도르","pt":"Equador","zh":"厄瓜多尔"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'EE', '{"de":"Estland","en":"Estonia","es":"Estonia","fr":"Estonie","ko":"에스토니아","pt":"Estónia","zh":"爱沙尼亚"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'EG', '{"de":"Ägypten","en":"Egypt","es":"Egipto","fr":"Égypte","ko":"이집트","pt":"Egito","zh":"埃及"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'EH', '{"de":"Westsahara","en":"Western Sahara","es":"Sahara Occidental","fr":"Sahara occidental","ko":"서사하라","pt":"Saara Ocidental","zh":"西撒哈拉"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'ER', '{"de":"Eritrea","en":"Eritrea","es":"Eritrea","fr":"Érythrée","ko":"에리트레아","pt":"Eritreia","zh":"厄立特里亚"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'ES', '{"de":"Spanien","en":"Spain","es":"España","fr":"Espagne","ko":"스페인","pt":"Espanha","zh":"西班牙"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'ET', '{"de":"Äthiopien","en":"Ethiopia","es":"Etiopía","fr":"Éthiopie","ko":"에티오피아","pt":"Etiópia","zh":"埃塞俄比亚"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'FI', '{"de":"Finnland","en":"Finland","es":"Finlandia","fr":"Finlande","ko":"핀란드","pt":"Finlândia","zh":"芬兰"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'FJ', '{"de":"Fidschi","en":"Fiji","es":"Fiyi","fr":"Fidji","ko":"피지","pt":"Fiji","zh":"斐济"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'FK', '{"de":"Falklandinseln (Malwinen)","en":"Falkland Islands (Malvinas)","es":"Islas Falkland (Malvinas)","fr":"Malouines, Îles (Falkland)","ko":"포클랜드 제도 (말비나스)","pt":"Ilhas Falkland (Malvinas)","zh":"福克兰群岛(马尔维纳斯)"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'FM', '{"de":"Mikronesien, Föderierte Staaten von","en":"Micronesia, Federated States of","es":"Micronesia, Estados Federados de","fr":"Micronésie, États fédérés de","ko":"미크로네시아 연방","pt":"Micronésia, Estados Federados da","zh":"密克罗尼西亚"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'FO', '{"de":"Färöer-Inseln","en":"Faroe Islands","es":"Islas Feroe","fr":"îles Féroé","ko":"페로 제도","pt":"Ilhas Faroé","zh":"法罗群岛"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'FR', '{"de":"Frankreich","en":"France","es":"Francia","fr":"France","ko":"프랑스","pt":"França","zh":"法国"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'GA', '{"de":"Gabun","en":"Gabon","es":"Gabón","fr":"Gabon","ko":"가봉","pt":"Gabão","zh":"加蓬"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'GB', '{"de":"Vereinigtes Königreich","en":"United Kingdom","es":"Reino Unido","fr":"Royaume-Uni","ko":"영국","pt":"Reino Unido","zh":"英国"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'GD', '{"de":"Grenada","en":"Grenada","es":"Granada","fr":"Grenade","ko":"그레나다","pt":"Granada","zh":"格林纳达"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'GE', '{"de":"Georgien","en":"Georgia","es":"Georgia","fr":"Géorgie","ko":"조지아","pt":"Geórgia","zh":"格鲁吉亚"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'GF', '{"de":"Französisch-Guyana","en":"French Guiana","es":"Guayana Francesa","fr":"Guyane française","ko":"프랑스령 기아나","pt":"Guiana Francesa","zh":"法属圭亚那"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'GG', '{"de":"Guernsey","en":"Guernsey","es":"Guernsey","fr":"Guernesey","ko":"건지 섬","pt":"Guernsey","zh":"根西岛"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'GH', '{"de":"Ghana","en":"Ghana","es":"Ghana","fr":"Ghana","ko":"가나","pt":"Gana","zh":"加纳"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'GI', '{"de":"Gibraltar","en":"Gibraltar","es":"Gibraltar","fr":"Gibraltar","ko":"지브롤터","pt":"Gibraltar","zh":"直布罗陀"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'GL', '{"de":"Grönland","en":"Greenland","es":"Groenlandia","fr":"Groënland","ko":"그린란드","pt":"Gronelândia","zh":"格陵兰"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'GM', '{"de":"Gambia","en":"Gambia","es":"Gambia","fr":"Gambie","ko":"감비아","pt":"Gâmbia","zh":"冈比亚"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'GN', '{"de":"Guinea","en":"Guinea","es":"Guinea","fr":"Guinée","ko":"기니","pt":"Guiné","zh":"几内亚"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'GP', '{"de":"Guadeloupe","en":"Guadeloupe","es":"Guadalupe","fr":"Guadeloupe","ko":"과들루프","pt":"Guadalupe","zh":"瓜德罗普"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'GQ', '{"de":"Äquatorialguinea","en":"Equatorial Guinea","es":"Guinea Ecuatorial","fr":"Guinée Équatoriale","ko":"적도 기니","pt":"Guiné Equatorial","zh":"赤道几内亚"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'GR', '{"de":"Griechenland","en":"Greece","es":"Grecia","fr":"Grèce","ko":"그리스","pt":"Grécia","zh":"希腊"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'GS', '{"de":"South Georgia und die Südlichen Sandwichinseln","en":"South Georgia and the South Sandwich Islands","es":"Islas Georgias del Sur y Sándwich del Sur","fr":"Géorgie du Sud et les îles Sandwich du Sud","ko":"사우스조지아 사우스샌드위치 제도","pt":"Ilhas Geórgia do Sul e Sandwich do Sul","zh":"南乔治亚岛和南桑德韦奇岛"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'GT', '{"de":"Guatemala","en":"Guatemala","es":"Guatemala","fr":"Guatemala","ko":"과테말라","pt":"Guatemala","zh":"瓜地马拉"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'GU', '{"de":"Guam","en":"Guam","es":"Guam","fr":"Guam","ko":"괌","pt":"Guam","zh":"关岛"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'GW', '{"de":"Guinea-Bissau","en":"Guinea-Bissau","es":"Guinea-Bisáu","fr":"Guinée-Bissau","ko":"기니비사우","pt":"Guiné-Bissáu","zh":"几内亚比绍"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'GY', '{"de":"Guyana","en":"Guyana","es":"Guyana","fr":"Guyana","ko":"가이아나","pt":"Guiana","zh":"圭亚那"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'HK', '{"de":"Hongkong","en":"Hong Kong","es":"Hong Kong","fr":"Hong Kong","ko":"홍콩","pt":"Hong Kong","zh":"香港"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'HM', '{"de":"Heard und McDonaldinseln","en":"Heard Island and McDonald Islands","es":"Islas Heard y McDonald","fr":"îles Heard-et-MacDonald","ko":"허드 맥도널드 제도","pt":"Ilha Heard e Ilhas McDonald","zh":"赫德岛与麦克唐纳群岛"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'HN', '{"de":"Honduras","en":"Honduras","es":"Honduras","fr":"Honduras","ko":"온두라스","pt":"Honduras","zh":"洪都拉斯"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'HR', '{"de":"Kroatien","en":"Croatia","es":"Croacia","fr":"Croatie","ko":"크로아티아","pt":"Croácia","zh":"克罗地亚"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'HT', '{"de":"Haiti","en":"Haiti","es":"Haití","fr":"Haïti","ko":"아이티","pt":"Haiti","zh":"海地"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'HU', '{"de":"Ungarn","en":"Hungary","es":"Hungría","fr":"Hongrie","ko":"헝가리","pt":"Hungria","zh":"匈牙利"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'ID', '{"de":"Indonesien","en":"Indonesia","es":"Indonesia","fr":"Indonésie","ko":"인도네시아","pt":"Indonésia","zh":"印度尼西亚"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'IE', '{"de":"Irland","en":"Ireland","es":"Irlanda","fr":"Irlande","ko":"아일랜드","pt":"Irlanda","zh":"爱尔兰"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'IL', '{"de":"Israel","en":"Israel","es":"Israel","fr":"Israël","ko":"이스라엘","pt":"Israel","zh":"以色列"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'IM', '{"de":"Insel Man","en":"Isle of Man","es":"Isla de Man","fr":"Île de Man","ko":"맨 섬","pt":"Ilha de Man","zh":"曼岛"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'IN', '{"de":"Indien","en":"India","es":"India","fr":"Inde","ko":"인도","pt":"Índia","zh":"印度"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'IO', '{"de":"Britisches Territorium im Indischen Ozean","en":"British Indian Ocean Territory","es":"Territorio Británico del Océano Índico","fr":"Territoire britannique de l''océan Indien","ko":"영국령 인도양 지역","pt":"Território Britânico do Oceano Índico","zh":"英属印度洋领地"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'IQ', '{"de":"Irak","en":"Iraq","es":"Irak","fr":"Irak","ko":"이라크","pt":"Iraque","zh":"伊拉克"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'IR', '{"de":"Iran, Islamische Republik","en":"Iran, Islamic Republic of","es":"Irán, República islámica de","fr":"Iran, République islamique d''","ko":"이란 이슬람 공화국","pt":"Irão, República Islâmica do","zh":"伊朗"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'IS', '{"de":"Island","en":"Iceland","es":"Islandia","fr":"Islande","ko":"아이슬란드","pt":"Islândia","zh":"冰岛"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'IT', '{"de":"Italien","en":"Italy","es":"Italia","fr":"Italie","ko":"이탈리아","pt":"Itália","zh":"意大利"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'JE', '{"de":"Jersey","en":"Jersey","es":"Jersey","fr":"Jersey","ko":"저지 섬","pt":"Jersey","zh":"泽西岛"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'JM', '{"de":"Jamaika","en":"Jamaica","es":"Jamaica","fr":"Jamaïque","ko":"자메이카","pt":"Jamaica","zh":"牙买加"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'JO', '{"de":"Jordanien","en":"Jordan","es":"Jordania","fr":"Jordanie","ko":"요르단","pt":"Jordânia","zh":"约旦"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'JP', '{"de":"Japan","en":"Japan","es":"Japón","fr":"Japon","ko":"일본","pt":"Japão","zh":"日本"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'KE', '{"de":"Kenia","en":"Kenya","es":"Kenia","fr":"Kenya","ko":"케냐","pt":"Quénia","zh":"肯尼亚"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'KG', '{"de":"Kirgisistan","en":"Kyrgyzstan","es":"Kirguistán","fr":"Kirghizistan","ko":"키르기스스탄","pt":"Quirguistão","zh":"吉尔吉斯坦"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'KH', '{"de":"Kambodscha","en":"Cambodia","es":"Camboya","fr":"Cambodge","ko":"캄보디아","pt":"Camboja","zh":"柬埔塞"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'KI', '{"de":"Kiribati","en":"Kiribati","es":"Kiribati","fr":"Kiribati","ko":"키리바시","pt":"Kiribati","zh":"基里巴斯"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'KM', '{"de":"Komoren","en":"Comoros","es":"Comores, Islas","fr":"Comores","ko":"코모로","pt":"Comores","zh":"科摩罗"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'KN', '{"de":"St. Kitts und Nevis","en":"Saint Kitts and Nevis","es":"San Cristóbal y Nieves","fr":"Saint-Christophe-et-Niévès","ko":"세인트키츠 네비스","pt":"São Cristóvão e Nevis","zh":"圣基茨和尼维斯"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'KP', '{"de":"Korea, Demokratische Volksrepublik","en":"Korea, Democratic People''s Republic of","es":"Corea, República Democrática Popular de","fr":"Corée, République populaire démocratique de","ko":"조선민주주의인민공화국","pt":"Coreia, República Popular Democrática da","zh":"朝鲜"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'KR', '{"de":"Korea, Republik","en":"Korea, Republic of","es":"Corea, República de","fr":"Corée, République de","ko":"대한민국","pt":"Coreia, República da","zh":"韩国"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'KW', '{"de":"Kuwait","en":"Kuwait","es":"Kuwait","fr":"Koweït","ko":"쿠웨이트","pt":"Kuwait","zh":"科威特"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'KY', '{"de":"Cayman-Inseln","en":"Cayman Islands","es":"Islas Caimán","fr":"îles Caïmans","ko":"케이맨 제도","pt":"Ilhas Caimão","zh":"开曼群岛"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'KZ', '{"de":"Kasachstan","en":"Kazakhstan","es":"Kazajistán","fr":"Kazakhstan","ko":"카자흐스탄","pt":"Cazaquistão","zh":"哈萨克斯坦"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'LA', '{"de":"Laos, Demokratische Volksrepublik","en":"Lao People''s Democratic Republic","es":"República Democrática Popular de Lao","fr":"Lao, République démocratique populaire","ko":"라오 인민 민주주의 공화국","pt":"República Democrática Popular do Laos","zh":"老挝人民民主共和国"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'LB', '{"de":"Libanon","en":"Lebanon","es":"Líbano","fr":"Liban","ko":"레바논","pt":"Líbano","zh":"黎巴嫩"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'LC', '{"de":"St. Lucia","en":"Saint Lucia","es":"Santa Lucía","fr":"Sainte-Lucie","ko":"세인트루시아","pt":"Santa Lúcia","zh":"圣路西亚"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'LI', '{"de":"Liechtenstein","en":"Liechtenstein","es":"Liechtenstein","fr":"Liechtenstein","ko":"리히텐슈타인","pt":"Liechtenstein","zh":"列支敦士登"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'LK', '{"de":"Sri Lanka","en":"Sri Lanka","es":"Sri Lanka","fr":"Sri Lanka","ko":"스리랑카","pt":"Sri Lanka","zh":"斯里兰卡"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'LR', '{"de":"Liberia","en":"Liberia","es":"Liberia","fr":"Libéria","ko":"라이베리아","pt":"Libéria","zh":"利比里亚"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'LS', '{"de":"Lesotho","en":"Lesotho","es":"Lesoto","fr":"Lesotho","ko":"레소토","pt":"Lesoto","zh":"莱索托"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'LT', '{"de":"Litauen","en":"Lithuania","es":"Lituania","fr":"Lituanie","ko":"리투아니아","pt":"Lituânia","zh":"立陶宛"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'LU', '{"de":"Luxemburg","en":"Luxembourg","es":"Luxemburgo","fr":"Luxembourg","ko":"룩셈부르크","pt":"Luxemburgo","zh":"卢森堡"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'LV', '{"de":"Lettland","en":"Latvia","es":"Letonia","fr":"Lettonie","ko":"라트비아","pt":"Letónia","zh":"拉脱维亚"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'LY', '{"de":"Libyen","en":"Libya","es":"Libia","fr":"Libye","ko":"리비아","pt":"Líbia","zh":"利比亚"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'MA', '{"de":"Marokko","en":"Morocco","es":"Marruecos","fr":"Maroc","ko":"모로코","pt":"Marrocos","zh":"摩洛哥"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'MC', '{"de":"Monaco","en":"Monaco","es":"Mónaco","fr":"Monaco","ko":"모나코","pt":"Mónaco","zh":"摩纳哥"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'MD', '{"de":"Moldau","en":"Moldova","es":"Moldavia","fr":"Moldavie","ko":"몰도바","pt":"Moldávia","zh":"摩尔多瓦"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'ME', '{"de":"Montenegro","en":"Montenegro","es":"Montenegro","fr":"Monténégro","ko":"몬테네그로","pt":"Montenegro","zh":"黑山"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'MF', '{"de":"Saint Martin (Französischer Teil)","en":"Saint Martin (French part)","es":"San Martín (zona francesa)","fr":"Saint-Martin (partie française)","ko":"생마르탱 (프랑스령)","pt":"São Martin (Território Francês)","zh":"法属圣马丁"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'MG', '{"de":"Madagaskar","en":"Madagascar","es":"Madagascar","fr":"Madagascar","ko":"마다가스카르","pt":"Madagáscar","zh":"马达加斯加"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'MH', '{"de":"Marshallinseln","en":"Marshall Islands","es":"Islas Marshall","fr":"Îles Marshall","ko":"마셜 제도","pt":"Ilhas Marshall","zh":"马绍尔群岛"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'MK', '{"de":"Nordmazedonien","en":"North Macedonia","es":"Macedonia del Norte","fr":"Macédoine du Nord","ko":"북마케도니아","pt":"Macedónia do Norte","zh":"北马其顿"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'ML', '{"de":"Mali","en":"Mali","es":"Mali","fr":"Mali","ko":"말리","pt":"Mali","zh":"马里"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'MM', '{"de":"Myanmar","en":"Myanmar","es":"Birmania","fr":"Birmanie","ko":"미얀마","pt":"Birmânia","zh":"缅甸"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'MN', '{"de":"Mongolei","en":"Mongolia","es":"Mongolia","fr":"Mongolie","ko":"몽골","pt":"Mongólia","zh":"蒙古"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'MO', '{"de":"Macao","en":"Macao","es":"Macao","fr":"Macau","ko":"마카오","pt":"Macau","zh":"澳门"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'MP', '{"de":"Nördliche Marianen","en":"Northern Mariana Islands","es":"Islas Marianas del Norte","fr":"Îles Mariannes du Nord","ko":"북마리아나 제도","pt":"Ilhas Marianas do Norte","zh":"北马里亚纳群岛"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'MQ', '{"de":"Martinique","en":"Martinique","es":"Martinica","fr":"Martinique","ko":"마르티니크","pt":"Martinica","zh":"马提尼克"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'MR', '{"de":"Mauretanien","en":"Mauritania","es":"Mauritania","fr":"Mauritanie","ko":"모리타니","pt":"Mauritânia","zh":"毛里塔尼亚"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'MS', '{"de":"Montserrat","en":"Montserrat","es":"Montserrat","fr":"Montserrat","ko":"몬트세랫","pt":"Monserrate","zh":"蒙塞拉特岛"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'MT', '{"de":"Malta","en":"Malta","es":"Malta","fr":"Malte","ko":"몰타","pt":"Malta","zh":"马尔他"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'MU', '{"de":"Mauritius","en":"Mauritius","es":"Mauricio","fr":"Maurice","ko":"모리셔스","pt":"Maurícia","zh":"毛里求斯"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'MV', '{"de":"Malediven","en":"Maldives","es":"Islas Maldivas","fr":"Maldives","ko":"몰디브","pt":"Maldivas","zh":"马尔代夫"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'MW', '{"de":"Malawi","en":"Malawi","es":"Malaui","fr":"Malawi","ko":"말라위","pt":"Malawi","zh":"马拉维"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'MX', '{"de":"Mexiko","en":"Mexico","es":"México","fr":"Mexique","ko":"멕시코","pt":"México","zh":"墨西哥"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'MY', '{"de":"Malaysia","en":"Malaysia","es":"Malasia","fr":"Malaisie","ko":"말레이시아","pt":"Malásia","zh":"马来西亚"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'MZ', '{"de":"Mosambik","en":"Mozambique","es":"Mozambique","fr":"Mozambique","ko":"모잠비크","pt":"Moçambique","zh":"莫桑比克"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'NA', '{"de":"Namibia","en":"Namibia","es":"Namibia","fr":"Namibie","ko":"나미비아","pt":"Namíbia","zh":"纳米比亚"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'NC', '{"de":"Neukaledonien","en":"New Caledonia","es":"Nueva Caledonia","fr":"Nouvelle-Calédonie","ko":"누벨칼레도니","pt":"Nova Caledónia","zh":"新喀里多尼亚"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'NE', '{"de":"Niger","en":"Niger","es":"Niger","fr":"Niger","ko":"니제르","pt":"Níger","zh":"尼日尔"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'NF', '{"de":"Norfolkinsel","en":"Norfolk Island","es":"Isla Norfolk","fr":"île Norfolk","ko":"노퍽 섬","pt":"Ilha Norfolk","zh":"诺福克岛"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'NG', '{"de":"Nigeria","en":"Nigeria","es":"Nigeria","fr":"Nigeria","ko":"나이지리아","pt":"Nigéria","zh":"尼日利亚"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'NI', '{"de":"Nicaragua","en":"Nicaragua","es":"Nicaragua","fr":"Nicaragua","ko":"니카라과","pt":"Nicarágua","zh":"尼加拉瓜"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'NL', '{"de":"Niederlande","en":"Netherlands","es":"Países Bajos","fr":"Pays-Bas","ko":"네덜란드","pt":"Países Baixos","zh":"荷兰"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'NO', '{"de":"Norwegen","en":"Norway","es":"Noruega","fr":"Norvège","ko":"노르웨이","pt":"Noruega","zh":"挪威"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'NP', '{"de":"Nepal","en":"Nepal","es":"Nepal","fr":"Népal","ko":"네팔","pt":"Nepal","zh":"尼泊尔"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'NR', '{"de":"Nauru","en":"Nauru","es":"Nauru","fr":"Nauru","ko":"나우루","pt":"Nauru","zh":"瑙鲁"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'NU', '{"de":"Niue","en":"Niue","es":"Niue","fr":"Nioue","ko":"니우에","pt":"Niue","zh":"纽埃"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'NZ', '{"de":"Neuseeland","en":"New Zealand","es":"Nueva Zelanda","fr":"Nouvelle-Zélande","ko":"뉴질랜드","pt":"Nova Zelândia","zh":"新西兰"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'OM', '{"de":"Oman","en":"Oman","es":"Omán","fr":"Oman","ko":"오만","pt":"Omã","zh":"阿曼"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'PA', '{"de":"Panama","en":"Panama","es":"Panamá","fr":"Panama","ko":"파나마","pt":"Panamá","zh":"巴拿马"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'PE', '{"de":"Peru","en":"Peru","es":"Perú","fr":"Pérou","ko":"페루","pt":"Peru","zh":"秘鲁"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'PF', '{"de":"Französisch-Polynesien","en":"French Polynesia","es":"Polinesia Francesa","fr":"Polynésie française","ko":"프랑스령 폴리네시아","pt":"Polinésia Francesa","zh":"法属玻利尼西亚"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'PG', '{"de":"Papua-Neuguinea","en":"Papua New Guinea","es":"Papúa Nueva Guinea","fr":"Papouasie-Nouvelle-Guinée","ko":"파푸아뉴기니","pt":"Papua Nova Guiné","zh":"巴布亚新几内亚"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'PH', '{"de":"Philippinen","en":"Philippines","es":"Filipinas","fr":"Philippines","ko":"필리핀","pt":"Filipinas","zh":"菲律宾"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'PK', '{"de":"Pakistan","en":"Pakistan","es":"Pakistán","fr":"Pakistan","ko":"파키스탄","pt":"Paquistão","zh":"巴基斯坦"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'PL', '{"de":"Polen","en":"Poland","es":"Polonia","fr":"Pologne","ko":"폴란드","pt":"Polónia","zh":"波兰"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'PM', '{"de":"St. Pierre und Miquelon","en":"Saint Pierre and Miquelon","es":"San Pedro y Miquelon","fr":"Saint-Pierre-et-Miquelon","ko":"생피에르 미클롱","pt":"Saint Pierre e Miquelon","zh":"圣皮埃尔和密克隆"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'PN', '{"de":"Pitcairn","en":"Pitcairn","es":"Pitcairn","fr":"Îles Pitcairn","ko":"핏케언 제도","pt":"Pitcairn","zh":"皮特克恩"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'PR', '{"de":"Puerto Rico","en":"Puerto Rico","es":"Puerto Rico","fr":"Porto Rico","ko":"푸에르토리코","pt":"Porto Rico","zh":"波多黎各"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'PS', '{"de":"Palästina, Staat","en":"Palestine, State of","es":"Palestina, Estado de","fr":"Palestine, État de","ko":"팔레스타인","pt":"Palestina, Estado da","zh":"巴勒斯坦"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'PT', '{"de":"Portugal","en":"Portugal","es":"Portugal","fr":"Portugal","ko":"포르투갈","pt":"Portugal","zh":"葡萄牙"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'PW', '{"de":"Palau","en":"Palau","es":"Palaos","fr":"Palaos","ko":"팔라우","pt":"Palau","zh":"帕劳"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'PY', '{"de":"Paraguay","en":"Paraguay","es":"Paraguay","fr":"Paraguay","ko":"파라과이","pt":"Paraguai","zh":"巴拉圭"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'QA', '{"de":"Katar","en":"Qatar","es":"Catar","fr":"Qatar","ko":"카타르","pt":"Catar","zh":"卡塔尔"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'RE', '{"de":"Réunion","en":"Réunion","es":"Reunión","fr":"Réunion, Île de la","ko":"레위니옹","pt":"Ilha Reunião","zh":"留尼汪"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'RO', '{"de":"Rumänien","en":"Romania","es":"Rumanía","fr":"Roumanie","ko":"루마니아","pt":"Roménia","zh":"罗马尼亚"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'RS', '{"de":"Serbien","en":"Serbia","es":"Serbia","fr":"Serbie","ko":"세르비아","pt":"Sérvia","zh":"塞尔维亚"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'RU', '{"de":"Russische Föderation","en":"Russian Federation","es":"Federación Rusa","fr":"Russie, Fédération de","ko":"러시아 연방","pt":"Federação Russa","zh":"俄罗斯"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'RW', '{"de":"Ruanda","en":"Rwanda","es":"Ruanda","fr":"Rwanda","ko":"르완다","pt":"Ruanda","zh":"卢旺达"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'SA', '{"de":"Saudi-Arabien","en":"Saudi Arabia","es":"Arabia Saudí","fr":"Arabie saoudite","ko":"사우디아라비아","pt":"Arábia Saudita","zh":"沙特阿拉伯"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'SB', '{"de":"Salomoninseln","en":"Solomon Islands","es":"Islas Salomón","fr":"Salomon, Îles","ko":"솔로몬 제도","pt":"Ilhas Salomão","zh":"所罗门群岛"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'SC', '{"de":"Seychellen","en":"Seychelles","es":"Seychelles","fr":"Seychelles","ko":"세이셸","pt":"Seychelles","zh":"塞舌尔"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'SD', '{"de":"Sudan","en":"Sudan","es":"Sudán","fr":"Soudan","ko":"수단","pt":"Sudão","zh":"苏丹"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'SE', '{"de":"Schweden","en":"Sweden","es":"Suecia","fr":"Suède","ko":"스웨덴","pt":"Suécia","zh":"瑞典"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'SG', '{"de":"Singapur","en":"Singapore","es":"Singapur","fr":"Singapour","ko":"싱가포르","pt":"Singapura","zh":"新加坡"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'SH', '{"de":"St. Helena, Ascension und Tristan da Cunha","en":"Saint Helena, Ascension and Tristan da Cunha","es":"Santa Elena, Ascensión y Tristán de Acuña","fr":"Sainte-Hélène, Ascension et Tristan da Cunha","ko":"세인트헬레나 어센션 트리스탄다쿠냐","pt":"Santa Helena, Ascensão e Tristão da Cunha","zh":"圣赫勒拿-阿森松-特里斯坦达库尼亚"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'SI', '{"de":"Slowenien","en":"Slovenia","es":"Eslovenia","fr":"Slovénie","ko":"슬로베니아","pt":"Eslovénia","zh":"斯洛文尼亚"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'SJ', '{"de":"Svalbard und Jan Mayen","en":"Svalbard and Jan Mayen","es":"Svalbard y Jan Mayen","fr":"Svalbard et île Jan Mayen","ko":"스발바르 얀마옌 제도","pt":"Svalbard e Jan Mayen","zh":"斯瓦尔巴特和扬马延岛"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'SK', '{"de":"Slowakei","en":"Slovakia","es":"Eslovaquia","fr":"Slovaquie","ko":"슬로바키아","pt":"Eslováquia","zh":"斯洛伐克"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'SL', '{"de":"Sierra Leone","en":"Sierra Leone","es":"Sierra Leona","fr":"Sierra Leone","ko":"시에라리온","pt":"Serra Leoa","zh":"塞拉利昂"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'SM', '{"de":"San Marino","en":"San Marino","es":"San Marino","fr":"Saint-Marin","ko":"산마리노","pt":"San Marino","zh":"圣马力诺"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'SN', '{"de":"Senegal","en":"Senegal","es":"Senegal","fr":"Sénégal","ko":"세네갈","pt":"Senegal","zh":"塞内加尔"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'SO', '{"de":"Somalia","en":"Somalia","es":"Somalia","fr":"Somalie","ko":"소말리아","pt":"Somália","zh":"索马里"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'SR', '{"de":"Suriname","en":"Suriname","es":"Surinám","fr":"Surinam","ko":"수리남","pt":"Suriname","zh":"苏里南"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'SS', '{"de":"Südsudan","en":"South Sudan","es":"Sudán del Sur","fr":"Soudan du Sud","ko":"남수단","pt":"Sudão do Sul","zh":"南苏丹"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'ST', '{"de":"São Tomé und Príncipe","en":"Sao Tome and Principe","es":"Santo Tomé y Príncipe","fr":"Sao Tomé-et-Principe","ko":"상투메 프린시페","pt":"São Tomé e Príncipe","zh":"圣多美和普林西比"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'SV', '{"de":"El Salvador","en":"El Salvador","es":"El Salvador","fr":"Salvador","ko":"엘살바도르","pt":"El Salvador","zh":"萨尔瓦多"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'SX', '{"de":"Saint-Martin (Niederländischer Teil)","en":"Sint Maarten (Dutch part)","es":"Isla de San Martín (zona holandsea)","fr":"Saint-Martin (partie néerlandaise)","ko":"신트마르턴 (네덜란드령)","pt":"São Martinho (Países Baixos)","zh":"荷属圣马丁"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'SY', '{"de":"Syrien, Arabische Republik","en":"Syrian Arab Republic","es":"República árabe de Siria","fr":"Syrienne, République arabe","ko":"시리아 아랍 공화국","pt":"República Árabe Síria","zh":"叙利亚"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'SZ', '{"de":"Eswatini","en":"Eswatini","es":"Suazilandia","fr":"Eswatini","ko":"에스와티니","pt":"Suazilândia","zh":"斯威士兰"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'TC', '{"de":"Turks- und Caicosinseln","en":"Turks and Caicos Islands","es":"Islas Turcas y Caicos","fr":"îles Turques-et-Caïques","ko":"터크스 케이커스 제도","pt":"Ilhas Turcas e Caicos","zh":"特克斯和凯科斯群岛"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'TD', '{"de":"Tschad","en":"Chad","es":"Chad","fr":"Tchad","ko":"차드","pt":"Chade","zh":"乍得"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'TF', '{"de":"Französische Süd- und Antarktisgebiete","en":"French Southern Territories","es":"Territorios Franceses del Sur","fr":"Terres australes françaises","ko":"프랑스령 남 자치구역","pt":"Territórios Franceses do Sul","zh":"法属南半球领地"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'TG', '{"de":"Togo","en":"Togo","es":"Togo","fr":"Togo","ko":"토고","pt":"Togo","zh":"多哥"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'TH', '{"de":"Thailand","en":"Thailand","es":"Tailandia","fr":"Thaïlande","ko":"태국","pt":"Tailândia","zh":"泰国"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'TJ', '{"de":"Tadschikistan","en":"Tajikistan","es":"Tayikistán","fr":"Tadjikistan","ko":"타지키스탄","pt":"Tajiquistão","zh":"塔吉克斯坦"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'TK', '{"de":"Tokelau","en":"Tokelau","es":"Tokelau","fr":"Tokelau","ko":"토켈라우","pt":"Tokelau","zh":"托克劳群岛"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'TL', '{"de":"Timor-Leste","en":"Timor-Leste","es":"Timor Oriental","fr":"Timor oriental","ko":"동티모르","pt":"Timor-Leste","zh":"东帝汶"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'TM', '{"de":"Turkmenistan","en":"Turkmenistan","es":"Turkmenistán","fr":"Turkménistan","ko":"투르크메니스탄","pt":"Turquemenistão","zh":"土库曼斯坦"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'TN', '{"de":"Tunesien","en":"Tunisia","es":"Tunez","fr":"Tunisie","ko":"튀니지","pt":"Tunísia","zh":"突尼斯"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'TO', '{"de":"Tonga","en":"Tonga","es":"Tonga","fr":"Tonga","ko":"통가","pt":"Tonga","zh":"汤加"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'TR', '{"de":"Türkei","en":"Turkey","es":"Turquía","fr":"Turquie","ko":"터키","pt":"Turquia","zh":"土耳其"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'TT', '{"de":"Trinidad und Tobago","en":"Trinidad and Tobago","es":"Trinidad y Tobago","fr":"Trinité-et-Tobago","ko":"트리니다드 토바고","pt":"Trindade e Tobago","zh":"特里尼达和多巴哥"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'TV', '{"de":"Tuvalu","en":"Tuvalu","es":"Tuvalu","fr":"Tuvalu","ko":"투발루","pt":"Tuvalu","zh":"图瓦鲁"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'TW', '{"de":"Taiwan","en":"Taiwan","es":"Taiwán","fr":"Taïwan","ko":"타이완","pt":"Taiwan","zh":"台湾"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'TZ', '{"de":"Tansania","en":"Tanzania","es":"Tanzania","fr":"Tanzanie","ko":"탄자니아","pt":"Tanzânia","zh":"坦桑尼亚"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'UA', '{"de":"Ukraine","en":"Ukraine","es":"Ucrania","fr":"Ukraine","ko":"우크라이나","pt":"Ucrânia","zh":"乌克兰"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'UG', '{"de":"Uganda","en":"Uganda","es":"Uganda","fr":"Ouganda","ko":"우간다","pt":"Uganda","zh":"乌干达"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'UM', '{"de":"United States Minor Outlying Islands","en":"United States Minor Outlying Islands","es":"Islas Ultramarinas Menores de Estados Unidos","fr":"Îles mineures éloignées des États-Unis","ko":"미국령 군소 제도","pt":"Ilhas Menores Distantes dos Estados Unidos","zh":"美国本土外小岛屿"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'US', '{"de":"Vereinigte Staaten","en":"United States","es":"Estados Unidos","fr":"États-Unis","ko":"미국","pt":"Estados Unidos","zh":"美国"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'UY', '{"de":"Uruguay","en":"Uruguay","es":"Uruguay","fr":"Uruguay","ko":"우루과이","pt":"Uruguai","zh":"乌拉圭"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'UZ', '{"de":"Usbekistan","en":"Uzbekistan","es":"Uzbekistán","fr":"Ouzbékistan","ko":"우즈베키스탄","pt":"Uzbequistão","zh":"乌兹别克斯坦"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'VA', '{"de":"Heiliger Stuhl (Staat Vatikanstadt)","en":"Holy See (Vatican City State)","es":"Santa Sede (Ciudad Estado del Vaticano)","fr":"Saint-Siège (état de la cité du Vatican)","ko":"바티칸 시티 (Holy See)","pt":"Santa Sé (Estado da Cidade do Vaticano)","zh":"梵地冈"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'VC', '{"de":"St. Vincent und die Grenadinen","en":"Saint Vincent and the Grenadines","es":"San Vicente y las Granadinas","fr":"Saint-Vincent-et-les-Grenadines","ko":"세인트빈센트 그레나딘","pt":"São Vicente e Granadinas","zh":"圣文森特和格林纳丁斯"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'VE', '{"de":"Venezuela","en":"Venezuela","es":"Venezuela","fr":"Vénézuela","ko":"베네수엘라","pt":"Venezuela","zh":"委内瑞拉"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'VG', '{"de":"Britische Jungferninseln","en":"Virgin Islands, British","es":"Islas Vírgenes, Británicas","fr":"Îles Vierges britanniques","ko":"버진 제도, 영국령","pt":"Ilhas Virgens, Britânicas","zh":"英属维京群岛"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'VI', '{"de":"Amerikanische Jungferninseln","en":"Virgin Islands, U.S.","es":"Islas Vírgenes, de EEUU","fr":"Îles Vierges des États-Unis","ko":"버진 제도, 미국령","pt":"Ilhas Virgens, Estados Unidos","zh":"美属维京群岛"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'VN', '{"de":"Vietnam","en":"Vietnam","es":"Vietnam","fr":"Viêt Nam","ko":"베트남","pt":"Vietname","zh":"越南"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'VU', '{"de":"Vanuatu","en":"Vanuatu","es":"Vanuatu","fr":"Vanuatu","ko":"바누아투","pt":"Vanuatu","zh":"瓦努阿图"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'WF', '{"de":"Wallis und Futuna","en":"Wallis and Futuna","es":"Wallis y Futuna","fr":"Wallis et Futuna","ko":"왈리스 퓌튀나","pt":"Wallis e Futuna","zh":"瓦利斯和富图纳"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'WS', '{"de":"Samoa","en":"Samoa","es":"Samoa","fr":"Samoa","ko":"사모아","pt":"Samoa","zh":"萨摩亚"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'YE', '{"de":"Jemen","en":"Yemen","es":"Yemen","fr":"Yémen","ko":"예멘","pt":"Iémen","zh":"也门"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'YT', '{"de":"Mayotte","en":"Mayotte","es":"Mayotte","fr":"Mayotte","ko":"마요트","pt":"Mayotte","zh":"马约特"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'ZA', '{"de":"Südafrika","en":"South Africa","es":"Sudáfrica","fr":"Afrique du Sud","ko":"남아프리카 공화국","pt":"África do Sul","zh":"南非"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'ZM', '{"de":"Sambia","en":"Zambia","es":"Zambia","fr":"Zambie","ko":"잠비아","pt":"Zâmbia","zh":"赞比亚"}');
INSERT INTO ecosol_v15.terms VALUES ('countries', 'ZW', '{"de":"Simbabwe","en":"Zimbabwe","es":"Zimbabue","fr":"Zimbabwe","ko":"짐바브웨","pt":"Zimbábue","zh":"津巴布韦"}');


--
-- Data for Name: territories; Type: TABLE DATA; Schema: ecosol_v15; Owner: -
--

INSERT INTO ecosol_v15.territories VALUES ('GB', '', 'United Kingdom', 'country', NULL);
INSERT INTO ecosol_v15.territories VALUES ('GB/bridgend', 'GB', 'Bridgend', 'region', NULL);
INSERT INTO ecosol_v15.territories VALUES ('GB/bridgend/maesteg', 'GB/bridgend', 'Maesteg', 'locality', NULL);
INSERT INTO ecosol_v15.territories VALUES ('GB/argyll-and-bute', 'GB', 'Argyll and Bute', 'region', NULL);
INSERT INTO ecosol_v15.territories VALUES ('GB/argyll-and-bute/crianlarich', 'GB/argyll-and-bute', 'Crianlarich', 'locality', NULL);
INSERT INTO ecosol_v15.territories VALUES ('GB/rhondda-cynon-taf', 'GB', 'Rhondda, Cynon, Taf', 'region', NULL);
INSERT INTO ecosol_v15.territories VALUES ('GB/rhondda-cynon-taf/porth', 'GB/rhondda-cynon-taf', 'Porth', 'locality', NULL);
INSERT INTO ecosol_v15.territories VALUES ('GB/glasgow-city-of', 'GB', 'Glasgow, City of', 'region', NULL);
INSERT INTO ecosol_v15.territories VALUES ('GB/glasgow-city-of/glasgow', 'GB/glasgow-city-of', 'Glasgow', 'locality', NULL);
INSERT INTO ecosol_v15.territories VALUES ('GB/worcestershire', 'GB', 'Worcestershire', 'region', NULL);
INSERT INTO ecosol_v15.territories VALUES ('GB/worcestershire/evesham', 'GB/worcestershire', 'Evesham', 'locality', NULL);
INSERT INTO ecosol_v15.territories VALUES ('GB/birmingham', 'GB', 'Birmingham', 'region', NULL);
INSERT INTO ecosol_v15.territories VALUES ('GB/birmingham/birmingham', 'GB/birmingham', 'Birmingham', 'locality', NULL);
INSERT INTO ecosol_v15.territories VALUES ('GB/salford', 'GB', 'Salford', 'region', NULL);
INSERT INTO ecosol_v15.territories VALUES ('GB/salford/manchester', 'GB/salford', 'Manchester', 'locality', NULL);
INSERT INTO ecosol_v15.territories VALUES ('GB/shetland-islands', 'GB', 'Shetland Islands', 'region', NULL);
INSERT INTO ecosol_v15.territories VALUES ('GB/shetland-islands/bigton', 'GB/shetland-islands', 'Bigton', 'locality', NULL);
INSERT INTO ecosol_v15.territories VALUES ('GB/city-of-edinburgh', 'GB', 'City of Edinburgh', 'region', NULL);
INSERT INTO ecosol_v15.territories VALUES ('GB/city-of-edinburgh/edinburgh', 'GB/city-of-edinburgh', 'Edinburgh', 'locality', NULL);
INSERT INTO ecosol_v15.territories VALUES ('GB/swansea', 'GB', 'Swansea', 'region', NULL);
INSERT INTO ecosol_v15.territories VALUES ('GB/swansea/swansea', 'GB/swansea', 'Swansea', 'locality', NULL);
INSERT INTO ecosol_v15.territories VALUES ('GB/haringey', 'GB', 'Haringey', 'region', NULL);
INSERT INTO ecosol_v15.territories VALUES ('GB/haringey/london', 'GB/haringey', 'London', 'locality', NULL);
INSERT INTO ecosol_v15.territories VALUES ('GB/south-lanarkshire', 'GB', 'South Lanarkshire', 'region', NULL);
INSERT INTO ecosol_v15.territories VALUES ('GB/south-lanarkshire/glasgow', 'GB/south-lanarkshire', 'Glasgow', 'locality', NULL);
INSERT INTO ecosol_v15.territories VALUES ('GB/blaenau-gwent', 'GB', 'Blaenau Gwent', 'region', NULL);
INSERT INTO ecosol_v15.territories VALUES ('GB/blaenau-gwent/cwm', 'GB/blaenau-gwent', 'Cwm', 'locality', NULL);
INSERT INTO ecosol_v15.territories VALUES ('GB/sheffield', 'GB', 'Sheffield', 'region', NULL);
INSERT INTO ecosol_v15.territories VALUES ('GB/sheffield/sheffield', 'GB/sheffield', 'Sheffield', 'locality', NULL);
INSERT INTO ecosol_v15.territories VALUES ('GB/lewisham', 'GB', 'Lewisham', 'region', NULL);
INSERT INTO ecosol_v15.territories VALUES ('GB/lewisham/lewisham', 'GB/lewisham', 'Lewisham', 'locality', NULL);
INSERT INTO ecosol_v15.territories VALUES ('GB/fife', 'GB', 'Fife', 'region', NULL);
INSERT INTO ecosol_v15.territories VALUES ('GB/fife/cupar-fife', 'GB/fife', 'Cupar Fife', 'locality', NULL);
INSERT INTO ecosol_v15.territories VALUES ('GB/oxfordshire', 'GB', 'Oxfordshire', 'region', NULL);
INSERT INTO ecosol_v15.territories VALUES ('GB/oxfordshire/oxford', 'GB/oxfordshire', 'Oxford', 'locality', NULL);
INSERT INTO ecosol_v15.territories VALUES ('GB/southwark', 'GB', 'Southwark', 'region', NULL);
INSERT INTO ecosol_v15.territories VALUES ('GB/southwark/london', 'GB/southwark', 'London', 'locality', NULL);
INSERT INTO ecosol_v15.territories VALUES ('GB/south-lanarkshire/stonehouse', 'GB/south-lanarkshire', 'Stonehouse', 'locality', NULL);
INSERT INTO ecosol_v15.territories VALUES ('GB/cheshire-east', 'GB', 'Cheshire East', 'region', NULL);
INSERT INTO ecosol_v15.territories VALUES ('GB/cheshire-east/nantwich', 'GB/cheshire-east', 'Nantwich', 'locality', NULL);
INSERT INTO ecosol_v15.territories VALUES ('GB/suffolk', 'GB', 'Suffolk', 'region', NULL);
INSERT INTO ecosol_v15.territories VALUES ('GB/suffolk/eye', 'GB/suffolk', 'Eye', 'locality', NULL);
INSERT INTO ecosol_v15.territories VALUES ('GB/cornwall', 'GB', 'Cornwall', 'region', NULL);
INSERT INTO ecosol_v15.territories VALUES ('GB/cornwall/helston', 'GB/cornwall', 'Helston', 'locality', NULL);
INSERT INTO ecosol_v15.territories VALUES ('GB/monmouthshire', 'GB', 'Monmouthshire', 'region', NULL);
INSERT INTO ecosol_v15.territories VALUES ('GB/monmouthshire/monmouth', 'GB/monmouthshire', 'Monmouth', 'locality', NULL);
INSERT INTO ecosol_v15.territories VALUES ('GB/lancashire', 'GB', 'Lancashire', 'region', NULL);
INSERT INTO ecosol_v15.territories VALUES ('GB/lancashire/fleetwood', 'GB/lancashire', 'Fleetwood', 'locality', NULL);
INSERT INTO ecosol_v15.territories VALUES ('GB/oxfordshire/wallingford', 'GB/oxfordshire', 'Wallingford', 'locality', NULL);
INSERT INTO ecosol_v15.territories VALUES ('GB/highland', 'GB', 'Highland', 'region', NULL);
INSERT INTO ecosol_v15.territories VALUES ('GB/highland/fort-william', 'GB/highland', 'Fort William', 'locality', NULL);


--
-- Data for Name: users; Type: TABLE DATA; Schema: ecosol_v15; Owner: -
--

INSERT INTO ecosol_v15.users VALUES ('usr-ce07bd71dfd5b7b5', 'old@example.org', 'Old release', '$argon2id$v=19$m=65536,t=2,p=1$20Z3W1hQjwf8om7GnNHnxQ$zrgayacX/uonw9JolZsaFAZ58YRlP6KWZRp1a0NXFDs', '2026-11-30T22:22:45Z', 0, 0, '');


--
-- Name: actors_rid_seq; Type: SEQUENCE SET; Schema: ecosol_v15; Owner: -
--

SELECT pg_catalog.setval('ecosol_v15.actors_rid_seq', 30, true);


--
-- Name: case_index_rid_seq; Type: SEQUENCE SET; Schema: ecosol_v15; Owner: -
--

SELECT pg_catalog.setval('ecosol_v15.case_index_rid_seq', 1, false);


--
-- Name: actor_codes actor_codes_pkey; Type: CONSTRAINT; Schema: ecosol_v15; Owner: -
--

ALTER TABLE ONLY ecosol_v15.actor_codes
    ADD CONSTRAINT actor_codes_pkey PRIMARY KEY (scheme, code, rid);


--
-- Name: actor_identifiers actor_identifiers_pkey; Type: CONSTRAINT; Schema: ecosol_v15; Owner: -
--

ALTER TABLE ONLY ecosol_v15.actor_identifiers
    ADD CONSTRAINT actor_identifiers_pkey PRIMARY KEY (scheme, value);


--
-- Name: actor_profiles actor_profiles_pkey; Type: CONSTRAINT; Schema: ecosol_v15; Owner: -
--

ALTER TABLE ONLY ecosol_v15.actor_profiles
    ADD CONSTRAINT actor_profiles_pkey PRIMARY KEY (actor_id, version);


--
-- Name: actor_versions actor_versions_pkey; Type: CONSTRAINT; Schema: ecosol_v15; Owner: -
--

ALTER TABLE ONLY ecosol_v15.actor_versions
    ADD CONSTRAINT actor_versions_pkey PRIMARY KEY (actor_id, version);


--
-- Name: actors actors_id_key; Type: CONSTRAINT; Schema: ecosol_v15; Owner: -
--

ALTER TABLE ONLY ecosol_v15.actors
    ADD CONSTRAINT actors_id_key UNIQUE (id);


--
-- Name: actors actors_pkey; Type: CONSTRAINT; Schema: ecosol_v15; Owner: -
--

ALTER TABLE ONLY ecosol_v15.actors
    ADD CONSTRAINT actors_pkey PRIMARY KEY (rid);


--
-- Name: api_tokens api_tokens_pkey; Type: CONSTRAINT; Schema: ecosol_v15; Owner: -
--

ALTER TABLE ONLY ecosol_v15.api_tokens
    ADD CONSTRAINT api_tokens_pkey PRIMARY KEY (id);


--
-- Name: assessments assessments_actor_id_framework_n_key; Type: CONSTRAINT; Schema: ecosol_v15; Owner: -
--

ALTER TABLE ONLY ecosol_v15.assessments
    ADD CONSTRAINT assessments_actor_id_framework_n_key UNIQUE (actor_id, framework, n);


--
-- Name: assessments assessments_pkey; Type: CONSTRAINT; Schema: ecosol_v15; Owner: -
--

ALTER TABLE ONLY ecosol_v15.assessments
    ADD CONSTRAINT assessments_pkey PRIMARY KEY (id);


--
-- Name: audit_head audit_head_pkey; Type: CONSTRAINT; Schema: ecosol_v15; Owner: -
--

ALTER TABLE ONLY ecosol_v15.audit_head
    ADD CONSTRAINT audit_head_pkey PRIMARY KEY (id);


--
-- Name: audit_log audit_log_pkey; Type: CONSTRAINT; Schema: ecosol_v15; Owner: -
--

ALTER TABLE ONLY ecosol_v15.audit_log
    ADD CONSTRAINT audit_log_pkey PRIMARY KEY (seq);


--
-- Name: ballot_box ballot_box_pkey; Type: CONSTRAINT; Schema: ecosol_v15; Owner: -
--

ALTER TABLE ONLY ecosol_v15.ballot_box
    ADD CONSTRAINT ballot_box_pkey PRIMARY KEY (process_id, decision_id, commitment);


--
-- Name: case_facets case_facets_pkey; Type: CONSTRAINT; Schema: ecosol_v15; Owner: -
--

ALTER TABLE ONLY ecosol_v15.case_facets
    ADD CONSTRAINT case_facets_pkey PRIMARY KEY (rid, facet, value);


--
-- Name: case_index case_index_case_id_version_key; Type: CONSTRAINT; Schema: ecosol_v15; Owner: -
--

ALTER TABLE ONLY ecosol_v15.case_index
    ADD CONSTRAINT case_index_case_id_version_key UNIQUE (case_id, version);


--
-- Name: case_index case_index_pkey; Type: CONSTRAINT; Schema: ecosol_v15; Owner: -
--

ALTER TABLE ONLY ecosol_v15.case_index
    ADD CONSTRAINT case_index_pkey PRIMARY KEY (rid);


--
-- Name: case_reviews case_reviews_pkey; Type: CONSTRAINT; Schema: ecosol_v15; Owner: -
--

ALTER TABLE ONLY ecosol_v15.case_reviews
    ADD CONSTRAINT case_reviews_pkey PRIMARY KEY (case_id, n);


--
-- Name: case_transfers case_transfers_pkey; Type: CONSTRAINT; Schema: ecosol_v15; Owner: -
--

ALTER TABLE ONLY ecosol_v15.case_transfers
    ADD CONSTRAINT case_transfers_pkey PRIMARY KEY (id, version);


--
-- Name: case_versions case_versions_pkey; Type: CONSTRAINT; Schema: ecosol_v15; Owner: -
--

ALTER TABLE ONLY ecosol_v15.case_versions
    ADD CONSTRAINT case_versions_pkey PRIMARY KEY (case_id, version);


--
-- Name: case_watches case_watches_pkey; Type: CONSTRAINT; Schema: ecosol_v15; Owner: -
--

ALTER TABLE ONLY ecosol_v15.case_watches
    ADD CONSTRAINT case_watches_pkey PRIMARY KEY (id);


--
-- Name: cases cases_pkey; Type: CONSTRAINT; Schema: ecosol_v15; Owner: -
--

ALTER TABLE ONLY ecosol_v15.cases
    ADD CONSTRAINT cases_pkey PRIMARY KEY (id);


--
-- Name: decision_log_heads decision_log_heads_pkey; Type: CONSTRAINT; Schema: ecosol_v15; Owner: -
--

ALTER TABLE ONLY ecosol_v15.decision_log_heads
    ADD CONSTRAINT decision_log_heads_pkey PRIMARY KEY (process_id);


--
-- Name: decision_log decision_log_pkey; Type: CONSTRAINT; Schema: ecosol_v15; Owner: -
--

ALTER TABLE ONLY ecosol_v15.decision_log
    ADD CONSTRAINT decision_log_pkey PRIMARY KEY (process_id, seq);


--
-- Name: dedup_decisions dedup_decisions_pkey; Type: CONSTRAINT; Schema: ecosol_v15; Owner: -
--

ALTER TABLE ONLY ecosol_v15.dedup_decisions
    ADD CONSTRAINT dedup_decisions_pkey PRIMARY KEY (a_id, b_id);


--
-- Name: finance_heads finance_heads_pkey; Type: CONSTRAINT; Schema: ecosol_v15; Owner: -
--

ALTER TABLE ONLY ecosol_v15.finance_heads
    ADD CONSTRAINT finance_heads_pkey PRIMARY KEY (kind, id);


--
-- Name: finance_records finance_records_pkey; Type: CONSTRAINT; Schema: ecosol_v15; Owner: -
--

ALTER TABLE ONLY ecosol_v15.finance_records
    ADD CONSTRAINT finance_records_pkey PRIMARY KEY (kind, id, version);


--
-- Name: indicators indicators_pkey; Type: CONSTRAINT; Schema: ecosol_v15; Owner: -
--

ALTER TABLE ONLY ecosol_v15.indicators
    ADD CONSTRAINT indicators_pkey PRIMARY KEY (actor_id, name, period, source);


--
-- Name: jobs jobs_pkey; Type: CONSTRAINT; Schema: ecosol_v15; Owner: -
--

ALTER TABLE ONLY ecosol_v15.jobs
    ADD CONSTRAINT jobs_pkey PRIMARY KEY (id);


--
-- Name: knowledge_state knowledge_state_pkey; Type: CONSTRAINT; Schema: ecosol_v15; Owner: -
--

ALTER TABLE ONLY ecosol_v15.knowledge_state
    ADD CONSTRAINT knowledge_state_pkey PRIMARY KEY (id);


--
-- Name: latest_verdicts latest_verdicts_pkey; Type: CONSTRAINT; Schema: ecosol_v15; Owner: -
--

ALTER TABLE ONLY ecosol_v15.latest_verdicts
    ADD CONSTRAINT latest_verdicts_pkey PRIMARY KEY (actor_id, framework);


--
-- Name: merge_members merge_members_pkey; Type: CONSTRAINT; Schema: ecosol_v15; Owner: -
--

ALTER TABLE ONLY ecosol_v15.merge_members
    ADD CONSTRAINT merge_members_pkey PRIMARY KEY (actor_id, merge_id);


--
-- Name: merges merges_pkey; Type: CONSTRAINT; Schema: ecosol_v15; Owner: -
--

ALTER TABLE ONLY ecosol_v15.merges
    ADD CONSTRAINT merges_pkey PRIMARY KEY (id);


--
-- Name: offer_want_versions offer_want_versions_pkey; Type: CONSTRAINT; Schema: ecosol_v15; Owner: -
--

ALTER TABLE ONLY ecosol_v15.offer_want_versions
    ADD CONSTRAINT offer_want_versions_pkey PRIMARY KEY (id, version);


--
-- Name: offers_wants offers_wants_pkey; Type: CONSTRAINT; Schema: ecosol_v15; Owner: -
--

ALTER TABLE ONLY ecosol_v15.offers_wants
    ADD CONSTRAINT offers_wants_pkey PRIMARY KEY (id);


--
-- Name: participation_heads participation_heads_pkey; Type: CONSTRAINT; Schema: ecosol_v15; Owner: -
--

ALTER TABLE ONLY ecosol_v15.participation_heads
    ADD CONSTRAINT participation_heads_pkey PRIMARY KEY (kind, id);


--
-- Name: participation_records participation_records_pkey; Type: CONSTRAINT; Schema: ecosol_v15; Owner: -
--

ALTER TABLE ONLY ecosol_v15.participation_records
    ADD CONSTRAINT participation_records_pkey PRIMARY KEY (kind, id, version);


--
-- Name: perception_assessments perception_assessments_pkey; Type: CONSTRAINT; Schema: ecosol_v15; Owner: -
--

ALTER TABLE ONLY ecosol_v15.perception_assessments
    ADD CONSTRAINT perception_assessments_pkey PRIMARY KEY (id);


--
-- Name: registry_state registry_state_pkey; Type: CONSTRAINT; Schema: ecosol_v15; Owner: -
--

ALTER TABLE ONLY ecosol_v15.registry_state
    ADD CONSTRAINT registry_state_pkey PRIMARY KEY (id);


--
-- Name: relationship_versions relationship_versions_pkey; Type: CONSTRAINT; Schema: ecosol_v15; Owner: -
--

ALTER TABLE ONLY ecosol_v15.relationship_versions
    ADD CONSTRAINT relationship_versions_pkey PRIMARY KEY (relationship_id, version);


--
-- Name: relationships relationships_pkey; Type: CONSTRAINT; Schema: ecosol_v15; Owner: -
--

ALTER TABLE ONLY ecosol_v15.relationships
    ADD CONSTRAINT relationships_pkey PRIMARY KEY (id);


--
-- Name: role_grants role_grants_pkey; Type: CONSTRAINT; Schema: ecosol_v15; Owner: -
--

ALTER TABLE ONLY ecosol_v15.role_grants
    ADD CONSTRAINT role_grants_pkey PRIMARY KEY (user_id, role, scope);


--
-- Name: schema_migrations schema_migrations_pkey; Type: CONSTRAINT; Schema: ecosol_v15; Owner: -
--

ALTER TABLE ONLY ecosol_v15.schema_migrations
    ADD CONSTRAINT schema_migrations_pkey PRIMARY KEY (version);


--
-- Name: sessions sessions_pkey; Type: CONSTRAINT; Schema: ecosol_v15; Owner: -
--

ALTER TABLE ONLY ecosol_v15.sessions
    ADD CONSTRAINT sessions_pkey PRIMARY KEY (id_hash);


--
-- Name: sources sources_pkey; Type: CONSTRAINT; Schema: ecosol_v15; Owner: -
--

ALTER TABLE ONLY ecosol_v15.sources
    ADD CONSTRAINT sources_pkey PRIMARY KEY (id);


--
-- Name: sync_peers sync_peers_pkey; Type: CONSTRAINT; Schema: ecosol_v15; Owner: -
--

ALTER TABLE ONLY ecosol_v15.sync_peers
    ADD CONSTRAINT sync_peers_pkey PRIMARY KEY (url);


--
-- Name: terms terms_pkey; Type: CONSTRAINT; Schema: ecosol_v15; Owner: -
--

ALTER TABLE ONLY ecosol_v15.terms
    ADD CONSTRAINT terms_pkey PRIMARY KEY (scheme, code);


--
-- Name: territories territories_pkey; Type: CONSTRAINT; Schema: ecosol_v15; Owner: -
--

ALTER TABLE ONLY ecosol_v15.territories
    ADD CONSTRAINT territories_pkey PRIMARY KEY (id);


--
-- Name: users users_email_key; Type: CONSTRAINT; Schema: ecosol_v15; Owner: -
--

ALTER TABLE ONLY ecosol_v15.users
    ADD CONSTRAINT users_email_key UNIQUE (email);


--
-- Name: users users_pkey; Type: CONSTRAINT; Schema: ecosol_v15; Owner: -
--

ALTER TABLE ONLY ecosol_v15.users
    ADD CONSTRAINT users_pkey PRIMARY KEY (id);


--
-- Name: actor_codes_by_rid; Type: INDEX; Schema: ecosol_v15; Owner: -
--

CREATE INDEX actor_codes_by_rid ON ecosol_v15.actor_codes USING btree (rid);


--
-- Name: actor_identifiers_by_actor; Type: INDEX; Schema: ecosol_v15; Owner: -
--

CREATE INDEX actor_identifiers_by_actor ON ecosol_v15.actor_identifiers USING btree (actor_id);


--
-- Name: actors_by_changed_gen; Type: INDEX; Schema: ecosol_v15; Owner: -
--

CREATE INDEX actors_by_changed_gen ON ecosol_v15.actors USING btree (changed_gen, rid);


--
-- Name: actors_by_country; Type: INDEX; Schema: ecosol_v15; Owner: -
--

CREATE INDEX actors_by_country ON ecosol_v15.actors USING btree (country);


--
-- Name: actors_by_kind; Type: INDEX; Schema: ecosol_v15; Owner: -
--

CREATE INDEX actors_by_kind ON ecosol_v15.actors USING btree (kind);


--
-- Name: actors_by_name; Type: INDEX; Schema: ecosol_v15; Owner: -
--

CREATE INDEX actors_by_name ON ecosol_v15.actors USING btree (sort_name, id);


--
-- Name: actors_by_territory; Type: INDEX; Schema: ecosol_v15; Owner: -
--

CREATE INDEX actors_by_territory ON ecosol_v15.actors USING btree (territory);


--
-- Name: actors_point; Type: INDEX; Schema: ecosol_v15; Owner: -
--

CREATE INDEX actors_point ON ecosol_v15.actors USING gist (point(lon, lat)) WHERE (lat IS NOT NULL);


--
-- Name: actors_tsv; Type: INDEX; Schema: ecosol_v15; Owner: -
--

CREATE INDEX actors_tsv ON ecosol_v15.actors USING gin (tsv);


--
-- Name: api_tokens_by_user; Type: INDEX; Schema: ecosol_v15; Owner: -
--

CREATE INDEX api_tokens_by_user ON ecosol_v15.api_tokens USING btree (user_id);


--
-- Name: case_facets_by_value; Type: INDEX; Schema: ecosol_v15; Owner: -
--

CREATE INDEX case_facets_by_value ON ecosol_v15.case_facets USING btree (facet, value, rid);


--
-- Name: case_index_by_date; Type: INDEX; Schema: ecosol_v15; Owner: -
--

CREATE INDEX case_index_by_date ON ecosol_v15.case_index USING btree (created_at);


--
-- Name: case_index_heads; Type: INDEX; Schema: ecosol_v15; Owner: -
--

CREATE INDEX case_index_heads ON ecosol_v15.case_index USING btree (is_head, sort_title, case_id);


--
-- Name: case_index_published; Type: INDEX; Schema: ecosol_v15; Owner: -
--

CREATE INDEX case_index_published ON ecosol_v15.case_index USING btree (is_published, sort_title, case_id);


--
-- Name: case_index_tsv; Type: INDEX; Schema: ecosol_v15; Owner: -
--

CREATE INDEX case_index_tsv ON ecosol_v15.case_index USING gin (tsv);


--
-- Name: case_transfers_by_case; Type: INDEX; Schema: ecosol_v15; Owner: -
--

CREATE INDEX case_transfers_by_case ON ecosol_v15.case_transfers USING btree (case_id);


--
-- Name: case_transfers_by_origin; Type: INDEX; Schema: ecosol_v15; Owner: -
--

CREATE INDEX case_transfers_by_origin ON ecosol_v15.case_transfers USING btree (origin_case);


--
-- Name: case_watches_by_owner; Type: INDEX; Schema: ecosol_v15; Owner: -
--

CREATE INDEX case_watches_by_owner ON ecosol_v15.case_watches USING btree (owner, name, id);


--
-- Name: finance_heads_by_actor; Type: INDEX; Schema: ecosol_v15; Owner: -
--

CREATE INDEX finance_heads_by_actor ON ecosol_v15.finance_heads USING btree (actor_id, kind);


--
-- Name: finance_heads_by_parent; Type: INDEX; Schema: ecosol_v15; Owner: -
--

CREATE INDEX finance_heads_by_parent ON ecosol_v15.finance_heads USING btree (parent, kind);


--
-- Name: latest_verdicts_by_verdict; Type: INDEX; Schema: ecosol_v15; Owner: -
--

CREATE INDEX latest_verdicts_by_verdict ON ecosol_v15.latest_verdicts USING btree (framework, verdict, actor_id);


--
-- Name: merge_members_by_merge; Type: INDEX; Schema: ecosol_v15; Owner: -
--

CREATE INDEX merge_members_by_merge ON ecosol_v15.merge_members USING btree (merge_id, "position");


--
-- Name: offers_wants_by_actor; Type: INDEX; Schema: ecosol_v15; Owner: -
--

CREATE INDEX offers_wants_by_actor ON ecosol_v15.offers_wants USING btree (actor_id, id);


--
-- Name: participation_heads_by_parent; Type: INDEX; Schema: ecosol_v15; Owner: -
--

CREATE INDEX participation_heads_by_parent ON ecosol_v15.participation_heads USING btree (parent, kind);


--
-- Name: participation_heads_by_process; Type: INDEX; Schema: ecosol_v15; Owner: -
--

CREATE INDEX participation_heads_by_process ON ecosol_v15.participation_heads USING btree (process_id, kind);


--
-- Name: participation_records_by_process; Type: INDEX; Schema: ecosol_v15; Owner: -
--

CREATE INDEX participation_records_by_process ON ecosol_v15.participation_records USING btree (process_id);


--
-- Name: perception_assessments_by_territory; Type: INDEX; Schema: ecosol_v15; Owner: -
--

CREATE INDEX perception_assessments_by_territory ON ecosol_v15.perception_assessments USING btree (territory, date, id);


--
-- Name: relationships_by_from; Type: INDEX; Schema: ecosol_v15; Owner: -
--

CREATE INDEX relationships_by_from ON ecosol_v15.relationships USING btree (from_id);


--
-- Name: relationships_by_to; Type: INDEX; Schema: ecosol_v15; Owner: -
--

CREATE INDEX relationships_by_to ON ecosol_v15.relationships USING btree (to_id);


--
-- Name: sessions_by_user; Type: INDEX; Schema: ecosol_v15; Owner: -
--

CREATE INDEX sessions_by_user ON ecosol_v15.sessions USING btree (user_id);


--
-- Name: signin_events_by_address; Type: INDEX; Schema: ecosol_v15; Owner: -
--

CREATE INDEX signin_events_by_address ON ecosol_v15.signin_events USING btree (address, at);


--
-- Name: signin_events_by_time; Type: INDEX; Schema: ecosol_v15; Owner: -
--

CREATE INDEX signin_events_by_time ON ecosol_v15.signin_events USING btree (at);


--
-- Name: territories_by_parent; Type: INDEX; Schema: ecosol_v15; Owner: -
--

CREATE INDEX territories_by_parent ON ecosol_v15.territories USING btree (parent_id, name);


--
-- PostgreSQL database dump complete
--


