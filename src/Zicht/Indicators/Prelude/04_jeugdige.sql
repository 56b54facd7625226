-- One row per youth in care per period to compute, with the responsible municipality, age group and kinds of care:
-- the derived table youth_period (src/Zicht/Derive/05_youth_period.sql says how it is counted out). A view: the
-- table is written in period order, so a recompute of recent periods reads only their part of it.
CREATE OR REPLACE TEMP VIEW ind_jeugdige AS
SELECT youth_period.* EXCLUDE (periode_nr)
FROM youth_period
SEMI JOIN ind_periode USING (periode_nr);
