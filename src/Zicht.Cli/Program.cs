using System.CommandLine;
using Zicht.Cli;

// The UI speaks Dutch: numbers and dates in Dutch notation.
System.Globalization.CultureInfo.DefaultThreadCurrentCulture = System.Globalization.CultureInfo.GetCultureInfo("nl-NL");
System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.GetCultureInfo("nl-NL");
if (Console.IsOutputRedirected) Spectre.Console.AnsiConsole.Profile.Width = 160;

// Each command lives in its own file under Commands/ and is added here.
var root = new RootCommand("Zicht: zicht op jeugdhulp. Trajecten inlezen en pseudonimiseren, indicatoren berekenen en veilig publiceren, transformatieprogramma's volgen.");
root.Subcommands.Add(DemoCommand.Create());
root.Subcommands.Add(GenerateCommand.Create());
root.Subcommands.Add(IngestCommand.Create());
root.Subcommands.Add(StatusCommand.Create());
root.Subcommands.Add(RulesCommand.Create());
root.Subcommands.Add(RapportCommand.Create());
root.Subcommands.Add(ProgrammaCommand.Create());
root.Subcommands.Add(ReportCommand.Create());
root.Subcommands.Add(IndicatorsCommand.Create());
root.Subcommands.Add(ComputeCommand.Create());
root.Subcommands.Add(ExportCommand.Create());
return root.Parse(args).Invoke();
