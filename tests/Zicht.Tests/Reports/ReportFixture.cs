using System.Diagnostics;
using System.Text.RegularExpressions;
using Zicht.Programmes;
using Zicht.Reports;
using Zicht.Tests.Programmes;

namespace Zicht.Tests.Reports;

/// <summary>
/// A small programme whose report is worked out by hand. Milestones are written out of order on
/// purpose; the appendix must order them by action line, then period.
/// </summary>
public static class ReportFixture
{
    public const string Yaml = """
        id: rapport-test
        naam: Testprogramma
        gebied: { niveau: regio, code: JZ13 }
        inleiding: Inleiding van het testprogramma.
        actielijnen:
          - nummer: 1
            titel: Toegang
            inzet: Snelle hulp.
            subdoelen:
              - { letter: a, tekst: Visie, indicatoren: [wachttijd_mediaan] }
              - { letter: b, tekst: Wachttijd }
          - nummer: 2
            titel: Thuis
            subdoelen:
              - { letter: a, tekst: Minder plaatsingen, indicatoren: [uithuisplaatsingen_per_1000] }
        perioden:
          - { code: VGR1, naam: "VGR 1: jan-jun 2019", van: 2019-01-01, tot: 2019-06-30 }
          - { code: VGR2, naam: "VGR 2: jul-dec 2019", van: 2019-07-01, tot: 2019-12-31 }
          - { code: VGR3, naam: "VGR 3: jan-jun 2020", van: 2020-01-01, tot: 2020-06-30 }
        mijlpalen:
          - { tekst: Mijlpaal B2019-2, actielijnen: [2], subdoel: 2a, periode: VGR2 }
          - { tekst: Mijlpaal A2019-1, actielijnen: [1], subdoel: 1a, periode: VGR1 }
          - { tekst: Mijlpaal A2020-1, actielijnen: [1], subdoel: 1b, periode: VGR3 }
          - { tekst: Mijlpaal A2019-2, actielijnen: [1, 2], periode: VGR2 }
          - { tekst: Mijlpaal Bdatum, actielijnen: [2], datum: 2019-03-15 }
        vervolgstappen:
          - { tekst: Stap open, subdoel: 1a, kwartaal: 2020Q1 }
          - { tekst: Stap klaar, subdoel: 1a, gereed: ja }
        activiteiten:
          - { tekst: Nieuwsbrieven, actielijn: 1, jaar: 2019, doel: 40, gerealiseerd: 30 }
        """;

    /// <summary>Appendix of the VGR2 report, worked out by hand: line 1 then line 2, each by period;
    /// A2020-1 (VGR3) is after the period and left out; Bdatum (15 March 2019) falls before VGR2.</summary>
    public static readonly (string Mijlpaal, string Actielijn, string Wanneer)[] AppendixVgr2 =
    [
        ("Mijlpaal A2019-1", "1", "VGR 1: jan-jun 2019"),
        ("Mijlpaal A2019-2", "1, 2", "VGR 2: jul-dec 2019"),
        ("Mijlpaal Bdatum", "2", "15 maart 2019"),
        ("Mijlpaal B2019-2", "2", "VGR 2: jul-dec 2019"),
    ];

    public static Programme Programme => ProgrammeTestData.Read(Yaml);

    public static ProgressReport Build(string period, IIndicatorValues? values = null) =>
        new ProgressReportBuilder(ProgrammeTestData.Catalogue, values ?? new NoIndicatorValues()).Build(Programme, period);

    public static byte[] Render(ProgressReport report, ReportFormat format)
    {
        using var stream = new MemoryStream();
        ProgressReportWriter.For(format).Render(report, stream);
        return stream.ToArray();
    }

    /// <summary>The text of a PDF, page by page, as Debian's pdftotext (poppler-utils) reads it.</summary>
    public static string[] PdfPages(byte[] pdf)
    {
        var path = Path.Combine(Path.GetTempPath(), $"zicht-test-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(path, pdf);
        try
        {
            var info = new ProcessStartInfo("pdftotext", ["-layout", "-enc", "UTF-8", path, "-"]) { RedirectStandardOutput = true, RedirectStandardError = true };
            Process process;
            try { process = Process.Start(info)!; }
            catch (System.ComponentModel.Win32Exception) { throw new InvalidOperationException("pdftotext is missing: apt-get install poppler-utils (./test.sh does this as root)."); }
            var text = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            Assert.Equal(0, process.ExitCode);
            return text.Split('\f');
        }
        finally { File.Delete(path); }
    }

    /// <summary>Appendix rows as they appear in the -layout text: one line per row, columns two or more spaces apart.</summary>
    public static List<string[]> PdfAppendixRows(string[] pages)
    {
        var rows = new List<string[]>();
        var inAppendix = false;
        foreach (var page in pages)
            foreach (var line in page.Split('\n'))
            {
                if (line.Contains("Bijlage: Mijlpalenoverzicht")) { inAppendix = true; continue; }
                if (!inAppendix || line.Trim().Length == 0 || line.Contains("Pagina ") || IsAppendixHeader(line)) continue;
                rows.Add(Regex.Split(line.Trim(), @"\s{2,}"));
            }
        return rows;
    }

    public static bool IsAppendixHeader(string line) => Regex.IsMatch(line, @"^\s*Mijlpaal\s{2,}Actielijn\s{2,}Wanneer\s*$");
}
