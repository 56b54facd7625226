-- The responsible municipality (current boundaries) per period: from each start of a trajectory until
-- the day before a start under another municipality. Built from trajectories, not episodes, so that a
-- move during continuous care counts. Most youths have one municipality: their single period is taken
-- directly; the windows run only for youths who moved.
{{derive into youth_gemeente}}
WITH trajectory_municipality AS (
    SELECT trajectory.youth_id, trajectory.startdatum, gemeente.gemeentecode_actueel
    FROM trajectory
    JOIN ref_gemeente AS gemeente ON gemeente.gemeentecode = trajectory.gemeentecode
    WHERE in_derive_scope(trajectory.youth_id)
),
municipalities_per_youth AS (
    SELECT youth_id, min(gemeentecode_actueel) AS gemeentecode_actueel, min(startdatum) AS geldig_van,
           count(DISTINCT gemeentecode_actueel) AS municipalities
    FROM trajectory_municipality
    GROUP BY youth_id
),
municipality_per_start AS (
    SELECT trajectory_municipality.youth_id, trajectory_municipality.startdatum,
           min(trajectory_municipality.gemeentecode_actueel) AS gemeentecode_actueel
    FROM trajectory_municipality
    SEMI JOIN (SELECT youth_id FROM municipalities_per_youth WHERE municipalities > 1) AS movers
      ON movers.youth_id = trajectory_municipality.youth_id
    GROUP BY trajectory_municipality.youth_id, trajectory_municipality.startdatum
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
