-- Episodes that started, resp. ended, within a period; age group on the day of the start, resp. end.
CREATE OR REPLACE TEMP TABLE ind_start AS
SELECT periode.periode, periode.tot, episode.*, leeftijdsgroep_op(episode.geboortemaand, episode.startdatum) AS leeftijdsgroep
FROM ind_episode AS episode
JOIN ind_periode AS periode ON episode.startdatum BETWEEN periode.van AND periode.tot;

CREATE OR REPLACE TEMP TABLE ind_einde AS
SELECT periode.periode, periode.tot, episode.*, leeftijdsgroep_op(episode.geboortemaand, episode.einddatum) AS leeftijdsgroep,
       episode.einddatum - episode.startdatum + 1 AS duur_dagen
FROM ind_episode AS episode
JOIN ind_periode AS periode ON episode.einddatum BETWEEN periode.van AND periode.tot;
