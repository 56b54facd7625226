using System.CommandLine;

namespace Zicht.Cli;

public static class StatusCommand
{
    public static Command Create()
    {
        var command = new Command("status", "TODO");
        command.SetAction(_ => 0);
        return command;
    }
}
