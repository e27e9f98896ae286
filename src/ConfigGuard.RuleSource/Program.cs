namespace ConfigGuard.RuleSource;

/// <summary>
/// `dotnet run --project src/ConfigGuard.RuleSource [repository root]`: rewrites the files generated from rules/ that
/// are out of date and names them. `--check` only names them (exit 1 when any is stale).
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        bool check = args.Contains("--check");
        var root = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? FindRoot(Directory.GetCurrentDirectory());
        if (root is null)
        {
            Console.Error.WriteLine("no ConfigGuard.sln in this folder or above it: pass the repository root");
            return 2;
        }
        try
        {
            int changed = 0;
            foreach (var (path, text) in GeneratedFiles.Expected(root))
            {
                if (GeneratedFiles.Read(root, path) == text) continue;
                changed++;
                if (check) { Console.WriteLine("stale: " + path); continue; }
                File.WriteAllText(Path.Combine(root, path), text);
                Console.WriteLine("wrote " + path);
            }
            if (changed == 0) Console.WriteLine("generated files are current");
            return check && changed > 0 ? 1 : 0;
        }
        catch (Exception e) when (e is InvalidDataException or YamlDotNet.Core.YamlException or IOException)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }
    }

    private static string? FindRoot(string dir)
    {
        for (var d = new DirectoryInfo(dir); d is not null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, "ConfigGuard.sln"))) return d.FullName;
        }
        return null;
    }
}
