-- Keys the derive steps share. A delivered trajectory is identified by its delivery and its line in the file:
-- unlike a row id, that does not depend on the order in which ingest happened to write the rows, so every rebuild
-- gives the same episode ids and breaks ties the same way.
CREATE OR REPLACE TEMP MACRO trajectory_key(delivery_id, regel) AS CAST(delivery_id AS BIGINT) * 4294967296 + regel;

-- Age in whole years from the birth month (the day of birth is not kept), and the age groups of the catalogue. Used by
-- youth_period here and by the indicator engine (which runs this file too).
CREATE OR REPLACE TEMP MACRO leeftijd_op(geboortemaand, peildatum) AS datediff('month', geboortemaand, peildatum) // 12;
CREATE OR REPLACE TEMP MACRO leeftijdsgroep_op(geboortemaand, peildatum) AS
    CASE WHEN leeftijd_op(geboortemaand, peildatum) < 4 THEN '0-3'
         WHEN leeftijd_op(geboortemaand, peildatum) < 12 THEN '4-11'
         WHEN leeftijd_op(geboortemaand, peildatum) < 18 THEN '12-17'
         ELSE '18+' END;
