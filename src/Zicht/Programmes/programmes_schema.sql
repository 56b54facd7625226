-- Transformation programmes (Programmes/). One row set per programme; `volgorde` keeps the order
-- the programme manager wrote things in. No key constraints: ProgrammeStore replaces a programme's
-- rows inside one transaction, and the validator guarantees uniqueness before anything is written.

CREATE TABLE IF NOT EXISTS programma_kop (
    programma_id   VARCHAR NOT NULL,
    naam           VARCHAR NOT NULL,
    gebied_niveau  VARCHAR NOT NULL,   -- gemeente | regio | land
    gebied_code    VARCHAR NOT NULL,   -- e.g. GM0363 or JZ13, used to look up indicator values
    inleiding      VARCHAR
);

CREATE TABLE IF NOT EXISTS programma_actielijn (
    programma_id VARCHAR NOT NULL,
    nummer       INTEGER NOT NULL,
    titel        VARCHAR NOT NULL,
    inzet        VARCHAR,              -- "Waar zetten we op in?"
    volgorde     INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS programma_subdoel (
    programma_id VARCHAR NOT NULL,
    actielijn    INTEGER NOT NULL,
    letter       VARCHAR NOT NULL,
    tekst        VARCHAR NOT NULL,
    volgorde     INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS programma_voorstel (
    programma_id VARCHAR NOT NULL,
    nummer       INTEGER NOT NULL,
    actielijn    INTEGER NOT NULL,
    titel        VARCHAR NOT NULL,
    doel         VARCHAR,
    aanpak       VARCHAR,
    betrokkenen  VARCHAR,
    monitoring   VARCHAR,
    verbinding   VARCHAR,
    kennisdeling VARCHAR,
    eindproduct  VARCHAR,
    budget_euro  DECIMAL(14, 2),
    volgorde     INTEGER NOT NULL
);

-- Links from a sub-goal ("2b") or a proposal ("3") to a catalogue indicator.
CREATE TABLE IF NOT EXISTS programma_indicator (
    programma_id VARCHAR NOT NULL,
    soort        VARCHAR NOT NULL,     -- subdoel | voorstel
    verwijzing   VARCHAR NOT NULL,     -- sub-goal code or proposal number
    indicator_id VARCHAR NOT NULL,
    volgorde     INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS programma_periode (
    programma_id VARCHAR NOT NULL,
    code         VARCHAR NOT NULL,     -- VGR5
    naam         VARCHAR NOT NULL,     -- VGR 5: juni t/m oktober 2020
    van          DATE NOT NULL,
    tot          DATE NOT NULL,
    editie       VARCHAR NOT NULL,     -- voorjaar | najaar
    volgorde     INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS programma_mijlpaal (
    programma_id VARCHAR NOT NULL,
    volgorde     INTEGER NOT NULL,
    tekst        VARCHAR NOT NULL,
    subdoel      VARCHAR,
    periode      VARCHAR,
    datum        DATE,
    status       VARCHAR NOT NULL,
    link         VARCHAR
);

-- The action lines a milestone belongs to (one or more); `mijlpaal` is the milestone's volgorde.
CREATE TABLE IF NOT EXISTS programma_mijlpaal_actielijn (
    programma_id VARCHAR NOT NULL,
    mijlpaal     INTEGER NOT NULL,
    actielijn    INTEGER NOT NULL,
    volgorde     INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS programma_vervolgstap (
    programma_id VARCHAR NOT NULL,
    volgorde     INTEGER NOT NULL,
    tekst        VARCHAR NOT NULL,
    subdoel      VARCHAR NOT NULL,
    kwartaal     VARCHAR,              -- 2021Q1
    gereed       BOOLEAN NOT NULL
);

CREATE TABLE IF NOT EXISTS programma_activiteit (
    programma_id VARCHAR NOT NULL,
    volgorde     INTEGER NOT NULL,
    tekst        VARCHAR NOT NULL,
    actielijn    INTEGER,
    jaar         INTEGER NOT NULL,
    doel         DOUBLE NOT NULL,
    gerealiseerd DOUBLE,
    eenheid      VARCHAR
);

-- Every change to a programme: who, when, what. Never deleted, also not when a programme is replaced.
CREATE TABLE IF NOT EXISTS programma_wijziging (
    programma_id VARCHAR NOT NULL,
    wanneer      TIMESTAMP NOT NULL,
    door         VARCHAR NOT NULL,
    wat          VARCHAR NOT NULL
);
