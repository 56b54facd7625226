-- The responsible municipality (current boundaries) per period: from each start of care until the
-- day before a start of care under another municipality.
CREATE OR REPLACE TABLE youth_gemeente AS
WITH municipality_per_start AS (
    SELECT youth_id, startdatum, min(gemeentecode_actueel) AS gemeentecode_actueel
    FROM episode
    GROUP BY youth_id, startdatum
),
changes AS (
    SELECT
        *,
        CASE WHEN gemeentecode_actueel IS DISTINCT FROM lag(gemeentecode_actueel) OVER per_youth THEN 1 ELSE 0 END AS is_change
    FROM municipality_per_start
    WINDOW per_youth AS (PARTITION BY youth_id ORDER BY startdatum)
),
periods AS (
    SELECT *, sum(is_change) OVER (PARTITION BY youth_id ORDER BY startdatum ROWS UNBOUNDED PRECEDING) AS period_nr
    FROM changes
),
period_bounds AS (
    SELECT youth_id, period_nr, any_value(gemeentecode_actueel) AS gemeentecode_actueel, min(startdatum) AS geldig_van
    FROM periods
    GROUP BY youth_id, period_nr
)
SELECT
    youth_id,
    gemeentecode_actueel,
    geldig_van,
    lead(geldig_van) OVER (PARTITION BY youth_id ORDER BY geldig_van) - 1 AS geldig_tot
FROM period_bounds;
