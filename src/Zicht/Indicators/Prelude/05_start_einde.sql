-- Episodes that started, resp. ended, within a period (the year and the quarter of the date); age group on
-- the day of the start, resp. the end. Each episode is listed once under its year and once under its quarter
-- (found by number, ind_periode.periode_nr), for the periods in ind_periode_telling.
--
-- ind_periode_telling holds the periods whose units the current indicator lists: all periods to compute,
-- or, for an indicator whose units each fall in one quarter of their year (optelbaar_over_kwartalen),
-- only the quarters of the years to compute: the engine then adds each year up from its quarters
-- (ind_periode_optelling maps a quarter to itself and to its year), which halves the units to list.
CREATE OR REPLACE TEMP TABLE ind_periode_telling AS SELECT * FROM ind_periode;

CREATE OR REPLACE TEMP TABLE ind_periode_optelling AS
SELECT kwartaal.periode AS bron, doel.periode
FROM ind_periode_alle AS kwartaal
JOIN ind_periode AS doel
  ON doel.periode = kwartaal.periode OR (doel.soort = 'jaar' AND doel.jaar = kwartaal.jaar)
WHERE kwartaal.soort = 'kwartaal';

-- Views, not tables: writing every episode's wide row twice (year and quarter) cost more than the few
-- indicators that read them spend re-reading the few columns they need from ind_episode.
CREATE OR REPLACE TEMP VIEW ind_start AS
WITH start_periods AS (
    SELECT year(startdatum) * 10 AS periode_nr, * FROM ind_episode WHERE startdatum >= (SELECT min(van) FROM ind_periode_telling)
      AND (SELECT count(*) FROM ind_periode_telling WHERE soort = 'jaar') > 0
    UNION ALL
    SELECT year(startdatum) * 10 + quarter(startdatum) AS periode_nr, * FROM ind_episode WHERE startdatum >= (SELECT min(van) FROM ind_periode_telling)
)
SELECT periode.periode, start_periods.* EXCLUDE (periode_nr), periode.tot, leeftijdsgroep_op(start_periods.geboortemaand, start_periods.startdatum) AS leeftijdsgroep
FROM start_periods
JOIN ind_periode_telling AS periode USING (periode_nr);

CREATE OR REPLACE TEMP VIEW ind_einde AS
WITH end_periods AS (
    SELECT year(einddatum) * 10 AS periode_nr, * FROM ind_episode WHERE einddatum >= (SELECT min(van) FROM ind_periode_telling)
      AND (SELECT count(*) FROM ind_periode_telling WHERE soort = 'jaar') > 0
    UNION ALL
    SELECT year(einddatum) * 10 + quarter(einddatum) AS periode_nr, * FROM ind_episode WHERE einddatum >= (SELECT min(van) FROM ind_periode_telling)
)
SELECT periode.periode, end_periods.* EXCLUDE (periode_nr), periode.tot, leeftijdsgroep_op(end_periods.geboortemaand, end_periods.einddatum) AS leeftijdsgroep,
       end_periods.einddatum - end_periods.startdatum + 1 AS duur_dagen
FROM end_periods
JOIN ind_periode_telling AS periode USING (periode_nr);
