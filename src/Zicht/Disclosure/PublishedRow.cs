namespace Zicht.Disclosure;

/// <summary>
/// One published figure. Counts are text because a protected count is "&lt; 5" or "x"; Waarde is null when it may
/// not be shown (then Reden says why). Rang and Percentiel are only filled in internal (unprotected) output.
/// </summary>
public sealed record PublishedRow(
    string IndicatorId,
    string Niveau,
    string GebiedCode,
    string GebiedNaam,
    string Periode,
    string Categorie,
    string Teller,
    string Noemer,
    double? Waarde,
    string Eenheid,
    double? DekkingProcent,
    double? RegioWaarde,
    double? LandWaarde,
    double? VorigeWaarde,
    double? Verandering,
    int? Rang,
    double? Percentiel,
    string? BenchmarkTekst,
    string Status,
    string? Reden);

/// <summary>A protected (or, on request, internal) table ready for export, with the audit that proves it safe.</summary>
public sealed record Publication(
    string IndicatorId,
    string Periode,
    bool Beveiligd,
    IReadOnlyList<PublishedRow> Rows,
    IReadOnlyList<AuditReport> Audits,
    DisclosurePolicy Policy)
{
    public int HiddenCells => Audits.Sum(a => a.CellCount);
}
