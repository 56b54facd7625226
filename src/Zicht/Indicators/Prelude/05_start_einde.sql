-- Episodes that started, resp. ended, within a period (the year and the quarter of the date); age group on
-- the day of the start, resp. the end.
CREATE OR REPLACE TEMP TABLE ind_start AS
WITH start_periods AS (
    SELECT episode_id, CAST(year(startdatum) AS VARCHAR) AS periode FROM ind_episode
    UNION ALL
    SELECT episode_id, year(startdatum) || 'Q' || quarter(startdatum) FROM ind_episode
)
SELECT periode.periode, periode.tot, episode.*, leeftijdsgroep_op(episode.geboortemaand, episode.startdatum) AS leeftijdsgroep
FROM start_periods
JOIN ind_periode AS periode USING (periode)
JOIN ind_episode AS episode USING (episode_id);

CREATE OR REPLACE TEMP TABLE ind_einde AS
WITH end_periods AS (
    SELECT episode_id, CAST(year(einddatum) AS VARCHAR) AS periode FROM ind_episode WHERE einddatum IS NOT NULL
    UNION ALL
    SELECT episode_id, year(einddatum) || 'Q' || quarter(einddatum) FROM ind_episode WHERE einddatum IS NOT NULL
)
SELECT periode.periode, periode.tot, episode.*, leeftijdsgroep_op(episode.geboortemaand, episode.einddatum) AS leeftijdsgroep,
       episode.einddatum - episode.startdatum + 1 AS duur_dagen
FROM end_periods
JOIN ind_periode AS periode USING (periode)
JOIN ind_episode AS episode USING (episode_id);
