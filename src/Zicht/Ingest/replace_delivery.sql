-- A corrected delivery ($delivery_id) replaces the deliveries just marked replaced_by = $delivery_id:
-- their rows leave, and the rows they had superseded come back (unless a newer version is current,
-- which then becomes what supersedes them).
CREATE OR REPLACE TEMP TABLE replaced_delivery AS
SELECT delivery_id FROM delivery WHERE replaced_by = $delivery_id;

-- Whose trajectories change here: the rows that leave, and the older versions that may come back or stay archived.
-- The next derive rebuilds these youths (the rows that leave keep no trace of whose they were).
INSERT INTO replaced_trajectory_youth
SELECT $delivery_id, youth_id FROM trajectory WHERE delivery_id IN (SELECT delivery_id FROM replaced_delivery)
UNION
SELECT $delivery_id, youth_id FROM trajectory_superseded WHERE superseded_by IN (SELECT delivery_id FROM replaced_delivery)
UNION ALL
SELECT $delivery_id, NULL;

DELETE FROM trajectory WHERE delivery_id IN (SELECT delivery_id FROM replaced_delivery);

CREATE OR REPLACE TEMP TABLE restorable AS
SELECT archived.*
FROM trajectory_superseded AS archived
WHERE archived.superseded_by IN (SELECT delivery_id FROM replaced_delivery)
  AND archived.delivery_id IN (SELECT delivery_id FROM delivery WHERE status = 'actief');

INSERT INTO trajectory
SELECT restorable.* EXCLUDE (superseded_by)
FROM restorable
ANTI JOIN trajectory AS current_version
  ON current_version.bron = restorable.bron AND current_version.bron_traject_id = restorable.bron_traject_id;

UPDATE trajectory_superseded AS archived
SET superseded_by = current_version.delivery_id
FROM trajectory AS current_version
WHERE archived.superseded_by IN (SELECT delivery_id FROM replaced_delivery)
  AND current_version.bron = archived.bron AND current_version.bron_traject_id = archived.bron_traject_id
  AND current_version.delivery_id <> archived.delivery_id;

DELETE FROM trajectory_superseded
WHERE superseded_by IN (SELECT delivery_id FROM replaced_delivery)
   OR delivery_id IN (SELECT delivery_id FROM replaced_delivery);

DROP TABLE restorable;
DROP TABLE replaced_delivery;
