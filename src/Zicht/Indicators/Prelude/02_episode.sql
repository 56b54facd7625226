-- Episodes with what the indicators ask of them: the youth's birth month and gender, the kind of care.
-- The catalogue reads care only through the views built on it (ind_actief, ind_start, ind_einde), never this table
-- itself: a recompute holds only the care that reaches its periods (CatalogueTests).
CREATE OR REPLACE TEMP TABLE ind_episode AS
SELECT
    episode.episode_id, episode.youth_id, episode.zorgvorm, episode.aanbieder_agb,
    episode.startdatum, episode.einddatum, episode.aanmelddatum,
    episode.gemeentecode_actueel AS gemeentecode, gemeente.jeugdregiocode,
    coalesce(episode.verwijzer, 'onbekend') AS verwijzer,
    episode.reden_einde, episode.tevredenheid, episode.zonder_hulp_verder, episode.probleemafname,
    episode.doelrealisatie, episode.crisis,
    youth.geboortemaand, youth.geslacht,
    zorgvorm.soort, zorgvorm.met_verblijf, zorgvorm.gezinsgericht,
    zorgvorm.soort = 'jeugdhulp' AS is_jeugdhulp,
    -- the youth's jeugdhulp before and after this episode (derived with the episodes: Derive/01_episode.sql)
    episode.vorige_jeugdhulp_eind, episode.volgende_jeugdhulpstart, episode.jeugdhulpstart_twee_eerder, episode.vorige_crisisstart
FROM episode
JOIN youth_fact AS youth USING (youth_id)
JOIN ind_gemeente AS gemeente ON gemeente.gemeentecode = episode.gemeentecode_actueel
JOIN ref_zorgvorm AS zorgvorm USING (zorgvorm)
-- all care for a full compute; for a recompute of recent periods only the care they can see (IndicatorEngine.NeededCareSql)
WHERE {{alleen_nodig}};
