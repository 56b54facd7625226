using Zicht.Storage;
using Zicht.Tests.Support;

namespace Zicht.Tests.Ingest;

/// <summary>The README's main command, on a small scale: generate, ingest, derive, compute, summarise; then again.</summary>
public class DemoCommandTests
{
    [Fact]
    public void Demo_fills_an_empty_store_and_a_second_run_changes_nothing()
    {
        using var temp = new TempStore();
        var storeFolder = Path.Combine(temp.Folder, "demo-store");

        var (exitCode, output) = ZichtCli.Run(storeFolder, "demo", "--youths", "3000", "--years", "2");
        Assert.True(exitCode == 0, output);
        Assert.Contains("Indicatoren berekend", output);
        using (var store = ZichtStore.Open(new StoreLocation(storeFolder)))
        {
            Assert.Equal(2L, store.Scalar<long>("SELECT count(*) FROM delivery WHERE status = 'actief'"));
            Assert.Equal(store.Scalar<long>("SELECT sum(rows_read) FROM delivery"), store.Scalar<long>("SELECT count(*) FROM trajectory"));
            Assert.Equal(0L, store.Scalar<long>("SELECT count(*) FROM finding WHERE ernst = 'fout'"));
            Assert.True(store.DerivedTablesAreCurrent());
            Assert.True(store.Scalar<long>("SELECT count(DISTINCT indicator_id) FROM indicator_value") >= 31);
        }

        var (again, againOutput) = ZichtCli.Run(storeFolder, "demo", "--youths", "3000", "--years", "2");
        Assert.True(again == 0, againOutput);
        Assert.Contains("bevat al gegevens", againOutput);
        Assert.Contains("al actueel", againOutput);
    }
}
