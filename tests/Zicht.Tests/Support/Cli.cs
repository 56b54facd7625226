using System.Diagnostics;

namespace Zicht.Tests.Support;

/// <summary>Runs the real `zicht` CLI (Zicht.Cli.dll next to the tests) in a child process.</summary>
public static class ZichtCli
{
    public static string DllPath => Path.Combine(AppContext.BaseDirectory, "Zicht.Cli.dll");

    public static Process Start(string storeFolder, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(DllPath);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.ArgumentList.Add("--store");
        start.ArgumentList.Add(storeFolder);
        start.Environment["ZICHT_PSEUDONIEM_SLEUTEL"] = TempStore.TestKeyHex;
        return Process.Start(start)!;
    }

    /// <summary>Runs to the end and returns exit code and everything printed.</summary>
    public static (int ExitCode, string Output) Run(string storeFolder, params string[] args)
    {
        using var process = Start(storeFolder, args);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"zicht {string.Join(' ', args)} did not finish in 5 minutes");
        }
        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
