using System.Text;
using Zicht.Ingest;

namespace Zicht.Tests.Support;

/// <summary>
/// Builds small format v1 files by hand. BSNs are generated numbers that pass the 11-proef
/// (<see cref="TestBsn"/>), never real ones.
/// </summary>
public sealed class Fixture
{
    public static readonly string Header = string.Join(";", TrajectoryColumns.All);
    private readonly List<string> _lines = [Header];

    /// <summary>A valid row; override fields by column name.</summary>
    public static Dictionary<string, string> Row(int n, params (string Column, string Value)[] overrides)
    {
        var row = new Dictionary<string, string>
        {
            ["bron"] = "12345678", ["bron_traject_id"] = "T" + n, ["bsn"] = TestBsn(n), ["client_pseudoniem"] = "",
            ["geboortedatum"] = "2012-05-17", ["geslacht"] = "V", ["gemeentecode"] = "GM0014", ["postcode4"] = "9711",
            ["aanbieder_agb"] = "12345678", ["aanbieder_naam"] = "Zorg Noord", ["zorgvorm"] = "JH_AMBULANT",
            ["productcategorie"] = "", ["productcode"] = "", ["verwijzer"] = "02", ["aanmelddatum"] = "2023-01-02",
            ["startdatum"] = "2023-02-01", ["einddatum"] = "2023-08-31", ["reden_einde"] = "01", ["tevredenheid"] = "J",
            ["zonder_hulp_verder"] = "J", ["probleemafname"] = "O", ["doelrealisatie"] = "V", ["crisis"] = "0",
        };
        foreach (var (column, value) in overrides) row[column] = value;
        return row;
    }

    public Fixture Add(Dictionary<string, string> row)
    {
        _lines.Add(string.Join(";", TrajectoryColumns.All.Select(c => row[c])));
        return this;
    }

    public Fixture AddRaw(string line)
    {
        _lines.Add(line);
        return this;
    }

    public override string ToString() => string.Join("\n", _lines) + "\n";

    /// <summary>The n-th 9-digit number starting with 9 that passes the 11-proef (deterministic, synthetic).</summary>
    public static string TestBsn(int n)
    {
        var found = 0;
        for (var candidate = 900000000L + n * 97L; ; candidate++)
        {
            var s = candidate.ToString();
            if (Zicht.Privacy.Bsn.PassesElfproef(s) && found++ >= 0) return s;
        }
    }

    /// <summary>A 9-digit number that fails the 11-proef.</summary>
    public static string BadBsn(int n)
    {
        var good = TestBsn(n);
        var last = (good[8] - '0' + 1) % 10;
        return good[..8] + last;
    }
}
