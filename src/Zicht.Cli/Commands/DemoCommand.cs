using System.CommandLine;

namespace Zicht.Cli;

public static class DemoCommand
{
    public static Command Create()
    {
        var command = new Command("demo", "TODO");
        command.SetAction(_ => 0);
        return command;
    }
}
