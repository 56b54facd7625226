namespace Zicht.Ingest;

/// <summary>
/// One validation finding: where (file, line, column), what was there, and which rule it broke.
/// <see cref="Waarde"/> never holds a BSN (findings on the bsn column are masked).
/// </summary>
public sealed record Finding(string FileName, int Regel, string? Kolom, string? Waarde, ValidationRule Rule)
{
    public string Code => Rule.Code;
    public Severity Severity => Rule.Severity;
    public string Melding => Rule.Melding;
}

/// <summary>A problem with the whole file: nothing of it is stored.</summary>
public sealed class DeliveryRejectedException(Finding finding, string detail)
    : Exception($"{finding.FileName}{(finding.Regel > 0 ? $", regel {finding.Regel}" : "")}{(finding.Kolom is null ? "" : $", kolom {finding.Kolom}")}: [{finding.Code}] {finding.Melding} {detail}".TrimEnd())
{
    public Finding Finding { get; } = finding;
    public string Detail { get; } = detail;
}
