using System.CommandLine;
using Spectre.Console;
using Zicht.Ingest;

namespace Zicht.Cli;

public static class RulesCommand
{
    public static Command Create()
    {
        var markdown = new Option<bool>("--markdown") { Description = "Toon de lijst als Markdown (zoals docs/validation-rules.md)." };
        var command = new Command("rules", "Toon alle validatieregels met hun code en melding.") { markdown };
        command.SetAction(parse =>
        {
            if (parse.GetValue(markdown))
            {
                Console.Write(ValidationRuleDocs.Markdown());
                return 0;
            }
            var table = new Table().Border(TableBorder.Rounded).AddColumns("Code", "Ernst", "Betreft", "Melding");
            foreach (var rule in ValidationRules.All)
                table.AddRow(rule.Code, rule.Severity == Severity.Fout ? "fout" : "waarschuwing", Markup.Escape(rule.Scope), Markup.Escape(rule.Melding));
            AnsiConsole.Write(table);
            return 0;
        });
        return command;
    }
}
