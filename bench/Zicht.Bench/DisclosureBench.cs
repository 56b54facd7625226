using System.Diagnostics;
using Zicht.Disclosure;
using Zicht.Storage;

namespace Zicht.Bench;

/// <summary>
/// Disclosure control on a computed store: for a set of exports (or one, with --indicator), the time of protection
/// (loading, suppression, audit) and of the audit alone, the hidden cells, and the LPs the audit needed.
/// Usage: disclosure --store FOLDER [--periode 2024] [--indicator ID [--uitsplitsing X] [--een-markering] [--afronden]]
/// Run it on a store that nobody else has open (DuckDB locks it).
/// </summary>
public static class DisclosureBench
{
    private sealed record Export(string Indicator, string? Uitsplitsing = null, bool OneMarker = false, bool Rounded = false)
    {
        public override string ToString() => Indicator + (Uitsplitsing is null ? "" : " --uitsplitsing " + Uitsplitsing)
                                             + (OneMarker ? " --een-markering" : "") + (Rounded ? " --afronden" : "");
    }

    public static int Run(string[] args)
    {
        string? folder = null, indicator = null, uitsplitsing = null;
        var periode = "2024";
        bool oneMarker = false, rounded = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--store": folder = args[++i]; break;
                case "--periode": periode = args[++i]; break;
                case "--indicator": indicator = args[++i]; break;
                case "--uitsplitsing": uitsplitsing = args[++i]; break;
                case "--een-markering": oneMarker = true; break;
                case "--afronden": rounded = true; break;
            }
        }
        if (folder is null)
        {
            Console.Error.WriteLine("disclosure: --store FOLDER is required (a computed store, e.g. from zicht generate/ingest/compute).");
            return 2;
        }
        Export[] exports = indicator is not null
            ? [new Export(indicator, uitsplitsing, oneMarker, rounded)]
            :
            [
                new("uitval"), new("uitval", OneMarker: true), new("uitval", Rounded: true),
                new("jeugdhulp_per_1000"), new("jeugdhulp_per_1000", OneMarker: true),
                new("verwijzers_mix"), new("verwijzers_mix", OneMarker: true),
                new("reden_einde_verdeling"), new("reden_einde_verdeling", OneMarker: true),
                new("gesloten_plaatsingen"),
                new("uitval", "leeftijdsgroep", OneMarker: true),
                new("jeugdhulp_per_1000", "geslacht", OneMarker: true),
            ];

        using var store = ZichtStore.Open(new StoreLocation(folder));
        Console.WriteLine($"{"export (periode " + periode + ")",-52} {"total s",8} {"audit s",8} {"GLOP s",8} {"hidden",7} {"LPs",7} {"safe*",7} {"fail*",6} {"groups",7} {"largest",7} {"cold",5} {"rej",4}  verdict");
        var worst = 0.0;
        foreach (var export in exports)
        {
            var auditor = new AttackAuditor();
            var service = new PublicationService(store, auditor: auditor, storedProtections: false);   // the protection itself, never a stored one
            var policy = DisclosurePolicy.Default with { SameMarkerForAllHidden = export.OneMarker, RoundingBase = export.Rounded ? 5 : 0 };
            var clock = Stopwatch.StartNew();
            string verdict;
            var hidden = 0;
            try
            {
                var publication = export.Uitsplitsing is null
                    ? service.Publish(export.Indicator, periode, policy)
                    : service.PublishBreakdown(export.Indicator, periode, export.Uitsplitsing, policy);
                hidden = publication.HiddenCells;
                verdict = "passed";
            }
            catch (DisclosureAuditFailedException e)
            {
                verdict = "refused: " + e.Report.Failures.Count() + " cells can be worked back";
            }
            var seconds = clock.Elapsed.TotalSeconds;
            worst = Math.Max(worst, seconds);
            var s = auditor.Statistics;
            Console.WriteLine($"{export,-52} {seconds,8:F2} {s.AuditTime.TotalSeconds,8:F2} {s.SolverTime.TotalSeconds,8:F2} {hidden,7} {s.LinearPrograms,7} {s.CellsProvenWithoutOwnLp,7} {s.CellsFailedWithoutOwnLp,6} {s.Components,7} {s.LargestComponent,7} {s.ColdRestarts,5} {s.RejectedWitnesses,4}  {verdict}");
        }
        Console.WriteLine("safe* / fail*: cells proven protected / unprotected without an LP of their own (summed over the repair rounds);");
        Console.WriteLine("cold: LPs restarted cold after the iteration cap; rej: LP solutions rejected as witnesses by the feasibility check");
        Console.WriteLine($"slowest export: {worst:F2} s (target < 10 s)");
        return 0;
    }
}
