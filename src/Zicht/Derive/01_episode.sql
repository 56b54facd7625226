-- Episodes: trajectories of the same youth, zorgvorm and provider that overlap or adjoin
-- (next start at most one day after the latest end so far) count as one, as CBS counts them.
-- Local-team care has no AGB: its source (the municipality) is the provider. First/last values use
-- arg_min_null/arg_max_null: the value of the first/last trajectory, also when that value is empty; on the same
-- date the order of the islands decides (end, source, source id), so a rebuild always gives the same episodes.
-- An episode's id is that of its earliest delivered trajectory (trajectory_key, 00_keys.sql): the same in every rebuild.
-- The raw rows stay in `trajectory` as delivered.
--
-- For speed, most episodes, which hold the only trajectory of that youth, zorgvorm and provider, are
-- copied as they are; islands (window functions over a narrow projection) and aggregation run only for
-- the care that was delivered in more than one trajectory.
CREATE OR REPLACE TEMP TABLE repeated_care AS
SELECT youth_id, zorgvorm, coalesce(aanbieder_agb, 'bron:' || bron) AS aanbieder_key
FROM trajectory
WHERE in_derive_scope(trajectory.youth_id)
GROUP BY ALL
HAVING count(*) > 1;

CREATE OR REPLACE TEMP TABLE trajectory_island AS
WITH care_keys AS (
    SELECT
        trajectory.rowid AS trajectory_rowid,
        trajectory.youth_id,
        trajectory.zorgvorm,
        coalesce(trajectory.aanbieder_agb, 'bron:' || trajectory.bron) AS aanbieder_key,
        trajectory.startdatum,
        coalesce(trajectory.einddatum, DATE '9999-12-31') AS end_or_open,
        trajectory.bron,
        trajectory.bron_traject_id
    FROM trajectory
    SEMI JOIN repeated_care
      ON repeated_care.youth_id = trajectory.youth_id
     AND repeated_care.zorgvorm = trajectory.zorgvorm
     AND repeated_care.aanbieder_key = coalesce(trajectory.aanbieder_agb, 'bron:' || trajectory.bron)
    WHERE in_derive_scope(trajectory.youth_id)
),
latest_end_so_far AS (
    SELECT
        *,
        max(end_or_open) OVER (
            PARTITION BY youth_id, zorgvorm, aanbieder_key
            ORDER BY startdatum, end_or_open, bron, bron_traject_id
            ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS latest_end_before
    FROM care_keys
),
island_starts AS (
    SELECT
        *,
        CASE WHEN latest_end_before IS NULL OR startdatum > latest_end_before + 1 THEN 1 ELSE 0 END AS starts_new_episode
    FROM latest_end_so_far
)
SELECT
    trajectory_rowid,
    sum(starts_new_episode) OVER (
        PARTITION BY youth_id, zorgvorm, aanbieder_key
        ORDER BY startdatum, end_or_open, bron, bron_traject_id
        ROWS UNBOUNDED PRECEDING) AS island
FROM island_starts;

CREATE OR REPLACE TEMP TABLE derive_episode AS
WITH single_trajectory_episodes AS (
    SELECT
        trajectory_key(trajectory.delivery_id, trajectory.regel) AS episode_id, youth_id, zorgvorm, aanbieder_agb, startdatum, einddatum, gemeentecode,
        postcode4, verwijzer, aanmelddatum, productcategorie, reden_einde, tevredenheid, zonder_hulp_verder,
        probleemafname, doelrealisatie, coalesce(crisis, false) AS crisis, 1 AS n_trajecten
    FROM trajectory
    ANTI JOIN repeated_care
      ON repeated_care.youth_id = trajectory.youth_id
     AND repeated_care.zorgvorm = trajectory.zorgvorm
     AND repeated_care.aanbieder_key = coalesce(trajectory.aanbieder_agb, 'bron:' || trajectory.bron)
    WHERE in_derive_scope(trajectory.youth_id)
),
merged_episodes AS (
    SELECT
        min(trajectory_key(trajectory.delivery_id, trajectory.regel)) AS episode_id,
        trajectory.youth_id,
        trajectory.zorgvorm,
        any_value(trajectory.aanbieder_agb)            AS aanbieder_agb,
        min(startdatum)                                AS startdatum,
        CASE WHEN bool_or(einddatum IS NULL) THEN NULL ELSE max(einddatum) END AS einddatum,
        arg_min_null(gemeentecode, first_order)              AS gemeentecode,
        arg_min_null(postcode4, first_order)                 AS postcode4,
        arg_min_null(verwijzer, first_order)                 AS verwijzer,
        arg_min_null(aanmelddatum, first_order)              AS aanmelddatum,
        arg_min_null(productcategorie, first_order)          AS productcategorie,
        -- The outcome of an episode is that of its last-ending trajectory; an open episode has none yet.
        CASE WHEN bool_or(einddatum IS NULL) THEN NULL ELSE arg_max_null(reden_einde, last_order) END AS reden_einde,
        CASE WHEN bool_or(einddatum IS NULL) THEN NULL ELSE arg_max_null(tevredenheid, last_order) END AS tevredenheid,
        CASE WHEN bool_or(einddatum IS NULL) THEN NULL ELSE arg_max_null(zonder_hulp_verder, last_order) END AS zonder_hulp_verder,
        CASE WHEN bool_or(einddatum IS NULL) THEN NULL ELSE arg_max_null(probleemafname, last_order) END AS probleemafname,
        CASE WHEN bool_or(einddatum IS NULL) THEN NULL ELSE arg_max_null(doelrealisatie, last_order) END AS doelrealisatie,
        coalesce(bool_or(crisis), false)               AS crisis,
        count(*)                                       AS n_trajecten
    FROM (
        SELECT *,
               struct_pack(d := startdatum, e := coalesce(einddatum, DATE '9999-12-31'), b := bron, t := bron_traject_id) AS first_order,
               struct_pack(e := einddatum, d := startdatum, b := bron, t := bron_traject_id) AS last_order,
               rowid AS trajectory_rowid
        FROM trajectory
        WHERE in_derive_scope(trajectory.youth_id)
    ) AS trajectory
    JOIN trajectory_island ON trajectory_island.trajectory_rowid = trajectory.trajectory_rowid
    GROUP BY trajectory.youth_id, trajectory.zorgvorm, coalesce(trajectory.aanbieder_agb, 'bron:' || trajectory.bron), trajectory_island.island
),
all_episodes AS (
    SELECT * FROM single_trajectory_episodes
    UNION ALL
    SELECT * FROM merged_episodes
)
SELECT
    all_episodes.episode_id,
    all_episodes.youth_id,
    all_episodes.zorgvorm,
    all_episodes.aanbieder_agb,
    all_episodes.startdatum,
    all_episodes.einddatum,
    all_episodes.gemeentecode,
    gemeente.gemeentecode_actueel,
    gemeente.jeugdregiocode,
    all_episodes.postcode4,
    all_episodes.verwijzer,
    all_episodes.aanmelddatum,
    all_episodes.productcategorie,
    all_episodes.reden_einde,
    all_episodes.tevredenheid,
    all_episodes.zonder_hulp_verder,
    all_episodes.probleemafname,
    all_episodes.doelrealisatie,
    all_episodes.crisis,
    all_episodes.n_trajecten
FROM all_episodes
JOIN ref_gemeente AS gemeente ON gemeente.gemeentecode = all_episodes.gemeentecode;

-- Where each episode stands in its youth's jeugdhulp (zorgvorm soort 'jeugdhulp') and crisis care (crisis episodes of
-- any zorgvorm), for the indicators that look at the care before or after an episode (herhaald beroep, geen nieuwe
-- start, draaideur, herhaalde crisis). Each depends only on the youth's own episodes (all of them are in
-- derive_episode), and no catalogue parameter is in here: the indicators apply their windows (5 years, 12 months, ...)
-- to these dates.
--   vorige_jeugdhulp_eind       the latest end (9999-12-31 while open) of the youth's jeugdhulp that started on an
--                               earlier day than this episode (NULL: none)
--   volgende_jeugdhulpstart     the first start, on or after this episode's end, of another jeugdhulp episode of the
--                               youth (NULL: none, or this episode is still open)
--   jeugdhulpstart_twee_eerder  jeugdhulp only: the start of the youth's jeugdhulp episode two before this one, in the
--                               order of start (then episode id), so this start and the two before it all lie between
--                               that date and this start (NULL: fewer than two earlier starts)
--   vorige_crisisstart          crisis episodes only: the start of the youth's crisis episode before this one, in the
--                               order of start (then episode id) (NULL: none)
-- The windows run over narrow rows and are joined back by episode id: windows over the wide rows cost ten times as much.
{{derive into episode}}
WITH care AS (
    SELECT derive_episode.episode_id, derive_episode.youth_id, derive_episode.startdatum, derive_episode.einddatum,
           coalesce(zorgvorm.soort = 'jeugdhulp', false) AS is_jeugdhulp, derive_episode.crisis,
           derive_episode.startdatum - DATE '1900-01-01' AS startdag
    FROM derive_episode
    LEFT JOIN ref_zorgvorm AS zorgvorm USING (zorgvorm)
),
earlier AS (
    SELECT episode_id,
           max(CASE WHEN is_jeugdhulp THEN coalesce(einddatum, DATE '9999-12-31') END)
               OVER (PARTITION BY youth_id ORDER BY startdag RANGE BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS vorige_jeugdhulp_eind
    FROM care
),
two_before AS (
    SELECT episode_id, lag(startdatum, 2) OVER (PARTITION BY youth_id ORDER BY startdatum, episode_id) AS jeugdhulpstart_twee_eerder
    FROM care
    WHERE is_jeugdhulp
),
crisis_before AS (
    SELECT episode_id, lag(startdatum) OVER (PARTITION BY youth_id ORDER BY startdatum, episode_id) AS vorige_crisisstart
    FROM care
    WHERE crisis
),
later AS (
    SELECT ended.episode_id, min(next.startdatum) AS volgende_jeugdhulpstart
    FROM care AS ended
    JOIN care AS next
      ON next.youth_id = ended.youth_id AND next.is_jeugdhulp AND next.episode_id <> ended.episode_id
     AND next.startdatum >= ended.einddatum
    GROUP BY ended.episode_id
)
SELECT derive_episode.*,
       earlier.vorige_jeugdhulp_eind, later.volgende_jeugdhulpstart, two_before.jeugdhulpstart_twee_eerder,
       crisis_before.vorige_crisisstart
FROM derive_episode
JOIN earlier USING (episode_id)
LEFT JOIN later USING (episode_id)
LEFT JOIN two_before USING (episode_id)
LEFT JOIN crisis_before USING (episode_id);

DROP TABLE derive_episode;
DROP TABLE trajectory_island;
DROP TABLE repeated_care;
