-- One row per youth in care per period. The responsible municipality in a period is the one of the
-- youth's care that started last among the care active in the period (woonplaatsbeginsel: the latest
-- start tells where the youth lived last); on a tie the highest code, so the choice is reproducible.
-- The age group is the age on the last day in care within the period. Reads only the columns it needs
-- from the periods each episode touches (the wide ind_actief view would carry every column along).
CREATE OR REPLACE TEMP TABLE ind_jeugdige AS
WITH spans AS (
    SELECT youth_id, gemeentecode, startvolgorde, startdatum, einddatum, is_jeugdhulp, met_verblijf,
           soort = 'jeugdbescherming' AS is_jeugdbescherming, soort = 'jeugdreclassering' AS is_jeugdreclassering,
           zorgvorm = 'JH_WIJKTEAM' AS is_lokaal_team,
           least(coalesce(einddatum, DATE '9999-12-31'), ind_meta.data_tot) AS laatste_dag
    FROM ind_episode, ind_meta
    -- a recompute needs only care that reaches the first period to compute
    WHERE coalesce(einddatum, DATE '9999-12-31') >= (SELECT min(van) FROM ind_periode)
),
touched_periods AS (
    -- periods by number (ind_periode.periode_nr), not by name
    SELECT spans.*, unnest(range(year(startdatum), year(laatste_dag) + 1)) * 10 AS periode_nr
    FROM spans
    UNION ALL
    SELECT quarters.* EXCLUDE (q), (q // 4) * 10 + q % 4 + 1 AS periode_nr
    FROM (SELECT spans.*, unnest(range(year(startdatum) * 4 + quarter(startdatum) - 1, year(laatste_dag) * 4 + quarter(laatste_dag))) AS q
          FROM spans) AS quarters
),
care_per_youth AS (
    SELECT
        touched_periods.periode_nr,
        touched_periods.youth_id,
        arg_max(touched_periods.gemeentecode, touched_periods.startvolgorde) AS gemeentecode,
        max(least(periode.tot, coalesce(touched_periods.einddatum, periode.tot))) AS laatste_dag_in_zorg,
        -- the last day of jeugdhulp in the period: 18 or older on that day means 18+ on a day of jeugdhulp
        max(CASE WHEN touched_periods.is_jeugdhulp THEN least(periode.tot, coalesce(touched_periods.einddatum, periode.tot)) END) AS laatste_dag_jeugdhulp,
        bool_or(touched_periods.is_jeugdhulp) AS heeft_jeugdhulp,
        bool_or(touched_periods.met_verblijf) AS heeft_verblijf,
        bool_or(touched_periods.is_jeugdbescherming) AS heeft_jeugdbescherming,
        bool_or(touched_periods.is_jeugdreclassering) AS heeft_jeugdreclassering,
        bool_or(touched_periods.is_lokaal_team) AS heeft_lokaal_team
    FROM touched_periods
    JOIN ind_periode AS periode USING (periode_nr)
    GROUP BY touched_periods.periode_nr, touched_periods.youth_id
)
SELECT
    periode.periode, care.youth_id, care.gemeentecode, gemeente.jeugdregiocode,
    leeftijdsgroep_op(youth.geboortemaand, care.laatste_dag_in_zorg) AS leeftijdsgroep,
    youth.geslacht, care.heeft_jeugdhulp, care.heeft_verblijf, care.heeft_jeugdbescherming,
    care.heeft_jeugdreclassering,
    coalesce(leeftijd_op(youth.geboortemaand, care.laatste_dag_jeugdhulp) >= 18, false) AS heeft_jeugdhulp_18plus,
    care.heeft_lokaal_team
FROM care_per_youth AS care
JOIN ind_periode AS periode USING (periode_nr)
JOIN youth_fact AS youth USING (youth_id)
JOIN ind_gemeente AS gemeente USING (gemeentecode);
