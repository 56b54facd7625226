-- One row per youth in care per period. The responsible municipality in a period is the one of the
-- youth's care that started last among the care active in the period (woonplaatsbeginsel: the latest
-- start tells where the youth lived last); on a tie the highest code, so the choice is reproducible.
-- The age group is the age on the last day in care within the period.
CREATE OR REPLACE TEMP TABLE ind_jeugdige AS
WITH care_per_youth AS (
    SELECT
        periode,
        youth_id,
        arg_max(gemeentecode, (startdatum - DATE '1900-01-01') * 10000 + CAST(substr(gemeentecode, 3) AS INTEGER)) AS gemeentecode,
        max(least(tot, coalesce(einddatum, tot))) AS laatste_dag_in_zorg,
        any_value(geboortemaand) AS geboortemaand,
        any_value(geslacht) AS geslacht,
        bool_or(is_jeugdhulp) AS heeft_jeugdhulp,
        bool_or(met_verblijf) AS heeft_verblijf,
        bool_or(soort = 'jeugdbescherming') AS heeft_jeugdbescherming,
        bool_or(soort = 'jeugdreclassering') AS heeft_jeugdreclassering,
        -- 18 or older on a day of jeugdhulp in the period: the last such day decides
        bool_or(is_jeugdhulp AND leeftijd_op(geboortemaand, least(tot, coalesce(einddatum, tot))) >= 18) AS heeft_jeugdhulp_18plus,
        bool_or(zorgvorm = 'JH_WIJKTEAM') AS heeft_lokaal_team
    FROM ind_actief
    GROUP BY periode, youth_id
)
SELECT
    care.periode, care.youth_id, care.gemeentecode, gemeente.jeugdregiocode,
    leeftijdsgroep_op(care.geboortemaand, care.laatste_dag_in_zorg) AS leeftijdsgroep,
    care.geslacht, care.heeft_jeugdhulp, care.heeft_verblijf, care.heeft_jeugdbescherming,
    care.heeft_jeugdreclassering, care.heeft_jeugdhulp_18plus, care.heeft_lokaal_team
FROM care_per_youth AS care
JOIN ind_gemeente AS gemeente USING (gemeentecode);
