using System.CommandLine;
using Zicht.Cli;

// Each command lives in its own file under Commands/ and is added here.
var root = new RootCommand("Zicht: zicht op jeugdhulp. Ingest, pseudonymise and analyse youth-care trajectories.");
root.Subcommands.Add(DemoCommand.Create());
root.Subcommands.Add(GenerateCommand.Create());
root.Subcommands.Add(IngestCommand.Create());
root.Subcommands.Add(StatusCommand.Create());
root.Subcommands.Add(RulesCommand.Create());
root.Subcommands.Add(IndicatorsCommand.Create());
root.Subcommands.Add(ComputeCommand.Create());
root.Subcommands.Add(ExportCommand.Create());
return root.Parse(args).Invoke();
