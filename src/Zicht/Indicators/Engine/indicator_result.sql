-- Stored results of the indicator engine: one row per indicator, level, area, period and category.
-- The web and the API answer from the view indicator_value; `zicht compute` keeps indicator_result current.
-- Only what a compute has to work out is stored: the counts, the value and its comparisons. What follows from
-- them (the Wilson interval, the change, the reference value, the Dutch sentence) and what follows from the
-- indicator (its unit, decimals) is written by the view for the rows a reader asks for: storing it for 3.4
-- million values cost a compute more than half of its writing time.
CREATE TABLE IF NOT EXISTS indicator_result (
    indicator_id     VARCHAR NOT NULL,
    niveau           VARCHAR NOT NULL,   -- 'gemeente' | 'regio' | 'land' | 'aanbieder'
    gebied_code      VARCHAR NOT NULL,   -- GMxxxx (current boundaries), JZxx, 'NL', AGB code
    periode          VARCHAR NOT NULL,   -- '2023' or '2023Q2'
    categorie        VARCHAR NOT NULL,   -- 'totaal', or the category of a verdeling (verwijzer, reden einde)
    teller           DOUBLE,             -- counted units in the numerator (units measured for a median)
    noemer           DOUBLE,             -- units in the denominator, or jeugdigen 0-17 for per 1.000
    waarde           DOUBLE,             -- in the indicator's eenheid
    dekking_procent  DOUBLE,             -- outcome indicators: share of units for which the outcome was measured
    regio_code       VARCHAR,            -- the region of a municipality
    regio_waarde     DOUBLE,             -- value of that region (municipalities only)
    land_waarde      DOUBLE,             -- national value
    rang             INTEGER,            -- municipalities only: 1 = most favourable (or highest when neutral)
    aantal_gemeenten INTEGER,            -- municipalities with a value in this period
    percentiel       DOUBLE,             -- municipalities only: % of municipalities with a lower value
    vorige_waarde    DOUBLE,             -- value in the previous period (the year before, the quarter before)
    berekend_op      TIMESTAMP NOT NULL
);

-- What the view needs to know of each indicator of the catalogue the figures were computed with (written in the
-- same transaction as the figures).
CREATE TABLE IF NOT EXISTS indicator_definitie (
    indicator_id     VARCHAR NOT NULL PRIMARY KEY,
    berekening       VARCHAR NOT NULL,   -- 'per_1000' | 'aandeel' | 'verdeling' | 'aantal' | 'mediaan' | 'p90'
    eenheid          VARCHAR NOT NULL,
    tekst_eenheid    VARCHAR NOT NULL,   -- what follows the numbers in the sentence: '', ' per 1.000', ' dagen'
    decimalen        INTEGER NOT NULL    -- decimals shown in the sentence
);
