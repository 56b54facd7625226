-- Episodes that started, resp. ended, within a period (the year and the quarter of the date); age group on
-- the day of the start, resp. the end. Each episode is listed once under its year and once under its quarter.
-- Views, not tables: writing every episode's wide row twice (year and quarter) cost more than the few
-- indicators that read them spend re-reading the few columns they need from ind_episode.
CREATE OR REPLACE TEMP VIEW ind_start AS
WITH start_periods AS (
    SELECT CAST(year(startdatum) AS VARCHAR) AS periode, * FROM ind_episode WHERE startdatum >= (SELECT min(van) FROM ind_periode)
    UNION ALL
    SELECT year(startdatum) || 'Q' || quarter(startdatum) AS periode, * FROM ind_episode WHERE startdatum >= (SELECT min(van) FROM ind_periode)
)
SELECT start_periods.*, periode.tot, leeftijdsgroep_op(start_periods.geboortemaand, start_periods.startdatum) AS leeftijdsgroep
FROM start_periods
JOIN ind_periode AS periode USING (periode);

CREATE OR REPLACE TEMP VIEW ind_einde AS
WITH end_periods AS (
    SELECT CAST(year(einddatum) AS VARCHAR) AS periode, * FROM ind_episode WHERE einddatum >= (SELECT min(van) FROM ind_periode)
    UNION ALL
    SELECT year(einddatum) || 'Q' || quarter(einddatum) AS periode, * FROM ind_episode WHERE einddatum >= (SELECT min(van) FROM ind_periode)
)
SELECT end_periods.*, periode.tot, leeftijdsgroep_op(end_periods.geboortemaand, end_periods.einddatum) AS leeftijdsgroep,
       end_periods.einddatum - end_periods.startdatum + 1 AS duur_dagen
FROM end_periods
JOIN ind_periode AS periode USING (periode);
