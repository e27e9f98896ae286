using BenchmarkDotNet.Running;
using ConfigGuard.Bench;

// bench generate DIR FILES   -> writes a corpus of about FILES files
// bench micro [BDN args]     -> BenchmarkDotNet in-process benchmarks
if (args.Length >= 3 && args[0] == "generate")
{
    var n = CorpusGenerator.Generate(args[1], int.Parse(args[2]));
    Console.WriteLine($"{n} files written to {args[1]}");
    return 0;
}
if (args.Length >= 1 && args[0] == "micro")
{
    BenchmarkSwitcher.FromAssembly(typeof(EngineBenchmarks).Assembly).Run(args[1..]);
    return 0;
}
Console.Error.WriteLine("usage: bench generate DIR FILES | bench micro [--filter *]");
return 2;
