-- Jeugdigen 0-17 per area and year of the periods to compute (the macro: population_per_gebied.sql).
CREATE OR REPLACE TEMP TABLE ind_bevolking AS
SELECT * FROM jeugdigen_0_17_per_gebied((SELECT list(DISTINCT jaar) FROM ind_periode));

CREATE OR REPLACE TEMP TABLE ind_raw (
    indicator_id VARCHAR, berekening VARCHAR, richting VARCHAR, eenheid VARCHAR, tekst_eenheid VARCHAR, decimalen INTEGER,
    niveau VARCHAR, gebied_code VARCHAR, periode VARCHAR, categorie VARCHAR,
    teller DOUBLE, noemer DOUBLE, waarde DOUBLE, dekking_procent DOUBLE, wilson_n DOUBLE, wilson_schaal DOUBLE,
    -- the keys as numbers, for the comparisons (benchmark.sql): the indicator's number in this compute, the level
    -- (1 gemeente, 2 regio, 3 land, 4 aanbieder), the period and the period before it (ind_periode.periode_nr)
    indicator_nr SMALLINT, niveau_nr TINYINT, periode_nr INTEGER, vorige_nr INTEGER
);
