namespace Zicht.Disclosure;

/// <summary>One row of indicator_value as the publication step needs it.</summary>
public sealed record StoredValue(
    string Niveau,
    string GebiedCode,
    string GebiedNaam,
    string Periode,
    string Categorie,
    long Teller,
    double? Noemer,
    double? Waarde,
    double? DekkingProcent,
    string? RegioCode,
    int? Rang,
    double? Percentiel,
    string? BenchmarkTekst)
{
    public string Key => KeyOf(Niveau, GebiedCode, Periode, Categorie);

    public static string KeyOf(string niveau, string gebied, string periode, string categorie) => niveau + "|" + gebied + "|" + periode + "|" + categorie;
}
