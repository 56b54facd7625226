namespace Zicht.Bench;

public static class IngestBench
{
    public static int Run(string[] args)
    {
        Console.WriteLine("ingest bench: not yet written");
        return 0;
    }
}
