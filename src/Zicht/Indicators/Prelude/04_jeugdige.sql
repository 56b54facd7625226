-- One row per youth in care per period. The responsible municipality in a period is the one of the
-- youth's care that started last among the care active in the period (woonplaatsbeginsel: the latest
-- start tells where the youth lived last); on a tie the highest code, so the choice is reproducible.
-- The age group is the age on the last day in care within the period. Reads only the columns it needs
-- from the periods each episode touches (the wide ind_actief view would carry every column along).
-- The care of a youth in a period is folded into four plain aggregates (hashing 20 million rows into
-- 16 million groups is most of the cost, so every aggregate counts): the latest start order (which
-- carries the municipality's number, see ind_episode.startvolgorde), the latest end, the latest end of
-- jeugdhulp, and the kinds of care as bits. The last day in care within a period is the earlier of the
-- period's end and the latest end, so it is taken after grouping.
CREATE OR REPLACE TEMP TABLE ind_jeugdige AS
WITH spans AS (
    SELECT youth_id, startvolgorde, startdatum, geboortemaand, geslacht,
           coalesce(einddatum, DATE '9999-12-31') AS eind,
           least(coalesce(einddatum, DATE '9999-12-31'), ind_meta.data_tot) AS laatste_dag,
           CAST(is_jeugdhulp AS UTINYINT) + 2 * CAST(met_verblijf AS UTINYINT) + 4 * CAST(soort = 'jeugdbescherming' AS UTINYINT)
             + 8 * CAST(soort = 'jeugdreclassering' AS UTINYINT) + 16 * CAST(zorgvorm = 'JH_WIJKTEAM' AS UTINYINT) AS zorg_bits
    FROM ind_episode, ind_meta
    WHERE coalesce(einddatum, DATE '9999-12-31') >= (SELECT min(van) FROM ind_periode)
),
touched_periods AS (
    SELECT spans.*, unnest(range(year(startdatum), year(laatste_dag) + 1)) * 10 AS periode_nr
    FROM spans
    UNION ALL
    SELECT quarters.* EXCLUDE (q), (q // 4) * 10 + q % 4 + 1 AS periode_nr
    FROM (SELECT spans.*, unnest(range(year(startdatum) * 4 + quarter(startdatum) - 1, year(laatste_dag) * 4 + quarter(laatste_dag))) AS q
          FROM spans) AS quarters
),
care_per_youth AS (
    SELECT periode_nr, youth_id,
           max(startvolgorde) AS laatste_startvolgorde,
           max(eind) AS laatste_eind,
           max(CASE WHEN (zorg_bits & 1) = 1 THEN eind END) AS laatste_eind_jeugdhulp,
           bit_or(zorg_bits) AS zorg,
           min(geboortemaand) AS geboortemaand,
           min(geslacht) AS geslacht
    FROM touched_periods
    GROUP BY periode_nr, youth_id
)
SELECT
    periode.periode, care.youth_id, gemeente.gemeentecode, gemeente.jeugdregiocode,
    leeftijdsgroep_op(care.geboortemaand, least(periode.tot, care.laatste_eind)) AS leeftijdsgroep,
    care.geslacht,
    (care.zorg & 1) <> 0 AS heeft_jeugdhulp,
    (care.zorg & 2) <> 0 AS heeft_verblijf,
    (care.zorg & 4) <> 0 AS heeft_jeugdbescherming,
    (care.zorg & 8) <> 0 AS heeft_jeugdreclassering,
    coalesce(leeftijd_op(care.geboortemaand, CASE WHEN care.laatste_eind_jeugdhulp IS NOT NULL THEN least(periode.tot, care.laatste_eind_jeugdhulp) END) >= 18, false) AS heeft_jeugdhulp_18plus,
    (care.zorg & 16) <> 0 AS heeft_lokaal_team
FROM care_per_youth AS care
JOIN ind_periode AS periode USING (periode_nr)
-- (a start before 1900 gives a negative order; its remainder is made positive)
JOIN ind_gemeente AS gemeente ON gemeente.gemeente_nr = (care.laatste_startvolgorde % 10000 + 10000) % 10000;
