-- Stored results of the indicator engine: one row per indicator, level, area, period and category.
-- The web and the API answer from the view indicator_value; `zicht compute` keeps indicator_result current.
-- The Dutch benchmark sentence is written by the view from the stored numbers (the reference value, whether
-- the difference is within the noise), so a compute does not format millions of sentences nobody reads.
CREATE TABLE IF NOT EXISTS indicator_result (
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
    referentie       DOUBLE,             -- what the sentence compares with (region, country or previous period)
    referentie_naam  VARCHAR,            -- 'het regionale gemiddelde' | 'het landelijke gemiddelde' | 'vorige periode'
    binnen_ruis      BOOLEAN,            -- the difference with the reference is within the noise (NULL: no comparison)
    ruis_uitleg      VARCHAR,            -- which noise test was used
    tekst_eenheid    VARCHAR NOT NULL,   -- what follows the numbers in the sentence: '', ' per 1.000', ' dagen'
    decimalen        INTEGER NOT NULL,   -- decimals shown in the sentence
    berekend_op      TIMESTAMP NOT NULL
);
