-- The responsible municipality (current boundaries) per period: from each start of care until the
-- day before a start of care under another municipality. Most youths have one municipality: their
-- single period is taken directly; the windows run only for youths who moved.
CREATE OR REPLACE TABLE youth_gemeente AS
WITH municipalities_per_youth AS (
    SELECT youth_id, min(gemeentecode_actueel) AS gemeentecode_actueel, min(startdatum) AS geldig_van,
           count(DISTINCT gemeentecode_actueel) AS municipalities
    FROM episode
    GROUP BY youth_id
),
municipality_per_start AS (
    SELECT episode.youth_id, episode.startdatum, min(episode.gemeentecode_actueel) AS gemeentecode_actueel
    FROM episode
    SEMI JOIN (SELECT youth_id FROM municipalities_per_youth WHERE municipalities > 1) AS movers
      ON movers.youth_id = episode.youth_id
    GROUP BY episode.youth_id, episode.startdatum
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
SELECT youth_id, gemeentecode_actueel, geldig_van, NULL::DATE AS geldig_tot
FROM municipalities_per_youth
WHERE municipalities = 1
UNION ALL
SELECT
    youth_id,
    gemeentecode_actueel,
    geldig_van,
    lead(geldig_van) OVER (PARTITION BY youth_id ORDER BY geldig_van) - 1 AS geldig_tot
FROM period_bounds;
