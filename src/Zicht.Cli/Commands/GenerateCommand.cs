using System.CommandLine;

namespace Zicht.Cli;

public static class GenerateCommand
{
    public static Command Create()
    {
        var command = new Command("generate", "TODO");
        command.SetAction(_ => 0);
        return command;
    }
}
