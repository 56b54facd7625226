-- Episodes active on at least one day of a period (open-ended episodes run on).
CREATE OR REPLACE TEMP TABLE ind_actief AS
SELECT periode.periode, periode.van, periode.tot, episode.*
FROM ind_episode AS episode
JOIN ind_periode AS periode
  ON episode.startdatum <= periode.tot AND coalesce(episode.einddatum, DATE '9999-12-31') >= periode.van;
