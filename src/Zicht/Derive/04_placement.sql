-- Out-of-home placements (JV_* episodes) in order per youth. A placement is an uithuisplaatsing when
-- no other placement ran in the 30 days before its start, else a doorplaatsing.
{{derive into placement}}
WITH placements_in_order AS (
    SELECT
        episode.*,
        row_number() OVER per_youth AS plaatsing_nr,
        max(coalesce(einddatum, DATE '9999-12-31')) OVER (
            PARTITION BY youth_id ORDER BY startdatum, episode_id
            ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS latest_end_before
    FROM episode
    WHERE in_derive_scope(episode.youth_id)
      AND zorgvorm LIKE 'JV\_%' ESCAPE '\'
    WINDOW per_youth AS (PARTITION BY youth_id ORDER BY startdatum, episode_id)
)
SELECT
    youth_id,
    plaatsing_nr,
    episode_id,
    zorgvorm,
    aanbieder_agb,
    gemeentecode_actueel,
    jeugdregiocode,
    startdatum,
    einddatum,
    reden_einde,
    CASE WHEN latest_end_before IS NULL THEN NULL
         ELSE greatest(startdatum - latest_end_before, 0) END AS dagen_na_vorige_plaatsing,  -- 0: started during another placement
    (latest_end_before IS NULL OR startdatum > latest_end_before + 30) AS is_uithuisplaatsing,
    (latest_end_before IS NOT NULL AND startdatum <= latest_end_before + 30) AS is_doorplaatsing
FROM placements_in_order;
