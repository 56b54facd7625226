using System.CommandLine;
using Zicht.Storage;

namespace Zicht.Cli;

/// <summary>Options shared by the commands that use the store.</summary>
public static class CommonOptions
{
    public static Option<string?> Store() => new("--store")
    {
        Description = "Map van de Zicht-opslag (standaard: $ZICHT_HOME of ./.zicht).",
    };

    public static StoreLocation Resolve(string? store) => StoreLocation.Resolve(store);
}
