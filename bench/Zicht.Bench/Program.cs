if (args.Contains("report")) { Zicht.Bench.ReportBench.Run(); return; }
Console.WriteLine("bench: see README");
