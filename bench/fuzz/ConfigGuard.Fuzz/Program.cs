using SharpFuzz;

namespace ConfigGuard.Fuzz;

/// <summary>
/// afl++ entry point (see bench/fuzz/README.md). `--replay FILE...` runs inputs once without afl, to reproduce a crash.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "--replay")
        {
            foreach (var file in args.Skip(1))
            {
                Console.WriteLine(file);
                FuzzTarget.Run(File.ReadAllBytes(file));
            }
            return 0;
        }
        Fuzzer.OutOfProcess.Run(stream =>
        {
            using var ms = new MemoryStream();
            stream.CopyTo(ms);
            FuzzTarget.Run(ms.ToArray());
        });
        return 0;
    }
}
