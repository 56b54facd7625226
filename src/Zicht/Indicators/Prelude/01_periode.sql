-- Shared working tables of the indicator engine (TEMP: they live for one compute run only).
-- The periods to compute: every year and quarter from the first start of care to the quarter of the
-- latest start ("data tot"). {{vanaf}} limits a recompute to the periods that end on or after it.
CREATE OR REPLACE TEMP TABLE ind_meta AS
SELECT min(startdatum) AS data_van, max(startdatum) AS data_tot FROM episode;

CREATE OR REPLACE TEMP TABLE ind_gemeente AS
SELECT gemeentecode, jeugdregiocode
FROM ref_gemeente WHERE gemeentecode = gemeentecode_actueel;

CREATE OR REPLACE TEMP TABLE ind_periode_alle AS
WITH years AS (
    SELECT unnest(range(year(data_van), year(data_tot) + 1)) AS jaar, data_tot FROM ind_meta
),
all_periods AS (
    SELECT CAST(jaar AS VARCHAR) AS periode, 'jaar' AS soort, jaar, make_date(jaar, 1, 1) AS van,
           make_date(jaar, 12, 31) AS tot, CAST(jaar - 1 AS VARCHAR) AS vorige, data_tot
    FROM years
    UNION ALL
    SELECT jaar || 'Q' || kwartaal, 'kwartaal', jaar, make_date(jaar, 3 * kwartaal - 2, 1),
           CAST(make_date(jaar, 3 * kwartaal - 2, 1) + INTERVAL 3 MONTH - INTERVAL 1 DAY AS DATE),
           CASE WHEN kwartaal = 1 THEN (jaar - 1) || 'Q4' ELSE jaar || 'Q' || (kwartaal - 1) END, data_tot
    FROM years, (SELECT unnest(range(1, 5)) AS kwartaal) AS quarters
)
SELECT periode, soort, jaar, van, tot, vorige, data_tot,
       -- the period as a number (year * 10, or year * 10 + quarter): joining and grouping millions of rows
       -- on it is much cheaper than on the period's name
       CASE WHEN soort = 'jaar' THEN jaar * 10 ELSE jaar * 10 + quarter(van) END AS periode_nr,
       CASE WHEN soort = 'jaar' THEN (jaar - 1) * 10 WHEN quarter(van) = 1 THEN (jaar - 1) * 10 + 4 ELSE jaar * 10 + quarter(van) - 1 END AS vorige_nr
FROM all_periods;

-- the periods to compute now (ind_periode_alle also has the quarters after the data end, whose events a
-- year still counts: see ind_periode_optelling)
CREATE OR REPLACE TEMP TABLE ind_periode AS
SELECT * EXCLUDE (data_tot) FROM ind_periode_alle WHERE van <= data_tot AND tot >= DATE '{{vanaf}}';
ALTER TABLE ind_periode_alle DROP COLUMN data_tot;
