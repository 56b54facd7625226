-- What readers (the web, the API, exports, reports) see: the stored figures with the Dutch benchmark sentence,
-- written here from the stored numbers (the reference value, whether the difference is within the noise).
CREATE OR REPLACE VIEW indicator_value AS
WITH formatted AS (
    SELECT
        *,
        replace(replace(replace(
            CASE WHEN decimalen = 0 THEN format('{:,.0f}', waarde) ELSE format('{:,.1f}', waarde) END,
            ',', '_'), '.', ','), '_', '.') || CASE WHEN eenheid = 'procent' THEN '%' ELSE '' END AS waarde_tekst,
        replace(replace(replace(
            CASE WHEN decimalen = 0 THEN format('{:,.0f}', referentie) ELSE format('{:,.1f}', referentie) END,
            ',', '_'), '.', ','), '_', '.') || CASE WHEN eenheid = 'procent' THEN '%' ELSE '' END AS referentie_tekst
    FROM indicator_result
)
SELECT
    indicator_id, niveau, gebied_code, periode, periode_soort, categorie,
    teller, noemer, waarde, eenheid, dekking_procent, ci_laag, ci_hoog,
    regio_code, regio_waarde, land_waarde, rang, aantal_gemeenten, percentiel,
    vorige_periode, vorige_waarde, verandering,
    CASE
        WHEN binnen_ruis IS NULL THEN NULL
        WHEN waarde = referentie THEN 'Gelijk aan ' || referentie_naam || ' (' || waarde_tekst || tekst_eenheid || ')'
        WHEN binnen_ruis THEN 'Niet duidelijk anders dan ' || referentie_naam || ' (' || waarde_tekst || ' tegen ' || referentie_tekst || tekst_eenheid
                              || '); het verschil valt binnen de ruis van kleine aantallen (' || ruis_uitleg || ')'
        WHEN waarde > referentie THEN 'Hoger dan ' || referentie_naam || ' (' || waarde_tekst || ' tegen ' || referentie_tekst || tekst_eenheid || ')'
        WHEN waarde < referentie THEN 'Lager dan ' || referentie_naam || ' (' || waarde_tekst || ' tegen ' || referentie_tekst || tekst_eenheid || ')'
    END AS benchmark_tekst,
    berekend_op
FROM formatted;
