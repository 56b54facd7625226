using System.CommandLine;

namespace Zicht.Cli;

public static class RulesCommand
{
    public static Command Create()
    {
        var command = new Command("rules", "TODO");
        command.SetAction(_ => 0);
        return command;
    }
}
