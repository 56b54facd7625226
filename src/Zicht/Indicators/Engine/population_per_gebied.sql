-- Jeugdigen 0-17 per area (municipality on current boundaries, region, country) and year, for "per 1.000"
-- denominators. A year missing from the reference data takes the nearest year that is there (the earlier one on a
-- tie). A macro, because the publication step (src/Zicht/Disclosure) needs the same numbers for areas without units.
CREATE OR REPLACE TEMP MACRO jeugdigen_0_17_per_gebied(jaren) AS TABLE
WITH years AS (SELECT DISTINCT unnest(jaren) AS jaar),
current_gemeente AS (
    SELECT gemeentecode, jeugdregiocode FROM ref_gemeente WHERE gemeentecode = gemeentecode_actueel
),
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
JOIN current_gemeente AS gemeente USING (gemeentecode)
GROUP BY GROUPING SETS ((population.jaar, population.gemeentecode, gemeente.jeugdregiocode), (population.jaar, gemeente.jeugdregiocode), (population.jaar));
