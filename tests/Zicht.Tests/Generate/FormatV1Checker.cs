using System.Globalization;
using Zicht.Ingest;
using Zicht.Reference;

namespace Zicht.Tests.Generate;

/// <summary>
/// A small, hand-written reading of the format v1 rules (ValidationRules.cs) for one row, used to check
/// that clean generated rows break no rule and that each injected row breaks exactly the listed one.
/// Independent of the generator's code on purpose.
/// </summary>
internal sealed class FormatV1Checker(ReferenceData reference, DateOnly extractionDate)
{
    private static readonly string[] Columns = TrajectoryColumns.All.ToArray();
    private static readonly HashSet<string> Geslachten = ["M", "V", "X", "O"];
    private static readonly HashSet<string> Verwijzers = ["01", "02", "03", "04", "05", "06", "08"];
    private static readonly HashSet<string> Redenen = ["01", "02", "03", "04", "05", "99"];
    private static readonly HashSet<string> Jno = ["J", "N", "O"];
    private static readonly HashSet<string> Vgno = ["V", "G", "N", "O"];

    public static int Index(string column) => Array.IndexOf(Columns, column);

    /// <summary>All findings for one line: (column, rule code); empty for a clean line.</summary>
    public List<(string Column, string Code)> Check(string line)
    {
        var findings = new List<(string, string)>();
        if (line.Contains('"')) findings.Add(("", "S02"));
        var f = line.Split(';');
        if (f.Length != Columns.Length) { findings.Add(("", "S01")); return findings; }
        string V(string column) => f[Index(column)];
        void Add(string column, string code) => findings.Add((column, code));

        foreach (var required in (string[])[TrajectoryColumns.Bron, TrajectoryColumns.BronTrajectId, TrajectoryColumns.Geboortedatum,
                     TrajectoryColumns.Geslacht, TrajectoryColumns.Gemeentecode, TrajectoryColumns.Zorgvorm, TrajectoryColumns.Startdatum])
            if (V(required).Length == 0) Add(required, "V01");

        var bsn = V(TrajectoryColumns.Bsn);
        if (bsn.Length == 0 && V(TrajectoryColumns.ClientPseudoniem).Length == 0) Add(TrajectoryColumns.Bsn, "V06");
        else if (bsn.Length > 0 && (bsn.Length != 9 || !bsn.All(char.IsAsciiDigit))) Add(TrajectoryColumns.Bsn, "V03");
        else if (bsn.Length > 0 && !ElfProef(bsn)) Add(TrajectoryColumns.Bsn, "V04");

        DateOnly? Date(string column)
        {
            var s = V(column);
            if (s.Length == 0) return null;
            if (DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
            Add(column, "V07");
            return null;
        }
        var geboorte = Date(TrajectoryColumns.Geboortedatum);
        var aanmeld = Date(TrajectoryColumns.Aanmelddatum);
        var start = Date(TrajectoryColumns.Startdatum);
        var eind = Date(TrajectoryColumns.Einddatum);

        var geslacht = V(TrajectoryColumns.Geslacht);
        if (geslacht.Length > 0 && !Geslachten.Contains(geslacht)) Add(TrajectoryColumns.Geslacht, "V08");

        var gemeentecode = V(TrajectoryColumns.Gemeentecode);
        if (gemeentecode.Length > 0)
        {
            var gemeente = reference.FindGemeente(gemeentecode);
            if (gemeentecode.Length != 6 || !gemeentecode.StartsWith("GM", StringComparison.Ordinal) || !gemeentecode[2..].All(char.IsAsciiDigit))
                Add(TrajectoryColumns.Gemeentecode, "V09");
            else if (gemeente is null) Add(TrajectoryColumns.Gemeentecode, "V10");
            else if (start is { } s && !gemeente.ExistsOn(s)) Add(TrajectoryColumns.Gemeentecode, "V11");
        }

        var postcode = V(TrajectoryColumns.Postcode4);
        if (postcode.Length > 0 && !(int.TryParse(postcode, CultureInfo.InvariantCulture, out var pc) && pc is >= 1000 and <= 9999 && postcode.Length == 4))
            Add(TrajectoryColumns.Postcode4, "V12");

        var agb = V(TrajectoryColumns.AanbiederAgb);
        if (agb.Length > 0 && (agb.Length != 8 || !agb.All(char.IsAsciiDigit))) Add(TrajectoryColumns.AanbiederAgb, "V13");

        var zorgvorm = V(TrajectoryColumns.Zorgvorm);
        var zv = zorgvorm.Length > 0 ? reference.FindZorgvorm(zorgvorm) : null;
        if (zorgvorm.Length > 0 && zv is null) Add(TrajectoryColumns.Zorgvorm, "V14");
        var productcategorie = V(TrajectoryColumns.Productcategorie);
        if (productcategorie.Length > 0 && reference.Productcategorieen.All(p => p.Value != productcategorie)) Add(TrajectoryColumns.Productcategorie, "V15");

        var verwijzer = V(TrajectoryColumns.Verwijzer);
        if (verwijzer.Length > 0 && !Verwijzers.Contains(verwijzer)) Add(TrajectoryColumns.Verwijzer, "V16");
        if (zv is { VerwijzerVerplicht: true } && verwijzer.Length == 0) Add(TrajectoryColumns.Verwijzer, "V17");
        if (zv is { AanbiederVerplicht: true } && agb.Length == 0) Add(TrajectoryColumns.AanbiederAgb, "V25");

        if (aanmeld is { } a && start is { } st1 && a > st1) Add(TrajectoryColumns.Aanmelddatum, "V18");
        if (eind is { } e && start is { } st2 && e < st2) Add(TrajectoryColumns.Einddatum, "V19");
        var reden = V(TrajectoryColumns.RedenEinde);
        if (V(TrajectoryColumns.Einddatum).Length > 0 && reden.Length == 0) Add(TrajectoryColumns.RedenEinde, "V20");
        if (reden.Length > 0 && !Redenen.Contains(reden)) Add(TrajectoryColumns.RedenEinde, "V21");
        if (reden.Length > 0 && V(TrajectoryColumns.Einddatum).Length == 0) Add(TrajectoryColumns.RedenEinde, "V22");
        foreach (var outcome in (string[])[TrajectoryColumns.Tevredenheid, TrajectoryColumns.ZonderHulpVerder, TrajectoryColumns.Probleemafname])
            if (V(outcome).Length > 0 && !Jno.Contains(V(outcome))) Add(outcome, "V23");
        if (V(TrajectoryColumns.Doelrealisatie).Length > 0 && !Vgno.Contains(V(TrajectoryColumns.Doelrealisatie))) Add(TrajectoryColumns.Doelrealisatie, "V23");
        if (V(TrajectoryColumns.Crisis) is not ("" or "0" or "1")) Add(TrajectoryColumns.Crisis, "V24");

        if (geboorte is { } g && start is { } st3)
        {
            if (g > st3) Add(TrajectoryColumns.Geboortedatum, "V26");
            if (g.AddYears(23) <= st3) Add(TrajectoryColumns.Geboortedatum, "V27");
        }
        if (start is { } st4 && st4 > extractionDate) Add(TrajectoryColumns.Startdatum, "V28");
        if (eind is { } e2 && e2 > extractionDate) Add(TrajectoryColumns.Einddatum, "V29");
        return findings;
    }

    /// <summary>The 11-proef written out: Σ digit[i]·(9−i) for i = 0..7, minus digit[8], divisible by 11.</summary>
    public static bool ElfProef(string bsn)
    {
        var sum = 0;
        for (var i = 0; i < 8; i++) sum += (bsn[i] - '0') * (9 - i);
        sum -= bsn[8] - '0';
        return sum % 11 == 0;
    }
}
