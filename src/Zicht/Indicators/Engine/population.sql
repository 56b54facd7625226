-- Jeugdigen 0-17 per area and year, for "per 1.000" denominators. A year missing from the reference
-- data takes the nearest year that is there.
CREATE OR REPLACE TEMP TABLE ind_bevolking AS
WITH years AS (SELECT DISTINCT jaar FROM ind_periode),
population_per_gemeente AS (
    SELECT years.jaar, bevolking.gemeentecode,
           arg_min(bevolking.jeugdigen_0_17, abs(bevolking.jaar - years.jaar) * 2 + CASE WHEN bevolking.jaar > years.jaar THEN 1 ELSE 0 END) AS jeugdigen_0_17
    FROM years, ref_bevolking AS bevolking
    GROUP BY years.jaar, bevolking.gemeentecode
)
SELECT
    CASE WHEN grouping(population.gemeentecode) = 0 THEN 'gemeente' WHEN grouping(gemeente.jeugdregiocode) = 0 THEN 'regio' ELSE 'land' END AS niveau,
    coalesce(population.gemeentecode, gemeente.jeugdregiocode, 'NL') AS gebied_code,
    population.jaar,
    sum(population.jeugdigen_0_17) AS jeugdigen_0_17
FROM population_per_gemeente AS population
JOIN ind_gemeente AS gemeente USING (gemeentecode)
GROUP BY GROUPING SETS ((population.jaar, population.gemeentecode, gemeente.jeugdregiocode), (population.jaar, gemeente.jeugdregiocode), (population.jaar));

CREATE OR REPLACE TEMP TABLE ind_raw (
    indicator_id VARCHAR, berekening VARCHAR, richting VARCHAR, eenheid VARCHAR, tekst_eenheid VARCHAR, decimalen INTEGER,
    niveau VARCHAR, gebied_code VARCHAR, periode VARCHAR, categorie VARCHAR,
    teller DOUBLE, noemer DOUBLE, waarde DOUBLE, dekking_procent DOUBLE, wilson_n DOUBLE, wilson_schaal DOUBLE,
    -- the keys as numbers, for the comparisons (benchmark.sql): the indicator's number in this compute, the level
    -- (1 gemeente, 2 regio, 3 land, 4 aanbieder), the period and the period before it (ind_periode.periode_nr)
    indicator_nr SMALLINT, niveau_nr TINYINT, periode_nr INTEGER, vorige_nr INTEGER
);
