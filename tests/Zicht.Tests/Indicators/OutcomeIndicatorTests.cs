using Zicht.Tests.Support;
using static Zicht.Tests.Indicators.FixtureRows;

namespace Zicht.Tests.Indicators;

/// <summary>Waiting times and outcome indicators on five ambulant trajectories in Groningen, each of another youth.</summary>
public class OutcomeIndicatorTests : IClassFixture<OutcomeIndicatorTests.Data>
{
    public sealed class Data : IDisposable
    {
        public IndicatorTestStore Store { get; } = new(new Fixture()
            //        aanmelding    start        wait  end         reden tevreden zonder_hulp probleem doel  duration
            // W1     2023-01-02    2023-02-01    30   2023-06-30   01     J        J           J        V     150
            // W2     2023-01-01    2023-03-05    63   2023-07-31   03     N        N           N        G     149
            // W3     2023-01-01    2023-03-06    64   2023-08-31   04     O        O           O        N     179
            // W4     2023-03-01    2023-03-11    10   2023-09-30   02     J        J           J        O     204
            // W5     (none)        2023-04-01     -   2023-10-31   99     -        -           -        -     214
            .Add(R(11, "W1", "JH_AMBULANT", "2023-02-01", "2023-06-30", ("aanmelddatum", "2023-01-02"), ("reden_einde", "01"), ("tevredenheid", "J"), ("zonder_hulp_verder", "J"), ("probleemafname", "J"), ("doelrealisatie", "V")))
            .Add(R(12, "W2", "JH_AMBULANT", "2023-03-05", "2023-07-31", ("aanmelddatum", "2023-01-01"), ("reden_einde", "03"), ("tevredenheid", "N"), ("zonder_hulp_verder", "N"), ("probleemafname", "N"), ("doelrealisatie", "G")))
            .Add(R(13, "W3", "JH_AMBULANT", "2023-03-06", "2023-08-31", ("aanmelddatum", "2023-01-01"), ("reden_einde", "04"), ("tevredenheid", "O"), ("zonder_hulp_verder", "O"), ("probleemafname", "O"), ("doelrealisatie", "N")))
            .Add(R(14, "W4", "JH_AMBULANT", "2023-03-11", "2023-09-30", ("aanmelddatum", "2023-03-01"), ("reden_einde", "02"), ("tevredenheid", "J"), ("zonder_hulp_verder", "J"), ("probleemafname", "J"), ("doelrealisatie", "O")))
            .Add(R(15, "W5", "JH_AMBULANT", "2023-04-01", "2023-10-31", ("reden_einde", "99"), ("tevredenheid", ""), ("zonder_hulp_verder", ""), ("probleemafname", ""), ("doelrealisatie", ""))));

        public void Dispose() => Store.Dispose();
    }

    private readonly IndicatorTestStore _store;
    public OutcomeIndicatorTests(Data data) => _store = data.Store;

    private double? Waarde(string id, string periode = "2023", string categorie = "totaal") =>
        _store.Cell(id, "gemeente", "GM0014", periode, categorie)!.Value.Waarde;

    [Fact]
    public void Waiting_times_over_starts_with_a_known_registration_date()
    {
        // waits 10, 30, 63, 64: median (30 + 63) / 2 = 46.5; p90 at position 0.9 * 3 = 2.7: 63 + 0.7 * (64 - 63) = 63.7
        Assert.Equal(46.5, Waarde("wachttijd_mediaan"));
        Assert.Equal(63.7, Waarde("wachttijd_p90")!.Value, 9);
        // 4 of the 5 starts have a wait: teller 4, noemer 5, dekking 80%
        Assert.Equal((4.0, 5.0), (_store.Cell("wachttijd_mediaan", "gemeente", "GM0014", "2023")!.Value.Teller!.Value, _store.Cell("wachttijd_mediaan", "gemeente", "GM0014", "2023")!.Value.Noemer!.Value));
        // within the 63-day norm: 10, 30, 63 (the boundary counts) -> 3 of 4 = 75%
        Assert.Equal(75.0, Waarde("wachttijd_binnen_norm"));
        // 2023Q1 starts: W1 (Feb), W2, W3, W4 (March) -> the same four waits
        Assert.Equal(46.5, Waarde("wachttijd_mediaan", "2023Q1"));
    }

    [Fact]
    public void Wachttijd_norm_is_a_catalogue_parameter()
    {
        using var strict = new IndicatorTestStore(new Fixture()
                .Add(R(11, "W1", "JH_AMBULANT", "2023-02-01", "2023-06-30", ("aanmelddatum", "2023-01-02")))
                .Add(R(12, "W2", "JH_AMBULANT", "2023-03-05", "2023-07-31", ("aanmelddatum", "2023-01-01"))),
            new Dictionary<string, string> { ["wachttijd_norm_dagen"] = "30" });
        // waits 30 and 63 with a norm of 30 days -> 1 of 2
        Assert.Equal(50.0, strict.Cell("wachttijd_binnen_norm", "gemeente", "GM0014", "2023")!.Value.Waarde);
    }

    [Fact]
    public void Uitval_and_the_split_of_reden_einde()
    {
        // ended in 2023: 5; one-sidedly early (03, 04): W2, W3 -> 40%
        Assert.Equal(40.0, Waarde("uitval"));
        Assert.Equal(20.0, Waarde("reden_einde_verdeling", categorie: "01"));
        Assert.Equal(20.0, Waarde("reden_einde_verdeling", categorie: "99"));
        Assert.Equal(5.0, _store.Cell("reden_einde_verdeling", "gemeente", "GM0014", "2023", "03")!.Value.Noemer);
    }

    [Fact]
    public void Outcomes_are_shares_among_the_measured_with_coverage_beside_them()
    {
        // tevredenheid measured (J/N): W1 J, W2 N, W4 J -> 2 of 3; measured 3 of 5 ended = 60%
        Assert.Equal(200.0 / 3, Waarde("clienttevredenheid")!.Value, 9);
        Assert.Equal(60.0, _store.Store.Scalar<double>("SELECT dekking_procent FROM indicator_value WHERE indicator_id = 'clienttevredenheid' AND niveau = 'gemeente' AND periode = '2023'"));
        Assert.Equal(200.0 / 3, Waarde("zonder_hulp_verder")!.Value, 9);
        Assert.Equal(200.0 / 3, Waarde("probleemafname")!.Value, 9);
        // doelrealisatie measured (V/G/N): W1 V, W2 G, W3 N -> volledig 1 of 3, deels (V + G) 2 of 3
        Assert.Equal(100.0 / 3, Waarde("doelrealisatie_volledig")!.Value, 9);
        Assert.Equal(200.0 / 3, Waarde("doelrealisatie_deels")!.Value, 9);
    }

    [Fact]
    public void Trajectduur_is_the_median_of_ended_episodes()
    {
        // durations 149, 150, 179, 204, 214 -> 179
        Assert.Equal(179.0, Waarde("trajectduur_mediaan"));
    }
}
