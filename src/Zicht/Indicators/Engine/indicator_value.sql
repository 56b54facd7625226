-- Stored results of the indicator engine: one row per indicator, level, area, period and category.
-- The web and the API answer from this table; `zicht compute` keeps it current.
CREATE TABLE IF NOT EXISTS indicator_value (
    indicator_id     VARCHAR NOT NULL,
    niveau           VARCHAR NOT NULL,   -- 'gemeente' | 'regio' | 'land' | 'aanbieder'
    gebied_code      VARCHAR NOT NULL,   -- GMxxxx (current boundaries), JZxx, 'NL', AGB code
    periode          VARCHAR NOT NULL,   -- '2023' or '2023Q2'
    periode_soort    VARCHAR NOT NULL,   -- 'jaar' | 'kwartaal'
    categorie        VARCHAR NOT NULL,   -- 'totaal', or the category of a verdeling (verwijzer, reden einde)
    teller           DOUBLE,             -- counted units in the numerator (units measured for a median)
    noemer           DOUBLE,             -- units in the denominator, or jeugdigen 0-17 for per 1.000
    waarde           DOUBLE,             -- in `eenheid`
    eenheid          VARCHAR NOT NULL,
    dekking_procent  DOUBLE,             -- outcome indicators: share of units for which the outcome was measured
    ci_laag          DOUBLE,             -- 95% Wilson interval of waarde (proportions only)
    ci_hoog          DOUBLE,
    regio_code       VARCHAR,            -- the region of a municipality
    regio_waarde     DOUBLE,             -- value of that region (municipalities only)
    land_waarde      DOUBLE,             -- national value
    rang             INTEGER,            -- municipalities only: 1 = most favourable (or highest when neutral)
    aantal_gemeenten INTEGER,            -- municipalities with a value in this period
    percentiel       DOUBLE,             -- municipalities only: % of municipalities with a lower value
    vorige_periode   VARCHAR,
    vorige_waarde    DOUBLE,
    verandering      DOUBLE,             -- waarde - vorige_waarde, in `eenheid`
    benchmark_tekst  VARCHAR,            -- Dutch sentence comparing with region, country or previous period
    berekend_op      TIMESTAMP NOT NULL
);
