using Zicht.Indicators;
using Zicht.Ingest;
using Zicht.Storage;
using Zicht.Tests.Support;

namespace Zicht.Tests.Indicators;

/// <summary>A temporary store with a hand-made fixture ingested and the catalogue computed.</summary>
public sealed class IndicatorTestStore : IDisposable
{
    private static readonly IngestOptions Options = new() { Today = new DateOnly(2026, 6, 30) };
    private readonly TempStore _temp = new();
    public ZichtStore Store { get; }

    public IndicatorTestStore(Fixture fixture, IReadOnlyDictionary<string, string>? parameters = null)
    {
        var path = _temp.WriteFile("fixture.csv", fixture.ToString());
        Store = _temp.Open();
        var results = new IngestService(Store, Options).Ingest([path]);
        Assert.All(results, r => Assert.Equal(0L, r.RowsRejected));
        new IndicatorEngine(Store).Compute(new ComputeOptions { Parameters = parameters });
    }

    public void AddDelivery(Fixture fixture, string name)
    {
        var path = _temp.WriteFile(name, fixture.ToString());
        var results = new IngestService(Store, Options).Ingest([path]);
        Assert.All(results, r => Assert.Equal(0L, r.RowsRejected));
    }

    /// <summary>(teller, noemer, waarde) of one stored cell; null when the cell was not computed.</summary>
    public (double? Teller, double? Noemer, double? Waarde)? Cell(string indicator, string niveau, string gebied, string periode, string categorie = "totaal")
    {
        using var command = Store.Connection.CreateCommand();
        command.CommandText = $"""
            SELECT teller, noemer, waarde FROM indicator_value
            WHERE indicator_id = '{indicator}' AND niveau = '{niveau}' AND gebied_code = '{gebied}' AND periode = '{periode}' AND categorie = '{categorie}'
            """;
        using var reader = command.ExecuteReader();
        if (!reader.Read()) return null;
        double? Get(int i) => reader.IsDBNull(i) ? null : reader.GetDouble(i);
        return (Get(0), Get(1), Get(2));
    }

    public string? Text(string indicator, string niveau, string gebied, string periode) =>
        Store.Scalar<string>($"SELECT benchmark_tekst FROM indicator_value WHERE indicator_id = '{indicator}' AND niveau = '{niveau}' AND gebied_code = '{gebied}' AND periode = '{periode}' AND categorie = 'totaal'");

    public void Dispose()
    {
        Store.Dispose();
        _temp.Dispose();
    }
}
