-- Youth-level facts. Birth month and gender as most recently delivered, preferring a known gender.
CREATE OR REPLACE TABLE youth_fact AS
SELECT
    youth_id,
    arg_max(geboortemaand, startdatum) AS geboortemaand,
    arg_max(geslacht, (CASE WHEN geslacht = 'O' THEN 0 ELSE 1 END) * 10000000 + (startdatum - DATE '1900-01-01')) AS geslacht,
    min(startdatum)  AS eerste_start,
    max(startdatum)  AS laatste_start,
    count(*)         AS n_trajecten
FROM trajectory
GROUP BY youth_id;
