-- Places every computed value beside its region, the country and the previous period, ranks the
-- municipalities, and decides what the Dutch benchmark sentence says (the view indicator_value writes it).
-- Noise: for proportions the reference value must fall outside the 95% Wilson interval of the value; for
-- counts against the previous period the difference must exceed 1.96 * sqrt(a + b) (Poisson); for medians
-- and percentiles, for which the units are not kept here, we call a difference real only with at least 30
-- measurements and 10% apart.
-- A query: IndicatorEngine inserts its rows into indicator_result in the transaction that replaces the stored figures.
-- The comparisons are made on narrow rows keyed by the row id of ind_raw and joined back on that id:
-- carrying all columns through every join and window cost more than the comparisons themselves.
WITH keyed AS (
    SELECT raw.rowid AS rij, raw.indicator_id, raw.niveau, raw.gebied_code, raw.periode, raw.categorie, raw.waarde,
           raw.richting, periode.vorige
    FROM ind_raw AS raw
    JOIN ind_periode AS periode USING (periode)
),
earlier_values AS (
    SELECT indicator_id, niveau, gebied_code, periode, categorie, waarde FROM ind_raw
    UNION ALL
    -- a recompute of recent periods compares its first periods with the stored ones before them
    SELECT indicator_id, niveau, gebied_code, periode, categorie, waarde FROM indicator_result
    WHERE periode IN (SELECT vorige FROM ind_periode) AND periode NOT IN (SELECT periode FROM ind_periode)
),
previous AS (
    SELECT keyed.rij, earlier.waarde AS vorige_waarde
    FROM keyed
    JOIN earlier_values AS earlier
      ON earlier.indicator_id = keyed.indicator_id AND earlier.niveau = keyed.niveau AND earlier.gebied_code = keyed.gebied_code
     AND earlier.periode = keyed.vorige AND earlier.categorie = keyed.categorie
),
region AS (
    SELECT keyed.rij, gemeente.jeugdregiocode AS regio_code, region.waarde AS regio_waarde
    FROM keyed
    JOIN ind_gemeente AS gemeente ON gemeente.gemeentecode = keyed.gebied_code
    LEFT JOIN ind_raw AS region
      ON region.indicator_id = keyed.indicator_id AND region.niveau = 'regio' AND region.gebied_code = gemeente.jeugdregiocode
     AND region.periode = keyed.periode AND region.categorie = keyed.categorie
    WHERE keyed.niveau = 'gemeente'
),
country AS (
    SELECT indicator_id, periode, categorie, waarde AS land_waarde FROM ind_raw WHERE niveau = 'land'
),
-- ranks only among municipalities: the other levels (most rows are providers) need no sorting
ranked AS (
    SELECT
        rij,
        CASE WHEN waarde IS NOT NULL THEN
            rank() OVER (PARTITION BY indicator_id, periode, categorie, waarde IS NULL
                         ORDER BY CASE WHEN richting = 'lager is beter' THEN waarde ELSE -waarde END) END AS rang,
        count(waarde) OVER (PARTITION BY indicator_id, periode, categorie) AS aantal_gemeenten,
        CASE WHEN waarde IS NOT NULL THEN
            100.0 * percent_rank() OVER (PARTITION BY indicator_id, periode, categorie, waarde IS NULL ORDER BY waarde) END AS percentiel
    FROM keyed
    WHERE niveau = 'gemeente'
),
compared AS (
    SELECT
        raw.*,
        periode.soort AS periode_soort,
        periode.vorige AS vorige_periode,
        region.regio_code, region.regio_waarde, country.land_waarde, previous.vorige_waarde,
        ranked.rang, ranked.aantal_gemeenten, ranked.percentiel,
        -- clamped: a per-1.000 count can exceed an estimated population (a small municipality, synthetic data)
        least(1.0, raw.teller / nullif(raw.wilson_n, 0)) AS p,
        1.96 * 1.96 / nullif(raw.wilson_n, 0) AS z2_over_n
    FROM ind_raw AS raw
    JOIN ind_periode AS periode USING (periode)
    LEFT JOIN previous ON previous.rij = raw.rowid
    LEFT JOIN region ON region.rij = raw.rowid
    LEFT JOIN ranked ON ranked.rij = raw.rowid
    LEFT JOIN country
      ON country.indicator_id = raw.indicator_id AND country.periode = raw.periode AND country.categorie = raw.categorie
),
wilson AS (
    SELECT
        *,
        CASE WHEN wilson_n > 0 THEN wilson_schaal * ((p + z2_over_n / 2) - 1.96 * sqrt(p * (1 - p) / wilson_n + z2_over_n / (4 * wilson_n))) / (1 + z2_over_n) END AS ci_laag,
        CASE WHEN wilson_n > 0 THEN wilson_schaal * ((p + z2_over_n / 2) + 1.96 * sqrt(p * (1 - p) / wilson_n + z2_over_n / (4 * wilson_n))) / (1 + z2_over_n) END AS ci_hoog,
        -- what the sentence compares with: the region for a municipality, the country for a region or
        -- provider, the previous period for the country and for plain counts
        CASE WHEN berekening = 'aantal' OR niveau = 'land' THEN vorige_waarde
             WHEN niveau = 'gemeente' THEN regio_waarde
             ELSE land_waarde END AS referentie,
        CASE WHEN berekening = 'aantal' OR niveau = 'land' THEN 'vorige periode'
             WHEN niveau = 'gemeente' THEN 'het regionale gemiddelde'
             ELSE 'het landelijke gemiddelde' END AS referentie_naam
    FROM compared
)
SELECT
    indicator_id, niveau, gebied_code, periode, periode_soort, categorie,
    teller, noemer, waarde, eenheid, dekking_procent, ci_laag, ci_hoog,
    regio_code, regio_waarde, land_waarde, rang, aantal_gemeenten, percentiel,
    vorige_periode, vorige_waarde, waarde - vorige_waarde AS verandering,
    referentie, referentie_naam,
    CASE
        WHEN waarde IS NULL OR referentie IS NULL THEN NULL
        WHEN berekening = 'aantal' THEN abs(waarde - referentie) <= 1.96 * sqrt(waarde + referentie)
        WHEN wilson_n > 0 THEN referentie BETWEEN ci_laag AND ci_hoog
        WHEN berekening IN ('mediaan', 'p90') THEN teller < 30 OR abs(waarde - referentie) <= 0.1 * abs(referentie)
        ELSE false
    END AS binnen_ruis,
    CASE
        WHEN berekening = 'aantal' THEN '95%-interval bij Poisson-verdeelde aantallen'
        WHEN wilson_n > 0 THEN '95%-betrouwbaarheidsinterval volgens Wilson'
        ELSE 'minder dan 30 metingen of minder dan 10% verschil'
    END AS ruis_uitleg,
    tekst_eenheid, decimalen,
    current_timestamp AS berekend_op
FROM wilson;
