-- The youths whose rows are derived. Every row of episode, youth_fact, youth_gemeente and placement belongs to one
-- youth and depends only on that youth's trajectories (and the reference data), so deriving some youths from all
-- their trajectories gives the rows a full rebuild gives them. DeriveSql.cs fills the youths placeholder below
-- (`true` for a full rebuild, membership of `derive_youth` for an incremental one) and the "derive into TABLE"
-- placeholder that starts each of those tables (a full rebuild creates the table anew; an incremental one deletes
-- those youths' rows and inserts them again). Those steps read trajectories and episodes only through
-- in_derive_scope. youth_period also depends on the data end of all care: its step adds the youths a moved data
-- end affects. (Not in 00_keys.sql: other code runs that file as it is.)
CREATE OR REPLACE TEMP MACRO in_derive_scope(scoped_youth_id) AS {{youths}};
-- made and filled by ZichtStore for an incremental derive; empty in a full rebuild
CREATE TEMP TABLE IF NOT EXISTS derive_youth (youth_id INTEGER);
