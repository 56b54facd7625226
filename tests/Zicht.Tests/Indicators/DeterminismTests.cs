using Zicht.Generate;
using Zicht.Indicators;
using Zicht.Ingest;
using Zicht.Tests.Support;

namespace Zicht.Tests.Indicators;

public class DeterminismTests
{
    [Fact]
    public void The_same_deliveries_give_the_same_episodes_and_figures_in_every_store()
    {
        // Ingest writes rows in parallel chunks, in whatever order the threads finish: nothing derived from them may
        // depend on that order. A generated file of several chunks, ingested into two stores, computed in both.
        using var temp = new TempStore();
        var generated = new GeneratorOptions { Seed = 3, YouthsPerYear = 40_000, Years = 2, EndYear = 2025, SingleFile = true, OutputFolder = Path.Combine(temp.Folder, "data") };
        new TrajectoryGenerator().Generate(generated);
        var file = Path.Combine(generated.OutputFolder, "trajecten.csv");
        Assert.True(new FileInfo(file).Length > 9_000_000, $"the file must span several parse chunks of 8 MB, not {new FileInfo(file).Length:N0} bytes");

        using var first = temp.Open();
        using var secondTemp = new TempStore();
        using var second = secondTemp.Open();
        foreach (var store in new[] { first, second })
        {
            Assert.All(new IngestService(store, new IngestOptions { Today = new DateOnly(2026, 6, 30) }).Ingest([file]), r => Assert.Equal(0L, r.RowsRejected));
            new IndicatorEngine(store).Compute();
        }
        second.Execute("CHECKPOINT");
        first.Execute($"ATTACH '{secondTemp.Location.DatabasePath}' AS other (READ_ONLY)");
        // youth ids are surrogates given in the order youths are met; a youth is the same youth by its pseudonym
        first.Execute("""
            CREATE TEMP VIEW episode_a AS SELECT episode.* EXCLUDE (youth_id), youth.pseudoniem FROM episode JOIN youth USING (youth_id);
            CREATE TEMP VIEW episode_b AS SELECT episode.* EXCLUDE (youth_id), youth.pseudoniem FROM other.episode AS episode JOIN other.youth AS youth USING (youth_id);
            CREATE TEMP VIEW placement_a AS SELECT placement.* EXCLUDE (youth_id), youth.pseudoniem FROM placement JOIN youth USING (youth_id);
            CREATE TEMP VIEW placement_b AS SELECT placement.* EXCLUDE (youth_id), youth.pseudoniem FROM other.placement AS placement JOIN other.youth AS youth USING (youth_id);
            CREATE TEMP VIEW indicator_value_a AS SELECT * EXCLUDE (berekend_op) FROM indicator_value;
            CREATE TEMP VIEW indicator_value_b AS SELECT * EXCLUDE (berekend_op) FROM other.indicator_value;
            """);
        foreach (var table in new[] { "episode", "placement", "indicator_value" })
        {
            var columns = "*";
            Assert.True(first.Scalar<long>($"SELECT count(*) FROM {table}_a") > 1_000);
            Assert.True(0L == first.Scalar<long>($"SELECT count(*) FROM (SELECT {columns} FROM {table}_a EXCEPT ALL SELECT {columns} FROM {table}_b)"),
                $"{table}: " + first.Scalar<string>($"SELECT string_agg(CAST(r AS VARCHAR), ' | ') FROM (SELECT r FROM (SELECT {columns} FROM {table}_a EXCEPT ALL SELECT {columns} FROM {table}_b) AS r LIMIT 2)"));
            Assert.Equal(0L, first.Scalar<long>($"SELECT count(*) FROM (SELECT {columns} FROM {table}_b EXCEPT ALL SELECT {columns} FROM {table}_a)"));
        }
    }
}
