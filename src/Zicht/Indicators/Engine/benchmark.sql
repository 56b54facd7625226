-- Places every computed value beside its region, the country and the previous period, and ranks the
-- municipalities. What follows from those numbers (the interval, the change, the Dutch benchmark sentence) is
-- written by the view indicator_value.
-- A query: IndicatorEngine inserts its rows into indicator_result in the transaction that replaces the stored figures.
-- The region and the ranks are worked out on narrow rows keyed by the row id of ind_raw and joined back on that id:
-- carrying all columns through those joins and windows cost more than the comparisons themselves. The previous
-- value is joined straight onto each row (the rows are the probe side, so their columns travel free; a narrow
-- join and a join back cost a second more). All joins are on the keys as numbers (indicator, level, period: ind_raw
-- carries them), which halves the cost of joining on their names.
WITH keyed AS (
    SELECT rowid AS rij, indicator_nr, niveau_nr, gebied_code, periode_nr, categorie, waarde, richting
    FROM ind_raw
),
earlier_values AS (
    SELECT indicator_nr, niveau_nr, gebied_code, periode_nr, categorie, waarde FROM ind_raw
    UNION ALL
    -- a recompute of recent periods compares its first periods with the stored ones before them (each indicator
    -- recomputes its own periods: ind_berekend)
    SELECT numbers.indicator_nr, CASE stored.niveau WHEN 'gemeente' THEN 1 WHEN 'regio' THEN 2 WHEN 'land' THEN 3 ELSE 4 END,
           stored.gebied_code, periode.periode_nr, stored.categorie, stored.waarde
    FROM indicator_result AS stored
    JOIN ind_indicator AS numbers USING (indicator_id)
    JOIN ind_periode_alle AS periode USING (periode)
    WHERE stored.periode IN (SELECT vorige FROM ind_periode)
      AND NOT EXISTS (SELECT 1 FROM ind_berekend AS berekend WHERE berekend.indicator_id = stored.indicator_id AND berekend.periode = stored.periode)
),
region AS (
    SELECT keyed.rij, gemeente.jeugdregiocode AS regio_code, region.waarde AS regio_waarde
    FROM keyed
    JOIN ind_gemeente AS gemeente ON gemeente.gemeentecode = keyed.gebied_code
    LEFT JOIN ind_raw AS region
      ON region.indicator_nr = keyed.indicator_nr AND region.niveau_nr = 2 AND region.gebied_code = gemeente.jeugdregiocode
     AND region.periode_nr = keyed.periode_nr AND region.categorie = keyed.categorie
    WHERE keyed.niveau_nr = 1
),
country AS (
    SELECT indicator_nr, periode_nr, categorie, waarde AS land_waarde FROM ind_raw WHERE niveau_nr = 3
),
-- ranks only among municipalities: the other levels (most rows are providers) need no sorting. One sort by value
-- serves all three: the rank from the low end, the number of equal values and the municipalities with a value. The
-- rank from the high end (hoger is beter, neutraal) is 1 + the municipalities with a higher value; the percentile is
-- percent_rank(), (rank from the low end - 1) / (municipalities with a value - 1). Three windows with their own
-- sorts cost twice as much.
sorted AS (
    SELECT
        rij, waarde, richting,
        rank() OVER by_value AS rang_laag,
        count(waarde) OVER (by_value RANGE BETWEEN CURRENT ROW AND CURRENT ROW) AS gelijk,
        count(waarde) OVER (by_value ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS aantal_gemeenten
    FROM keyed
    WHERE niveau_nr = 1
    WINDOW by_value AS (PARTITION BY indicator_nr, periode_nr, categorie ORDER BY waarde ASC NULLS LAST)
),
ranked AS (
    SELECT
        rij,
        CASE WHEN waarde IS NOT NULL THEN
            CASE WHEN richting = 'lager is beter' THEN rang_laag ELSE aantal_gemeenten - rang_laag - gelijk + 2 END END AS rang,
        aantal_gemeenten,
        CASE WHEN waarde IS NOT NULL THEN
            100.0 * CASE WHEN aantal_gemeenten > 1 THEN CAST(rang_laag - 1 AS DOUBLE) / CAST(aantal_gemeenten - 1 AS DOUBLE) ELSE 0 END END AS percentiel
    FROM sorted
)
SELECT
    raw.indicator_id, raw.niveau, raw.gebied_code, raw.periode, raw.categorie,
    raw.teller, raw.noemer, raw.waarde, raw.dekking_procent,
    region.regio_code, region.regio_waarde, country.land_waarde,
    ranked.rang, ranked.aantal_gemeenten, ranked.percentiel, previous.waarde AS vorige_waarde,
    current_timestamp AS berekend_op
FROM ind_raw AS raw
LEFT JOIN earlier_values AS previous
  ON previous.indicator_nr = raw.indicator_nr AND previous.niveau_nr = raw.niveau_nr AND previous.gebied_code = raw.gebied_code
 AND previous.periode_nr = raw.vorige_nr AND previous.categorie = raw.categorie
LEFT JOIN region ON region.rij = raw.rowid
LEFT JOIN ranked ON ranked.rij = raw.rowid
LEFT JOIN country
  ON country.indicator_nr = raw.indicator_nr AND country.periode_nr = raw.periode_nr AND country.categorie = raw.categorie;
