-- The store. Raw identifiers never reach it: `youth` holds only keyed pseudonyms.
-- Code columns use ENUM types made from the reference data (ZichtStore.CodeTypes): they read as text
-- in SQL ('JH_AMBULANT', LIKE 'JV\_%') and store as one byte.
-- No PRIMARY KEY/UNIQUE on the large tables: DuckDB's ART indexes slow bulk loads badly;
-- uniqueness of (bron, bron_traject_id) is enforced by ingest.

CREATE SEQUENCE IF NOT EXISTS delivery_seq START 1;

CREATE TABLE IF NOT EXISTS delivery (
    delivery_id      INTEGER NOT NULL,
    bron             VARCHAR NOT NULL,      -- the delivering source (leverancier)
    periode          VARCHAR NOT NULL,      -- the period the delivery covers, e.g. '2023' or '2015-2024'
    file_name        VARCHAR NOT NULL,
    file_sha256      VARCHAR NOT NULL,
    file_bytes       BIGINT  NOT NULL,
    rows_read        BIGINT  NOT NULL,
    rows_accepted    BIGINT  NOT NULL,
    rows_rejected    BIGINT  NOT NULL,
    warnings         BIGINT  NOT NULL,
    rows_superseded  BIGINT  NOT NULL,      -- rows of earlier deliveries replaced by a newer version of the same trajectory
    status           VARCHAR NOT NULL,      -- 'actief' | 'vervangen'
    replaced_by      INTEGER,
    ingested_at      TIMESTAMP NOT NULL,
    duration_ms      BIGINT NOT NULL
);

CREATE TABLE IF NOT EXISTS youth (
    youth_id    INTEGER NOT NULL,
    pseudoniem  VARCHAR NOT NULL            -- 64 hex chars, HMAC-SHA256 of the BSN under the store's key
);

CREATE TABLE IF NOT EXISTS aanbieder (
    aanbieder_agb  VARCHAR NOT NULL,
    aanbieder_naam VARCHAR
);

-- One row per delivered trajectory (the current version: a newer delivery of the same
-- (bron, bron_traject_id) supersedes the older row).
CREATE TABLE IF NOT EXISTS trajectory (
    delivery_id        INTEGER  NOT NULL,
    regel              INTEGER  NOT NULL,   -- line in the delivered file
    bron               VARCHAR  NOT NULL,
    bron_traject_id    VARCHAR  NOT NULL,
    youth_id           INTEGER  NOT NULL,
    geboortemaand      DATE     NOT NULL,   -- first day of the birth month; the day is never kept
    geslacht           geslacht_code NOT NULL,  -- M, V, X, O
    gemeentecode       VARCHAR  NOT NULL,   -- GMxxxx as delivered (valid on startdatum)
    postcode4          SMALLINT,
    aanbieder_agb      VARCHAR,             -- NULL only for JH_WIJKTEAM
    zorgvorm           zorgvorm_code NOT NULL,
    productcategorie   VARCHAR,
    productcode        VARCHAR,
    verwijzer          verwijzer_code,
    aanmelddatum       DATE,
    startdatum         DATE     NOT NULL,
    einddatum          DATE,                -- NULL = still running
    reden_einde        reden_einde_code,
    tevredenheid       jno_code,            -- J, N, O
    zonder_hulp_verder jno_code,            -- J, N, O
    probleemafname     jno_code,            -- J, N, O
    doelrealisatie     doelrealisatie_code, -- V, G, N, O
    crisis             BOOLEAN
);

-- Older versions of trajectories, kept so that replacing the delivery that superseded them can bring
-- them back. Not used by indicators.
CREATE TABLE IF NOT EXISTS trajectory_superseded AS
SELECT *, NULL::INTEGER AS superseded_by FROM trajectory LIMIT 0;

-- The youths whose trajectories a correction removed or brought back (delivery_id: the correcting delivery), kept
-- for the next derive, which rebuilds only the youths whose trajectories changed. youth_id NULL: the correction was
-- recorded (a correction without that row, made by an earlier Zicht, makes the next derive rebuild everything).
CREATE TABLE IF NOT EXISTS replaced_trajectory_youth (
    delivery_id INTEGER NOT NULL,
    youth_id    INTEGER
);

-- Findings of the validation of every delivery (errors reject a row, warnings do not).
-- `waarde` never holds a BSN: findings on the bsn column carry a masked value.
CREATE TABLE IF NOT EXISTS finding (
    delivery_id INTEGER NOT NULL,
    file_name   VARCHAR NOT NULL,
    regel       INTEGER NOT NULL,
    kolom       VARCHAR,
    waarde      VARCHAR,
    code        VARCHAR NOT NULL,
    ernst       VARCHAR NOT NULL,           -- 'fout' | 'waarschuwing'
    melding     VARCHAR NOT NULL
);

-- Bookkeeping for derived tables (which ingest they reflect).
CREATE TABLE IF NOT EXISTS store_meta (
    key   VARCHAR NOT NULL,
    value VARCHAR
);
