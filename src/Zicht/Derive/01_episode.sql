-- Episodes: trajectories of the same youth, zorgvorm and provider that overlap or adjoin
-- (next start at most one day after the latest end so far) count as one, as CBS counts them.
-- The raw rows stay in `trajectory` as delivered.
CREATE OR REPLACE TABLE episode AS
WITH trajectories_in_order AS (
    SELECT
        t.*,
        coalesce(t.aanbieder_agb, '') AS aanbieder_key,
        coalesce(t.einddatum, DATE '9999-12-31') AS end_or_open,
        max(coalesce(t.einddatum, DATE '9999-12-31')) OVER same_care_so_far AS latest_end_before
    FROM trajectory AS t
    WINDOW same_care_so_far AS (
        PARTITION BY t.youth_id, t.zorgvorm, coalesce(t.aanbieder_agb, '')
        ORDER BY t.startdatum, coalesce(t.einddatum, DATE '9999-12-31'), t.bron, t.bron_traject_id
        ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
),
island_starts AS (
    SELECT
        *,
        CASE WHEN latest_end_before IS NULL OR startdatum > latest_end_before + 1 THEN 1 ELSE 0 END AS starts_new_episode
    FROM trajectories_in_order
),
islands AS (
    SELECT
        *,
        sum(starts_new_episode) OVER (
            PARTITION BY youth_id, zorgvorm, aanbieder_key
            ORDER BY startdatum, end_or_open, bron, bron_traject_id
            ROWS UNBOUNDED PRECEDING) AS island
    FROM island_starts
),
merged AS (
    SELECT
        youth_id,
        zorgvorm,
        nullif(aanbieder_key, '')                      AS aanbieder_agb,
        min(startdatum)                                AS startdatum,
        CASE WHEN bool_or(einddatum IS NULL) THEN NULL ELSE max(einddatum) END AS einddatum,
        arg_min(gemeentecode, startdatum)              AS gemeentecode,
        arg_min(postcode4, startdatum)                 AS postcode4,
        arg_min(verwijzer, startdatum)                 AS verwijzer,
        arg_min(aanmelddatum, startdatum)              AS aanmelddatum,
        arg_min(productcategorie, startdatum)          AS productcategorie,
        CASE WHEN bool_or(einddatum IS NULL) THEN NULL ELSE arg_max(reden_einde, end_or_open) END AS reden_einde,
        CASE WHEN bool_or(einddatum IS NULL) THEN NULL ELSE arg_max(tevredenheid, end_or_open) END AS tevredenheid,
        CASE WHEN bool_or(einddatum IS NULL) THEN NULL ELSE arg_max(zonder_hulp_verder, end_or_open) END AS zonder_hulp_verder,
        CASE WHEN bool_or(einddatum IS NULL) THEN NULL ELSE arg_max(probleemafname, end_or_open) END AS probleemafname,
        CASE WHEN bool_or(einddatum IS NULL) THEN NULL ELSE arg_max(doelrealisatie, end_or_open) END AS doelrealisatie,
        coalesce(bool_or(crisis), false)               AS crisis,
        count(*)                                       AS n_trajecten
    FROM islands
    GROUP BY youth_id, zorgvorm, aanbieder_key, island
)
SELECT
    row_number() OVER (ORDER BY merged.youth_id, merged.startdatum, merged.zorgvorm, merged.aanbieder_agb NULLS FIRST) AS episode_id,
    merged.youth_id,
    merged.zorgvorm,
    merged.aanbieder_agb,
    merged.startdatum,
    merged.einddatum,
    merged.gemeentecode,
    gemeente.gemeentecode_actueel,
    gemeente.jeugdregiocode,
    merged.postcode4,
    merged.verwijzer,
    merged.aanmelddatum,
    merged.productcategorie,
    merged.reden_einde,
    merged.tevredenheid,
    merged.zonder_hulp_verder,
    merged.probleemafname,
    merged.doelrealisatie,
    merged.crisis,
    merged.n_trajecten
FROM merged
JOIN ref_gemeente AS gemeente ON gemeente.gemeentecode = merged.gemeentecode;
