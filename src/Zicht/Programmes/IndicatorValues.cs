using DuckDB.NET.Data;

namespace Zicht.Programmes;

/// <summary>One value of an indicator for one area and period ("2023" or "2023Q2").</summary>
public sealed record IndicatorPoint(string Periode, double? Teller, double? Noemer, double? Waarde, string? Eenheid, string? BenchmarkTekst);

/// <summary>Reads computed indicator values; null / empty means "geen gegevens", never 0.</summary>
public interface IIndicatorValues
{
    IndicatorPoint? Latest(string indicatorId, string niveau, string gebiedCode);
    IReadOnlyList<IndicatorPoint> Series(string indicatorId, string niveau, string gebiedCode);
}

/// <summary>
/// Reads table <c>indicator_value</c> written by the indicator engine. When that table does not
/// exist yet (a store without computed indicators) every lookup answers "geen gegevens".
/// </summary>
public sealed class DuckDbIndicatorValues(DuckDBConnection connection) : IIndicatorValues
{
    private bool? _tableExists;

    public IndicatorPoint? Latest(string indicatorId, string niveau, string gebiedCode)
    {
        var series = Series(indicatorId, niveau, gebiedCode);
        return series.Count == 0 ? null : series[^1];
    }

    public IReadOnlyList<IndicatorPoint> Series(string indicatorId, string niveau, string gebiedCode)
    {
        if (!TableExists()) return [];
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT periode, teller, noemer, waarde, eenheid, benchmark_tekst
            FROM indicator_value
            WHERE indicator_id = $id AND niveau = $niveau AND gebied_code = $gebied
            ORDER BY periode
            """;
        command.Parameters.Add(new DuckDBParameter("id", indicatorId));
        command.Parameters.Add(new DuckDBParameter("niveau", niveau));
        command.Parameters.Add(new DuckDBParameter("gebied", gebiedCode));
        var points = new List<IndicatorPoint>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            points.Add(new IndicatorPoint(
                reader.GetString(0),
                reader.IsDBNull(1) ? null : reader.GetDouble(1),
                reader.IsDBNull(2) ? null : reader.GetDouble(2),
                reader.IsDBNull(3) ? null : reader.GetDouble(3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5)));
        }
        // A trend mixes no granularities: keep the granularity (year or quarter) of the latest point.
        if (points.Count == 0) return points;
        var quarterly = points[^1].Periode.Contains('Q');
        return points.Where(p => p.Periode.Contains('Q') == quarterly).ToList();
    }

    private bool TableExists()
    {
        if (_tableExists is { } known) return known;
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM information_schema.tables WHERE table_name = 'indicator_value'";
        _tableExists = Convert.ToInt64(command.ExecuteScalar()) > 0;
        return _tableExists.Value;
    }
}

/// <summary>No indicator values at all: for reports made without a store.</summary>
public sealed class NoIndicatorValues : IIndicatorValues
{
    public IndicatorPoint? Latest(string indicatorId, string niveau, string gebiedCode) => null;
    public IReadOnlyList<IndicatorPoint> Series(string indicatorId, string niveau, string gebiedCode) => [];
}
