using Zicht.Ingest;
using Zicht.Tests.Support;

namespace Zicht.Tests.Ingest;

/// <summary>Every value rule with a row that passes and a row that fails it (on line 2 of a one-row file).</summary>
public class ValidationRuleTests
{
    private static readonly IngestOptions Options = new() { Today = new DateOnly(2025, 6, 30) };

    private static IReadOnlyList<Finding> Findings(params (string Column, string Value)[] overrides)
    {
        using var temp = new TempStore();
        var path = temp.WriteFile("rij.csv", new Fixture().Add(Fixture.Row(1, overrides)).ToString());
        using var store = temp.Open();
        var result = new IngestService(store, Options).Ingest([path]).Single();
        Assert.Equal(result.RowsRead, result.RowsAccepted + result.RowsRejected);
        return result.FirstFindings;
    }

    public static TheoryData<string, string, string, string, string> Cases => new()
    {
        // rule, column, passing value, failing value, (extra override "column=value" or "")
        { "V01", "zorgvorm", "JH_AMBULANT", "", "" },
        { "V01", "startdatum", "2023-02-01", "", "" },
        { "V02", "bron_traject_id", "ABC-123/7", "T\t1", "" },
        { "V03", "bsn", Fixture.TestBsn(1), "12345", "" },
        { "V04", "bsn", Fixture.TestBsn(1), Fixture.BadBsn(1), "" },
        { "V07", "startdatum", "2023-02-28", "2023-02-30", "" },
        { "V07", "einddatum", "2023-08-31", "31-08-2023", "" },
        { "V07", "geboortedatum", "2012-05", "2012-13", "" },
        { "V08", "geslacht", "X", "F", "" },
        { "V09", "gemeentecode", "0014", "G14", "" },
        { "V10", "gemeentecode", "GM0363", "GM9998", "" },
        { "V11", "gemeentecode", "GM1979", "GM0010", "" },                       // Delfzijl merged into Eemsdelta on 2021-01-01
        { "V12", "postcode4", "9711", "971", "" },
        { "V13", "aanbieder_agb", "87654321", "8765432X", "" },
        { "V14", "zorgvorm", "JV_PLEEGZORG", "PLEEGZORG", "" },
        { "V15", "productcategorie", "45", "77", "" },
        { "V16", "verwijzer", "08", "07", "" },
        { "V17", "verwijzer", "02", "", "" },
        { "V18", "aanmelddatum", "2023-02-01", "2023-02-02", "" },
        { "V19", "einddatum", "2023-02-01", "2023-01-31", "" },
        { "V20", "reden_einde", "04", "", "" },
        { "V21", "reden_einde", "99", "06", "" },
        { "V22", "reden_einde", "", "01", "einddatum=" },
        { "V23", "tevredenheid", "N", "Ja", "" },
        { "V23", "doelrealisatie", "G", "J", "" },
        { "V24", "crisis", "1", "2", "" },
        { "V25", "aanbieder_agb", "12345678", "", "" },
        { "V26", "geboortedatum", "2023-02-01", "2023-02-02", "" },
        { "V27", "geboortedatum", "2000-02-02", "2000-02-01", "" },              // 23rd birthday on the start date 2023-02-01
        { "V27", "geboortedatum", "2000-02", "2000-01", "" },                    // month only: 23 for certain only from the month after
        { "V28", "startdatum", "2025-06-30", "2025-07-01", "einddatum=" },
        { "V29", "einddatum", "2025-06-30", "2025-07-01", "" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Passes_the_good_value_and_reports_the_bad_one(string code, string column, string good, string bad, string extra)
    {
        var extras = extra.Length == 0 ? [] : new[] { (extra.Split('=')[0], extra.Split('=')[1]) };
        if (code == "V22") extras = [("einddatum", ""), ("reden_einde", good)];
        if (code is "V28" && extra.Length > 0) extras = [("einddatum", ""), ("reden_einde", "")];

        var passing = Findings([.. extras, (column, good)]);
        Assert.DoesNotContain(passing, f => f.Code == code);
        Assert.Empty(passing);

        var failing = Findings([.. extras, (column, bad)]);
        var finding = Assert.Single(failing, f => f.Code == code);
        Assert.Equal(2, finding.Regel);
        Assert.Equal(column, finding.Kolom);
        if (column == "bsn") Assert.DoesNotContain(bad, finding.Waarde ?? "");
        else Assert.Equal(bad.Length == 0 ? null : bad, finding.Waarde);
    }

    [Fact]
    public void Neither_bsn_nor_pseudonym_is_V06_and_a_pseudonym_alone_is_enough()
    {
        Assert.Equal("V06", Assert.Single(Findings(("bsn", ""))).Code);
        Assert.Empty(Findings(("bsn", ""), ("client_pseudoniem", new string('a', 64))));
        Assert.Equal("V05", Assert.Single(Findings(("bsn", ""), ("client_pseudoniem", "abc"))).Code);
    }

    [Fact]
    public void The_rule_documentation_is_current()
    {
        var docs = Path.Combine(RepositoryRoot(), "docs", "validation-rules.md");
        Assert.True(File.Exists(docs), "docs/validation-rules.md is missing; write it with: ./zicht rules --markdown > docs/validation-rules.md");
        Assert.Equal(ValidationRuleDocs.Markdown(), File.ReadAllText(docs));
    }

    internal static string RepositoryRoot()
    {
        var folder = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(folder, "Zicht.sln"))) folder = Path.GetDirectoryName(folder)!;
        return folder;
    }
}
