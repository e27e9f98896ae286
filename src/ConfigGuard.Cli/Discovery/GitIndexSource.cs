using System.Diagnostics;
using System.Text;

namespace ConfigGuard.Cli.Discovery;

/// <summary>What a git-scoped scan looks at: the index (`--staged`) or the HEAD tree compared with a base (`--diff BASE`).</summary>
internal abstract record GitScope
{
    public sealed record Staged : GitScope;
    public sealed record Diff(string Base) : GitScope;
}

/// <summary>One entry of the index or a tree: path as git prints it (repository-relative, `/`), file mode and blob id.</summary>
internal sealed record GitEntry(string Path, string Mode, string ObjectId)
{
    public bool IsRegularFile => Mode is "100644" or "100755";
    public bool IsSymlink => Mode == "120000";
}

/// <summary>
/// Reads content from git itself, never from the working tree: which paths changed (`git diff --cached` or
/// `git diff BASE...HEAD`, renames followed, deletions dropped), every entry of the index or of HEAD
/// (`git ls-files -s` / `git ls-tree -r`), and blob contents through one long-running `git cat-file --batch` process.
/// Git's own environment is inherited, so inside a hook started by `git commit -a` or `git commit FILE`
/// (which set GIT_INDEX_FILE to a temporary index) the files that will really be committed are read.
/// </summary>
internal sealed class GitIndexSource : IDisposable
{
    private readonly string _root;
    private Process? _catFile;

    private GitIndexSource(string root, GitScope scope, IReadOnlyList<string> changed, IReadOnlyDictionary<string, GitEntry> entries)
    {
        _root = root;
        Scope = scope;
        Changed = changed;
        Entries = entries;
    }

    public GitScope Scope { get; }
    /// <summary>Added, modified, renamed (new path), copied or type-changed paths, sorted; deleted paths are not here.</summary>
    public IReadOnlyList<string> Changed { get; }
    /// <summary>Every stage-0 entry of the index (or of HEAD's tree for a diff), by path.</summary>
    public IReadOnlyDictionary<string, GitEntry> Entries { get; }

    /// <exception cref="UsageException">git failed (an unknown BASE, a shallow clone without the merge base).</exception>
    public static GitIndexSource Open(string root, GitScope scope, IReadOnlyList<string> pathSpecs)
    {
        var diffArgs = new List<string> { "-c", "core.quotepath=off", "diff", "--name-status", "-z", "-M", "--no-ext-diff", "--ignore-submodules" };
        if (scope is GitScope.Staged) diffArgs.Add("--cached");
        else if (scope is GitScope.Diff d) diffArgs.Add(d.Base + "...HEAD");
        diffArgs.Add("--");
        diffArgs.AddRange(pathSpecs);
        var listArgs = scope is GitScope.Staged
            ? new List<string> { "ls-files", "-s", "-z" }
            : new List<string> { "ls-tree", "-r", "-z", "--full-tree", "HEAD" };
        // The two git processes are independent: run them at the same time (a hook waits for both).
        var listing = System.Threading.Tasks.Task.Run(() => Run(root, listArgs));
        var (code, output, error) = Run(root, diffArgs);
        if (code != 0)
        {
            var hint = scope is GitScope.Diff dd
                ? $" (is '{dd.Base}' a commit here? In a shallow CI clone fetch enough history for the merge base, e.g. actions/checkout with fetch-depth: 0)"
                : "";
            throw new UsageException($"configguard: git diff failed: {error.Trim()}{hint}");
        }
        var changed = ParseNameStatus(output);

        (code, output, error) = listing.GetAwaiter().GetResult();
        if (code != 0) throw new UsageException($"configguard: git {listArgs[0]} failed: {error.Trim()}");
        var entries = scope is GitScope.Staged ? ParseLsFiles(output) : ParseLsTree(output);
        return new GitIndexSource(root, scope, changed, entries);
    }

    /// <summary>`git diff --name-status -z`: `X\0path\0`, or `R100\0old\0new\0` for renames and copies.</summary>
    internal static List<string> ParseNameStatus(string output)
    {
        var parts = output.Split('\0');
        var changed = new SortedSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < parts.Length; i++)
        {
            var status = parts[i];
            if (status.Length == 0) continue;
            char kind = status[0];
            if (kind is 'R' or 'C')
            {
                if (i + 2 < parts.Length) changed.Add(parts[i + 2]);
                i += 2;
            }
            else
            {
                if (i + 1 < parts.Length && kind != 'D' && kind != 'U') changed.Add(parts[i + 1]);
                i += 1;
            }
        }
        return changed.ToList();
    }

    /// <summary>`git ls-files -s -z`: `mode sha stage\tpath\0`; conflicted paths (stage 1-3) are left out.</summary>
    private static Dictionary<string, GitEntry> ParseLsFiles(string output)
    {
        var map = new Dictionary<string, GitEntry>(StringComparer.Ordinal);
        foreach (var item in output.Split('\0', StringSplitOptions.RemoveEmptyEntries))
        {
            int tab = item.IndexOf('\t');
            if (tab < 0) continue;
            var meta = item[..tab].Split(' ');
            if (meta.Length < 3 || meta[2] != "0") continue;
            map[item[(tab + 1)..]] = new GitEntry(item[(tab + 1)..], meta[0], meta[1]);
        }
        return map;
    }

    /// <summary>`git ls-tree -r -z`: `mode type sha\tpath\0`.</summary>
    private static Dictionary<string, GitEntry> ParseLsTree(string output)
    {
        var map = new Dictionary<string, GitEntry>(StringComparer.Ordinal);
        foreach (var item in output.Split('\0', StringSplitOptions.RemoveEmptyEntries))
        {
            int tab = item.IndexOf('\t');
            if (tab < 0) continue;
            var meta = item[..tab].Split(' ');
            if (meta.Length < 3 || meta[1] != "blob") continue;
            map[item[(tab + 1)..]] = new GitEntry(item[(tab + 1)..], meta[0], meta[2]);
        }
        return map;
    }

    /// <summary>The bytes of a blob, read through the one `git cat-file --batch` process of this source; null if git cannot find it.</summary>
    public byte[]? ReadBlob(string objectId, long maxBytes, out long size)
    {
        size = -1;
        var p = _catFile ??= StartCatFile();
        p.StandardInput.Write(objectId + "\n");
        p.StandardInput.Flush();
        var stdout = p.StandardOutput.BaseStream;
        var header = ReadLine(stdout);
        if (header is null) return null;
        var fields = header.Split(' ');
        if (fields.Length < 3 || fields[1] == "missing" || !long.TryParse(fields[2], out size)) return null;
        var bytes = new byte[size];
        stdout.ReadExactly(bytes);
        stdout.ReadByte(); // the LF after the content
        return size > maxBytes ? null : bytes;
    }

    private Process StartCatFile()
    {
        var psi = new ProcessStartInfo("git")
        {
            WorkingDirectory = _root,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = false,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add("cat-file");
        psi.ArgumentList.Add("--batch");
        var p = Process.Start(psi)!;
        p.StandardInput.AutoFlush = false;
        return p;
    }

    private static string? ReadLine(Stream s)
    {
        var buffer = new List<byte>(64);
        while (true)
        {
            int b = s.ReadByte();
            if (b < 0) return buffer.Count == 0 ? null : Encoding.UTF8.GetString(buffer.ToArray());
            if (b == '\n') return Encoding.UTF8.GetString(buffer.ToArray());
            buffer.Add((byte)b);
        }
    }

    private static (int Code, string Output, string Error) Run(string root, IReadOnlyList<string> args)
    {
        var result = GitRepository.Run(root, args.ToArray());
        if (result.Code == -1)
            throw new UsageException("configguard: git is needed for --staged and --diff but could not be started: " + result.Error);
        return result;
    }

    public void Dispose()
    {
        if (_catFile is null) return;
        try
        {
            _catFile.StandardInput.Close();
            if (!_catFile.WaitForExit(2000)) _catFile.Kill();
        }
        catch (InvalidOperationException) { }
        _catFile.Dispose();
        _catFile = null;
    }
}
