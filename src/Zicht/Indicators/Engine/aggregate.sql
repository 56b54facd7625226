-- Counts the units of one indicator (table ind_units) per area and period, for every level at once.
-- The unit query gives one row per unit (a youth or an episode) per period and category, so plain
-- counts are counts of distinct units (IndicatorEngine checks this in its tests). {{...}} are filled in
-- by IndicatorEngine from the catalogue entry (the counts per level come from IndicatorEngine.Counts: counted per
-- municipality and provider in one pass and rolled up for plain counts, over all units at every level for
-- medians; for indicators whose units fall in one quarter of their year, years are added up from quarters).
-- {{noemer}} is the denominator of the calculation: the population 0-17 (per 1.000), the units of all categories
-- of the area (verdeling: their sum per area and period, joined on by IndicatorSql; a window over the rows cost
-- 0.4-0.6 s per verdeling), none (aantal), or the units in the denominator.
INSERT INTO ind_raw
WITH {{counts}},
all_counts AS (
    SELECT * FROM area_counts WHERE niveau IN ({{niveaus}})
    UNION ALL
    SELECT * FROM provider_counts
),
with_denominator AS (
    SELECT
        counts.*,
        periode.periode_nr, periode.vorige_nr,
        {{noemer}} AS noemer
    FROM all_counts AS counts
    JOIN ind_periode AS periode USING (periode)
    LEFT JOIN ind_bevolking AS population
      ON population.niveau = counts.niveau AND population.gebied_code = counts.gebied_code AND population.jaar = periode.jaar{{categorieen}}
)
SELECT
    '{{indicator_id}}', '{{berekening}}', '{{richting}}', '{{eenheid}}', '{{tekst_eenheid}}', {{decimalen}},
    niveau, gebied_code, periode, categorie,
    teller_units AS teller,
    noemer,
    CASE '{{berekening}}'
        WHEN 'per_1000' THEN 1000.0 * teller_units / nullif(noemer, 0)
        WHEN 'aantal' THEN teller_units
        WHEN 'mediaan' THEN kwantiel_waarde
        WHEN 'p90' THEN kwantiel_waarde
        ELSE 100.0 * teller_units / nullif(noemer, 0)
    END AS waarde,
    CASE '{{berekening}}'
        WHEN 'aandeel' THEN 100.0 * noemer_units / nullif(alle_units, 0)
        WHEN 'mediaan' THEN 100.0 * teller_units / nullif(noemer_units, 0)
        WHEN 'p90' THEN 100.0 * teller_units / nullif(noemer_units, 0)
    END AS dekking_procent,
    CASE WHEN '{{berekening}}' IN ('per_1000', 'aandeel', 'verdeling') THEN noemer END AS wilson_n,
    CASE '{{berekening}}' WHEN 'per_1000' THEN 1000.0 WHEN 'aandeel' THEN 100.0 WHEN 'verdeling' THEN 100.0 END AS wilson_schaal,
    {{indicator_nr}},
    CASE niveau WHEN 'gemeente' THEN 1 WHEN 'regio' THEN 2 WHEN 'land' THEN 3 ELSE 4 END,
    periode_nr, vorige_nr
FROM with_denominator;
