using System.CommandLine;
using Zicht.Programmes;
using Zicht.Reports;

namespace Zicht.Cli;

/// <summary>`zicht report voortgang`: the half-yearly progress report of a programme.</summary>
public static class ReportCommand
{
    public static Command Create()
    {
        var command = new Command("report", "Rapporten maken.");
        command.Subcommands.Add(Voortgang());
        return command;
    }

    private static Command Voortgang()
    {
        var programma = new Option<string>("--programma") { Description = "De id van het programma.", Required = true };
        var periode = new Option<string>("--periode") { Description = "De rapportageperiode, bijvoorbeeld VGR5.", Required = true };
        var format = new Option<string>("--format") { Description = "pdf, docx of html.", DefaultValueFactory = _ => "pdf" };
        var output = new Option<string?>("--uit") { Description = "Het bestand om te schrijven (standaard: rapporten/ in de store)." };
        var store = CommonOptions.Store();
        var command = new Command("voortgang", "De voortgangsrapportage van een programma over een periode, als PDF, Word of HTML.");
        command.Options.Add(programma);
        command.Options.Add(periode);
        command.Options.Add(format);
        command.Options.Add(output);
        command.Options.Add(store);
        command.SetAction(parse =>
        {
            if (!ProgressReportWriter.TryParse(parse.GetValue(format)!, out var reportFormat))
            {
                Console.Error.WriteLine($"Onbekend formaat '{parse.GetValue(format)}'; kies pdf, docx of html.");
                return 1;
            }
            using var zicht = ProgrammaCommand.OpenStore(parse.GetValue(store));
            var connection = zicht.Connection;
            var programme = new ProgrammeStore(connection, ProgrammaCommand.Catalogue()).Load(parse.GetValue(programma)!);
            if (programme is null) { Console.Error.WriteLine($"Programma '{parse.GetValue(programma)}' bestaat niet; zie 'zicht programma list'."); return 1; }
            var period = programme.FindPeriod(parse.GetValue(periode)!);
            if (period is null && programme.Perioden.Count == 0)
            {
                Console.Error.WriteLine($"Programma {programme.Id} heeft nog geen rapportageperioden; voeg ze toe onder 'perioden:' in het programmabestand (zie docs/programmas.md).");
                return 1;
            }
            if (period is null)
            {
                Console.Error.WriteLine($"Periode '{parse.GetValue(periode)}' bestaat niet in {programme.Id}; kies uit: {string.Join(", ", programme.Perioden.Select(p => p.Code))}.");
                return 1;
            }
            var report = new ProgressReportBuilder(ProgrammaCommand.Catalogue(), new DuckDbIndicatorValues(connection)).Build(programme, period.Code);
            var path = parse.GetValue(output) ?? Path.Combine(CommonOptions.Resolve(parse.GetValue(store)).ReportsFolder,
                $"voortgang-{programme.Id}-{period.Code}{ProgressReportWriter.Extension(reportFormat)}");
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            try
            {
                using var file = File.Create(path);
                ProgressReportWriter.For(reportFormat).Render(report, file);
            }
            catch (PdfFontMissingException e)
            {
                File.Delete(path);
                Console.Error.WriteLine(e.Message);
                return 1;
            }
            Console.WriteLine($"Voortgangsrapportage geschreven: {path}");
            return 0;
        });
        return command;
    }
}
