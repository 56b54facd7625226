using System.Text;
using Zicht.Generate;
using Zicht.Reference;

namespace Zicht.Tests.Generate;

public class RowFormatterTests
{
    [Fact]
    public void The_byte_path_and_the_string_path_write_the_same_line()
    {
        // clean rows go through the fast byte writer, injected rows through the string fields: both must agree
        var options = new GeneratorOptions { YouthsPerYear = 100, Years = 3 };
        var reference = ReferenceData.Shipped;
        var geo = new Geography(reference, options.FirstYear, options.EndYear);
        var providers = new ProviderCatalog(geo, options.Seed);
        var products = reference.Productcategorieen.Select(c => c.Value).ToList();
        var formatter = new RowFormatter(geo, providers, products, new DateOnly(1980, 1, 1).DayNumber, options.ExtractionDate.DayNumber);
        var simulator = new YouthSimulator(geo, providers, options, products);
        var rng = new Rng(12345);
        var youths = new YouthInfo[300];
        var rows = new List<TrajectoryRow>();
        for (var k = 0; k < youths.Length; k++)
        {
            youths[k].Index = k;
            youths[k].Bsn = SyntheticBsn.ForYouth(k, options.Seed);
            simulator.Simulate(k, ref youths[k], ref rng, rows);
        }
        Assert.True(rows.Count > 100);
        foreach (var row in rows)
        {
            using var fast = new ByteBuffer();
            using var slow = new ByteBuffer();
            formatter.Write(fast, row, youths[row.Youth]);
            RowFormatter.WriteFields(slow, formatter.Fields(row, youths[row.Youth]), ';');
            Assert.Equal(Encoding.UTF8.GetString(slow.Written), Encoding.UTF8.GetString(fast.Written));
        }
    }
}
