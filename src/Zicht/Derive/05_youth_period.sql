-- Youths in care per period (every year and quarter from the first start to the latest start, "data tot"), the
-- base of the indicators that count youths. Derived here, with the other tables, because it depends only on the
-- deliveries and the reference data, not on the catalogue: counting it out (20 million episode-periods into 16
-- million youth-periods on the national set) was a third of a full compute.
--
-- The responsible municipality in a period is the one of the youth's care that started last among the care active
-- in the period (woonplaatsbeginsel: the latest start tells where the youth lived last); on a tie the highest code,
-- so the choice is reproducible. Open care runs on to the data end. The age group is the age on the last day in care
-- within the period. The care of a youth in a period is folded into four plain aggregates (hashing 20 million rows
-- into 16 million groups is most of the cost, so every aggregate counts): the latest start order (which carries the
-- municipality's number), the latest end, the latest end of jeugdhulp, and the kinds of care as bits (with a bit for
-- jeugdhulp that started in the period). The last day
-- in care within a period is the earlier of the period's end and the latest end, so it is taken after grouping.
-- Written in period order, so that a recompute of recent periods reads only their part of the table.
--
-- Open care runs on to the data end of all care, so an incremental derive that moves the data end also derives
-- again every youth whose care runs past the earlier of the two ends (their last periods change). In a full
-- rebuild the previous data end is the one just derived: nothing is added.
INSERT INTO derive_youth
SELECT DISTINCT episode.youth_id
FROM episode
CROSS JOIN (SELECT max(startdatum) AS data_tot FROM episode) AS data_end
WHERE data_end.data_tot IS DISTINCT FROM {{previous_data_end}}
  AND coalesce(episode.einddatum, DATE '9999-12-31') > least(data_end.data_tot, coalesce({{previous_data_end}}, data_end.data_tot));

{{derive into youth_period}}
WITH data_end AS (
    SELECT max(startdatum) AS data_tot FROM episode
),
spans AS (
    SELECT episode.youth_id,
           -- care in start order, then by municipality code; the code's number is the remainder
           (episode.startdatum - DATE '1900-01-01') * 10000 + CAST(substr(episode.gemeentecode_actueel, 3) AS INTEGER) AS startvolgorde,
           episode.startdatum, youth.geboortemaand, youth.geslacht,
           coalesce(episode.einddatum, DATE '9999-12-31') AS eind,
           least(coalesce(episode.einddatum, DATE '9999-12-31'), data_end.data_tot) AS laatste_dag,
           CAST(zorgvorm.soort = 'jeugdhulp' AS UTINYINT) + 2 * CAST(zorgvorm.met_verblijf AS UTINYINT)
             + 4 * CAST(zorgvorm.soort = 'jeugdbescherming' AS UTINYINT) + 8 * CAST(zorgvorm.soort = 'jeugdreclassering' AS UTINYINT)
             + 16 * CAST(episode.zorgvorm = 'JH_WIJKTEAM' AS UTINYINT) AS zorg_bits
    FROM episode
    JOIN youth_fact AS youth USING (youth_id)
    JOIN ref_zorgvorm AS zorgvorm USING (zorgvorm)
    CROSS JOIN data_end
    WHERE in_derive_scope(episode.youth_id)
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
           -- bit 32: jeugdhulp that started in the period (the year or the quarter of its start)
           bit_or(CASE WHEN (zorg_bits & 1) = 1 AND periode_nr IN (year(startdatum) * 10, year(startdatum) * 10 + quarter(startdatum))
                       THEN zorg_bits | 32 ELSE zorg_bits END) AS zorg,
           min(geboortemaand) AS geboortemaand,
           min(geslacht) AS geslacht
    FROM touched_periods
    GROUP BY periode_nr, youth_id
),
with_period AS (
    SELECT care.*,
           CASE WHEN periode_nr % 10 = 0 THEN CAST(periode_nr // 10 AS VARCHAR) ELSE (periode_nr // 10) || 'Q' || (periode_nr % 10) END AS periode,
           CASE WHEN periode_nr % 10 = 0 THEN make_date(CAST(periode_nr // 10 AS INTEGER), 12, 31)
                ELSE last_day(make_date(CAST(periode_nr // 10 AS INTEGER), CAST(3 * (periode_nr % 10) AS INTEGER), 1)) END AS tot
    FROM care_per_youth AS care
),
gemeente AS (
    SELECT gemeentecode, jeugdregiocode, CAST(substr(gemeentecode, 3) AS INTEGER) AS gemeente_nr
    FROM ref_gemeente WHERE gemeentecode = gemeentecode_actueel
)
SELECT
    CAST(care.periode_nr AS INTEGER) AS periode_nr, care.periode, care.youth_id, gemeente.gemeentecode, gemeente.jeugdregiocode,
    leeftijdsgroep_op(care.geboortemaand, least(care.tot, care.laatste_eind)) AS leeftijdsgroep,
    care.geslacht,
    (care.zorg & 1) <> 0 AS heeft_jeugdhulp,
    (care.zorg & 2) <> 0 AS heeft_verblijf,
    (care.zorg & 4) <> 0 AS heeft_jeugdbescherming,
    (care.zorg & 8) <> 0 AS heeft_jeugdreclassering,
    coalesce(leeftijd_op(care.geboortemaand, CASE WHEN care.laatste_eind_jeugdhulp IS NOT NULL THEN least(care.tot, care.laatste_eind_jeugdhulp) END) >= 18, false) AS heeft_jeugdhulp_18plus,
    (care.zorg & 16) <> 0 AS heeft_lokaal_team,
    (care.zorg & 32) <> 0 AS heeft_jeugdhulpstart
FROM with_period AS care
-- (a start before 1900 gives a negative order; its remainder is made positive)
JOIN gemeente ON gemeente.gemeente_nr = (care.laatste_startvolgorde % 10000 + 10000) % 10000
ORDER BY care.periode_nr;
