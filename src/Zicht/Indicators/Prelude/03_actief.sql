-- Episodes active on at least one day of a period (open-ended episodes run on to the end of the data).
-- The periods an episode touches are counted out arithmetically (years, then quarters as year * 4 + q)
-- instead of joined by date range: an equi-join on `periode` is far cheaper over millions of episodes.
CREATE OR REPLACE TEMP VIEW ind_actief AS
WITH spans AS (
    SELECT episode.*,
           least(coalesce(episode.einddatum, DATE '9999-12-31'), ind_meta.data_tot) AS laatste_dag
    FROM ind_episode AS episode, ind_meta
    -- a recompute needs only care that reaches the first period to compute
    WHERE coalesce(episode.einddatum, DATE '9999-12-31') >= (SELECT min(van) FROM ind_periode)
),
touched_periods AS (
    SELECT spans.*, unnest(list_transform(range(year(startdatum), year(laatste_dag) + 1), y -> CAST(y AS VARCHAR))) AS periode
    FROM spans
    UNION ALL
    SELECT quarters.* EXCLUDE (q), (q // 4) || 'Q' || (q % 4 + 1) AS periode
    FROM (SELECT spans.*, unnest(range(year(startdatum) * 4 + quarter(startdatum) - 1, year(laatste_dag) * 4 + quarter(laatste_dag))) AS q
          FROM spans) AS quarters
)
SELECT periode.periode, periode.van, periode.tot, touched_periods.* EXCLUDE (periode, laatste_dag)
FROM touched_periods
JOIN ind_periode AS periode USING (periode);
