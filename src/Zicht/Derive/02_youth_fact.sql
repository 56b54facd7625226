-- Youth-level facts. Birth month and gender as most recently delivered, preferring a known gender.
{{derive into youth_fact}}
SELECT
    youth_id,
    -- on the same start date the latest delivered line decides, so a rebuild always gives the same facts
    arg_max(geboortemaand, struct_pack(d := startdatum, l := trajectory_key(delivery_id, regel))) AS geboortemaand,
    arg_max(geslacht, struct_pack(bekend := geslacht <> 'O', d := startdatum, l := trajectory_key(delivery_id, regel))) AS geslacht,
    min(startdatum)  AS eerste_start,
    max(startdatum)  AS laatste_start,
    count(*)         AS n_trajecten
FROM trajectory
WHERE in_derive_scope(trajectory.youth_id)
GROUP BY youth_id;
