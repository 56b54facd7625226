-- A municipality or region with no unit of a count ("aantal") or a rate per 1.000 in a period has the value 0, not "no
-- figure": it is ranked, compared and shown like any other (a policy adviser of a municipality without closed
-- placements wants to see 0, and a percentile that leaves such municipalities out would flatter the others). Added only
-- for periods in which the indicator has units somewhere in the country (the data cover that period), for the levels
-- it computes, and for every area with a population in the reference data. Shares, medians and distributions have no
-- value without units (their denominator is 0), so they get no row.
INSERT INTO ind_raw
WITH definitions AS (
    SELECT indicator_nr, any_value(indicator_id) AS indicator_id, any_value(berekening) AS berekening, any_value(richting) AS richting,
           any_value(eenheid) AS eenheid, any_value(tekst_eenheid) AS tekst_eenheid, any_value(decimalen) AS decimalen
    FROM ind_raw
    WHERE berekening IN ('aantal', 'per_1000')
    GROUP BY indicator_nr
),
covered AS (
    SELECT DISTINCT indicator_nr, periode_nr FROM ind_raw SEMI JOIN definitions USING (indicator_nr) WHERE niveau_nr = 3
),
levels AS (
    SELECT DISTINCT indicator_nr, niveau, niveau_nr FROM ind_raw SEMI JOIN definitions USING (indicator_nr) WHERE niveau_nr IN (1, 2)
),
candidates AS (
    SELECT definitions.*, levels.niveau, levels.niveau_nr, population.gebied_code, periode.periode, periode.periode_nr, periode.vorige_nr,
           population.jeugdigen_0_17
    FROM definitions
    JOIN covered USING (indicator_nr)
    JOIN levels USING (indicator_nr)
    JOIN ind_periode_run AS periode ON periode.periode_nr = covered.periode_nr
    JOIN ind_bevolking AS population ON population.niveau = levels.niveau AND population.jaar = periode.jaar
)
SELECT
    indicator_id, berekening, richting, eenheid, tekst_eenheid, decimalen,
    niveau, gebied_code, periode, 'totaal',
    0 AS teller,
    CASE berekening WHEN 'per_1000' THEN jeugdigen_0_17 END AS noemer,
    CASE WHEN berekening = 'per_1000' AND coalesce(jeugdigen_0_17, 0) = 0 THEN NULL ELSE 0.0 END AS waarde,
    NULL AS dekking_procent,
    CASE berekening WHEN 'per_1000' THEN jeugdigen_0_17 END AS wilson_n,
    CASE berekening WHEN 'per_1000' THEN 1000.0 END AS wilson_schaal,
    indicator_nr, niveau_nr, periode_nr, vorige_nr
FROM candidates
ANTI JOIN ind_raw AS existing
  ON existing.indicator_nr = candidates.indicator_nr AND existing.periode_nr = candidates.periode_nr
 AND existing.niveau_nr = candidates.niveau_nr AND existing.gebied_code = candidates.gebied_code;
