using System.CommandLine;

namespace Zicht.Cli;

public static class IngestCommand
{
    public static Command Create()
    {
        var command = new Command("ingest", "TODO");
        command.SetAction(_ => 0);
        return command;
    }
}
