-- Keys the derive steps share. A delivered trajectory is identified by its delivery and its line in the file:
-- unlike a row id, that does not depend on the order in which ingest happened to write the rows, so every rebuild
-- gives the same episode ids and breaks ties the same way.
CREATE OR REPLACE TEMP MACRO trajectory_key(delivery_id, regel) AS CAST(delivery_id AS BIGINT) * 4294967296 + regel;
-- The youths whose rows are derived. Every derived row belongs to one youth and depends only on that youth's
-- trajectories (and the reference data), so deriving some youths from all their trajectories gives the rows a full
-- rebuild gives them. DeriveSql.cs fills the youths placeholder below (`true` for a full rebuild, membership of
-- `derive_youth` for an incremental one) and the "derive into TABLE" placeholder that starts each derived table
-- (a full rebuild creates the table anew; an incremental one deletes those youths' rows and inserts them again).
-- Each step reads trajectories and episodes only through in_derive_scope.
CREATE OR REPLACE TEMP MACRO in_derive_scope(scoped_youth_id) AS {{youths}};
