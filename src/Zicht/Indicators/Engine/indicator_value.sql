-- What readers (the web, the API, exports, reports) see: the stored figures (indicator_result) with what follows
-- from them, worked out here for the rows a reader asks for:
-- - the 95% Wilson interval of a proportion (per 1.000, aandeel, verdeling);
-- - the change against the previous period;
-- - the Dutch benchmark sentence. It compares a municipality with its region, a region or provider with the
--   country, and the country and plain counts with the previous period.
-- Noise: for proportions the reference value must fall outside the Wilson interval of the value; for counts
-- against the previous period the difference must exceed 1.96 * sqrt(a + b) (Poisson); for medians and
-- percentiles, for which the units are not kept, we call a difference real only with at least 30
-- measurements and 10% apart.
CREATE OR REPLACE VIEW indicator_value AS
WITH base AS (
    SELECT
        result.*,
        definitie.berekening, definitie.eenheid, definitie.tekst_eenheid, definitie.decimalen,
        CASE WHEN definitie.berekening IN ('per_1000', 'aandeel', 'verdeling') THEN result.noemer END AS wilson_n,
        CASE WHEN definitie.berekening = 'per_1000' THEN 1000.0 ELSE 100.0 END AS wilson_schaal
    FROM indicator_result AS result
    JOIN indicator_definitie AS definitie USING (indicator_id)
),
interval AS (
    SELECT
        *,
        -- clamped: a per-1.000 count can exceed an estimated population (a small municipality, synthetic data)
        least(1.0, teller / nullif(wilson_n, 0)) AS p,
        1.96 * 1.96 / nullif(wilson_n, 0) AS z2_over_n
    FROM base
),
wilson AS (
    SELECT
        *,
        CASE WHEN wilson_n > 0 THEN wilson_schaal * ((p + z2_over_n / 2) - 1.96 * sqrt(p * (1 - p) / wilson_n + z2_over_n / (4 * wilson_n))) / (1 + z2_over_n) END AS ci_laag,
        CASE WHEN wilson_n > 0 THEN wilson_schaal * ((p + z2_over_n / 2) + 1.96 * sqrt(p * (1 - p) / wilson_n + z2_over_n / (4 * wilson_n))) / (1 + z2_over_n) END AS ci_hoog,
        CASE WHEN berekening = 'aantal' OR niveau = 'land' THEN vorige_waarde
             WHEN niveau = 'gemeente' THEN regio_waarde
             ELSE land_waarde END AS referentie,
        CASE WHEN berekening = 'aantal' OR niveau = 'land' THEN 'vorige periode'
             WHEN niveau = 'gemeente' THEN 'het regionale gemiddelde'
             ELSE 'het landelijke gemiddelde' END AS referentie_naam
    FROM interval
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
        END AS ruis_uitleg,
        replace(replace(replace(
            CASE WHEN decimalen = 0 THEN format('{:,.0f}', waarde) ELSE format('{:,.1f}', waarde) END,
            ',', '_'), '.', ','), '_', '.') || CASE WHEN eenheid = 'procent' THEN '%' ELSE '' END AS waarde_tekst,
        replace(replace(replace(
            CASE WHEN decimalen = 0 THEN format('{:,.0f}', referentie) ELSE format('{:,.1f}', referentie) END,
            ',', '_'), '.', ','), '_', '.') || CASE WHEN eenheid = 'procent' THEN '%' ELSE '' END AS referentie_tekst
    FROM wilson
)
SELECT
    indicator_id, niveau, gebied_code, periode,
    CASE WHEN length(periode) = 4 THEN 'jaar' ELSE 'kwartaal' END AS periode_soort,
    categorie, teller, noemer, waarde, eenheid, dekking_procent, ci_laag, ci_hoog,
    regio_code, regio_waarde, land_waarde, rang, aantal_gemeenten, percentiel,
    CASE WHEN length(periode) = 4 THEN CAST(CAST(periode AS INTEGER) - 1 AS VARCHAR)
         WHEN periode[6] = '1' THEN CAST(CAST(periode[1:4] AS INTEGER) - 1 AS VARCHAR) || 'Q4'
         ELSE periode[1:5] || CAST(CAST(periode[6] AS INTEGER) - 1 AS VARCHAR) END AS vorige_periode,
    vorige_waarde,
    waarde - vorige_waarde AS verandering,
    CASE
        WHEN binnen_ruis IS NULL THEN NULL
        WHEN waarde = referentie THEN 'Gelijk aan ' || referentie_naam || ' (' || waarde_tekst || tekst_eenheid || ')'
        WHEN binnen_ruis THEN 'Niet duidelijk anders dan ' || referentie_naam || ' (' || waarde_tekst || ' tegen ' || referentie_tekst || tekst_eenheid
                              || '); het verschil valt binnen de ruis van kleine aantallen (' || ruis_uitleg || ')'
        WHEN waarde > referentie THEN 'Hoger dan ' || referentie_naam || ' (' || waarde_tekst || ' tegen ' || referentie_tekst || tekst_eenheid || ')'
        WHEN waarde < referentie THEN 'Lager dan ' || referentie_naam || ' (' || waarde_tekst || ' tegen ' || referentie_tekst || tekst_eenheid || ')'
    END AS benchmark_tekst,
    berekend_op
FROM judged;
