-- Keys the derive steps share. A delivered trajectory is identified by its delivery and its line in the file:
-- unlike a row id, that does not depend on the order in which ingest happened to write the rows, so every rebuild
-- gives the same episode ids and breaks ties the same way.
CREATE OR REPLACE TEMP MACRO trajectory_key(delivery_id, regel) AS CAST(delivery_id AS BIGINT) * 4294967296 + regel;
