-- Places every computed value beside its region, the country and the previous period, ranks the
-- municipalities, and writes the Dutch benchmark sentence. Noise: for proportions the reference value
-- must fall outside the 95% Wilson interval of the value; for counts against the previous period the
-- difference must exceed 1.96 * sqrt(a + b) (Poisson); for medians and percentiles, for which the
-- units are not kept here, we call a difference real only with at least 30 measurements and 10% apart.
-- Built as a working table; IndicatorEngine then replaces the stored figures with it in one transaction.
CREATE OR REPLACE TEMP TABLE ind_value AS
WITH with_interval AS (
    SELECT
        raw.*,
        periode.soort AS periode_soort,
        periode.vorige AS vorige_periode,
        -- clamped: a per-1.000 count can exceed an estimated population (a small municipality, synthetic data)
        least(1.0, raw.teller / nullif(raw.wilson_n, 0)) AS p,
        1.96 * 1.96 / nullif(raw.wilson_n, 0) AS z2_over_n
    FROM ind_raw AS raw
    JOIN ind_periode AS periode USING (periode)
),
wilson AS (
    SELECT
        *,
        CASE WHEN wilson_n > 0 THEN wilson_schaal * ((p + z2_over_n / 2) - 1.96 * sqrt(p * (1 - p) / wilson_n + z2_over_n / (4 * wilson_n))) / (1 + z2_over_n) END AS ci_laag,
        CASE WHEN wilson_n > 0 THEN wilson_schaal * ((p + z2_over_n / 2) + 1.96 * sqrt(p * (1 - p) / wilson_n + z2_over_n / (4 * wilson_n))) / (1 + z2_over_n) END AS ci_hoog
    FROM with_interval
),
earlier_values AS (
    SELECT indicator_id, niveau, gebied_code, periode, categorie, waarde FROM ind_raw
    UNION ALL
    SELECT indicator_id, niveau, gebied_code, periode, categorie, waarde FROM indicator_value
    WHERE periode NOT IN (SELECT periode FROM ind_periode)
),
compared AS (
    SELECT
        wilson.*,
        CASE WHEN wilson.niveau = 'gemeente' THEN gemeente.jeugdregiocode END AS regio_code,
        CASE WHEN wilson.niveau = 'gemeente' THEN region.waarde END AS regio_waarde,
        country.waarde AS land_waarde,
        previous.waarde AS vorige_waarde
    FROM wilson
    -- an equality on one expression (not "niveau = 'gemeente' AND ..."), so DuckDB can hash-join it
    LEFT JOIN ind_gemeente AS gemeente
      ON gemeente.gemeentecode = CASE WHEN wilson.niveau = 'gemeente' THEN wilson.gebied_code END
    LEFT JOIN ind_raw AS region
      ON region.indicator_id = wilson.indicator_id AND region.niveau = 'regio' AND region.gebied_code = gemeente.jeugdregiocode
     AND region.periode = wilson.periode AND region.categorie = wilson.categorie
    LEFT JOIN ind_raw AS country
      ON country.indicator_id = wilson.indicator_id AND country.niveau = 'land'
     AND country.periode = wilson.periode AND country.categorie = wilson.categorie
    LEFT JOIN earlier_values AS previous
      ON previous.indicator_id = wilson.indicator_id AND previous.niveau = wilson.niveau AND previous.gebied_code = wilson.gebied_code
     AND previous.periode = wilson.vorige_periode AND previous.categorie = wilson.categorie
),
-- ranks only among municipalities: the other levels (most rows are providers) need no sorting
ranked_municipalities AS (
    SELECT
        *,
        CASE WHEN waarde IS NOT NULL THEN
            rank() OVER (PARTITION BY indicator_id, periode, categorie, waarde IS NULL
                         ORDER BY CASE WHEN richting = 'lager is beter' THEN waarde ELSE -waarde END) END AS rang,
        count(waarde) OVER (PARTITION BY indicator_id, periode, categorie) AS aantal_gemeenten,
        CASE WHEN waarde IS NOT NULL THEN
            100.0 * percent_rank() OVER (PARTITION BY indicator_id, periode, categorie, waarde IS NULL ORDER BY waarde) END AS percentiel
    FROM compared
    WHERE niveau = 'gemeente'
),
ranked AS (
    SELECT * FROM ranked_municipalities
    UNION ALL
    SELECT *, CAST(NULL AS BIGINT) AS rang, CAST(NULL AS BIGINT) AS aantal_gemeenten, CAST(NULL AS DOUBLE) AS percentiel
    FROM compared
    WHERE niveau <> 'gemeente'
),
with_reference AS (
    SELECT
        *,
        -- what the sentence compares with: the region for a municipality, the country for a region or
        -- provider, the previous period for the country and for plain counts
        CASE WHEN berekening = 'aantal' OR niveau = 'land' THEN vorige_waarde
             WHEN niveau = 'gemeente' THEN regio_waarde
             ELSE land_waarde END AS referentie,
        CASE WHEN berekening = 'aantal' OR niveau = 'land' THEN 'vorige periode'
             WHEN niveau = 'gemeente' THEN 'het regionale gemiddelde'
             ELSE 'het landelijke gemiddelde' END AS referentie_naam
    FROM ranked
),
judged AS (
    SELECT
        *,
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
        END AS ruis_uitleg
    FROM with_reference
),
formatted AS (
    SELECT
        *,
        replace(replace(replace(
            CASE WHEN decimalen = 0 THEN format('{:,.0f}', waarde) ELSE format('{:,.1f}', waarde) END,
            ',', '_'), '.', ','), '_', '.') || CASE WHEN eenheid = 'procent' THEN '%' ELSE '' END AS waarde_tekst,
        replace(replace(replace(
            CASE WHEN decimalen = 0 THEN format('{:,.0f}', referentie) ELSE format('{:,.1f}', referentie) END,
            ',', '_'), '.', ','), '_', '.') || CASE WHEN eenheid = 'procent' THEN '%' ELSE '' END AS referentie_tekst
    FROM judged
)
SELECT
    indicator_id, niveau, gebied_code, periode, periode_soort, categorie,
    teller, noemer, waarde, eenheid, dekking_procent, ci_laag, ci_hoog,
    regio_code, regio_waarde, land_waarde, rang, aantal_gemeenten, percentiel,
    vorige_periode, vorige_waarde, waarde - vorige_waarde AS verandering,
    CASE
        WHEN binnen_ruis IS NULL THEN NULL
        WHEN waarde = referentie THEN 'Gelijk aan ' || referentie_naam || ' (' || waarde_tekst || tekst_eenheid || ')'
        WHEN binnen_ruis THEN 'Niet duidelijk anders dan ' || referentie_naam || ' (' || waarde_tekst || ' tegen ' || referentie_tekst || tekst_eenheid
                              || '); het verschil valt binnen de ruis van kleine aantallen (' || ruis_uitleg || ')'
        WHEN waarde > referentie THEN 'Hoger dan ' || referentie_naam || ' (' || waarde_tekst || ' tegen ' || referentie_tekst || tekst_eenheid || ')'
        WHEN waarde < referentie THEN 'Lager dan ' || referentie_naam || ' (' || waarde_tekst || ' tegen ' || referentie_tekst || tekst_eenheid || ')'
    END AS benchmark_tekst,
    current_timestamp AS berekend_op
FROM formatted;
