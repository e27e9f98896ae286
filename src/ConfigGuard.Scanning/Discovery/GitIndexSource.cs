using System.Diagnostics;
using System.Text;
using ConfigGuard.Scanning.Errors;
using ConfigGuard.Scanning.Timing;

namespace ConfigGuard.Scanning.Discovery;

/// <summary>What a git-scoped scan looks at: the index (`--staged`) or the HEAD tree compared with a base (`--diff BASE`).</summary>
public abstract record GitScope
{
    public sealed record Staged : GitScope;
    public sealed record Diff(string Base) : GitScope;
    /// <summary>Named files as the index holds them (`check --pre-commit FILE...`: the names the pre-commit framework passes).</summary>
    public sealed record Files(IReadOnlyList<string> Paths) : GitScope;
}

/// <summary>One entry of the index or a tree: path as git prints it (repository-relative, `/`), file mode and blob id.</summary>
public sealed record GitEntry(string Path, string Mode, string ObjectId)
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
public sealed class GitIndexSource : IDisposable
{
    /// <summary>Blob requests written to `git cat-file --batch` before their answers are read: few enough (about 2.6 KB) to fit any pipe's buffer, so neither process waits on the other.</summary>
    private const int RequestsPerRoundTrip = 64;

    private Process? _catFile;
    private Stream? _blobs;

    private GitIndexSource(Process catFile, GitScope scope, IReadOnlyList<string> changed, IReadOnlyDictionary<string, GitEntry> entries)
    {
        _catFile = catFile;
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
        if (scope is GitScope.Files files) return OpenFiles(root, files);
        var diffArgs = new List<string> { "-c", "core.quotepath=off", "diff", "--name-status", "-z", "-M", "--no-ext-diff", "--ignore-submodules" };
        if (scope is GitScope.Staged) diffArgs.Add("--cached");
        else if (scope is GitScope.Diff d)
        {
            // A user-supplied revision never reaches git as an option (--diff=--output=x would make git write x).
            if (d.Base.StartsWith("-", StringComparison.Ordinal))
                throw new UsageException("configguard: --diff needs a revision (a branch, tag or commit); a value starting with '-' is not one");
            diffArgs.Add("--end-of-options");
            diffArgs.Add(d.Base + "...HEAD");
        }
        diffArgs.Add("--");
        diffArgs.AddRange(pathSpecs);
        var listArgs = scope is GitScope.Staged
            ? new List<string> { "ls-files", "-s", "-z" }
            : new List<string> { "ls-tree", "-r", "-z", "--full-tree", "HEAD" };

        // The three git processes are independent, so they start together and a hook waits for the slowest, not
        // the sum: the diff, the listing (read on a thread of its own), and cat-file, which waits for blob requests.
        var started = new List<Process>(3);
        try
        {
            var diff = Start(root, diffArgs, started);
            var list = Start(root, listArgs, started);
            var catFile = Start(root, new[] { "cat-file", "--batch" }, started, redirectInput: true);
            (int Code, string Output, string Error) listed = (-1, "", "the listing was not read");
            var listReader = new Thread(() => listed = GitRepository.Collect(list)) { IsBackground = true, Name = "git " + listArgs[0] };
            listReader.Start();

            var (code, output, error) = GitRepository.Collect(diff);
            if (code != 0)
            {
                var hint = scope is GitScope.Diff dd
                    ? $" (is '{dd.Base}' a commit here? In a shallow CI clone fetch enough history for the merge base, e.g. actions/checkout with fetch-depth: 0)"
                    : "";
                throw new UsageException($"configguard: git diff failed: {error.Trim()}{hint}");
            }
            var changed = ParseNameStatus(output);
            PhaseTimer.Mark("git diff");

            listReader.Join();
            if (listed.Code != 0) throw new UsageException($"configguard: git {listArgs[0]} failed: {listed.Error.Trim()}");
            var entries = scope is GitScope.Staged ? ParseLsFiles(listed.Output) : ParseLsTree(listed.Output);
            PhaseTimer.Mark("git " + listArgs[0]);
            diff.Dispose();
            list.Dispose();
            started.Clear();
            return new GitIndexSource(catFile, scope, changed, entries);
        }
        finally
        {
            // Only reached with processes left over when git failed: stop the ones still running.
            foreach (var p in started)
            {
                try { if (!p.HasExited) p.Kill(); } catch (InvalidOperationException) { }
                p.Dispose();
            }
        }
    }

    /// <summary>
    /// The named files count as changed, whatever git's diff says: under `pre-commit run --all-files` (and in
    /// pre-commit CI services) nothing is staged, and the names are all there is. Names that are not in the index
    /// (deleted, untracked) are left out; content comes from the index, which equals the working tree during a commit.
    /// </summary>
    private static GitIndexSource OpenFiles(string root, GitScope.Files scope)
    {
        var started = new List<Process>(2);
        try
        {
            var list = Start(root, new[] { "ls-files", "-s", "-z" }, started);
            var catFile = Start(root, new[] { "cat-file", "--batch" }, started, redirectInput: true);
            var (code, output, error) = GitRepository.Collect(list);
            if (code != 0) throw new UsageException($"configguard: git ls-files failed: {error.Trim()}");
            var entries = ParseLsFiles(output);
            PhaseTimer.Mark("git ls-files");
            list.Dispose();
            started.Clear();
            var changed = scope.Paths.Where(entries.ContainsKey).Distinct(StringComparer.Ordinal).OrderBy(p => p, StringComparer.Ordinal).ToList();
            return new GitIndexSource(catFile, scope, changed, entries);
        }
        finally
        {
            foreach (var p in started)
            {
                try { if (!p.HasExited) p.Kill(); } catch (InvalidOperationException) { }
                p.Dispose();
            }
        }
    }

    private static Process Start(string root, IReadOnlyList<string> args, List<Process> started, bool redirectInput = false)
    {
        try
        {
            var p = Process.Start(GitRepository.StartInfo(root, args, redirectInput))!;
            started.Add(p);
            return p;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new UsageException("configguard: git is needed for --staged and --diff but could not be started: " + e.Message);
        }
    }

    /// <summary>`git diff --name-status -z`: `X\0path\0`, or `R100\0old\0new\0` for renames and copies.</summary>
    internal static List<string> ParseNameStatus(string output)
    {
        var parts = output.Split('\0');
        var changed = new List<string>();
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
        changed.Sort(StringComparer.Ordinal);
        for (int i = changed.Count - 1; i > 0; i--)
        {
            if (changed[i] == changed[i - 1]) changed.RemoveAt(i);
        }
        return changed;
    }

    /// <summary>`git ls-files -s -z`: `mode sha stage\tpath\0`; conflicted paths (stage 1-3) are left out.</summary>
    internal static Dictionary<string, GitEntry> ParseLsFiles(string output) => ParseListing(output, tree: false);

    /// <summary>`git ls-tree -r -z`: `mode type sha\tpath\0`; blobs only.</summary>
    internal static Dictionary<string, GitEntry> ParseLsTree(string output) => ParseListing(output, tree: true);

    /// <summary>Three space-separated fields, a tab, the path, NUL: parsed in place (a 10,000-file index is most of a hook's parsing), one string per path and blob id.</summary>
    private static Dictionary<string, GitEntry> ParseListing(string output, bool tree)
    {
        var map = new Dictionary<string, GitEntry>(StringComparer.Ordinal);
        for (int pos = 0; pos < output.Length;)
        {
            int end = output.IndexOf('\0', pos);
            if (end < 0) end = output.Length;
            int tab = output.IndexOf('\t', pos, end - pos);
            if (tab > pos)
            {
                var meta = output.AsSpan(pos, tab - pos);
                int first = meta.IndexOf(' ');
                int last = meta.LastIndexOf(' ');
                if (first > 0 && last > first)
                {
                    var middle = meta[(first + 1)..last];
                    var third = meta[(last + 1)..];
                    if (tree ? middle.SequenceEqual("blob") : third.SequenceEqual("0"))
                    {
                        var path = output.Substring(tab + 1, end - tab - 1);
                        map[path] = new GitEntry(path, Mode(meta[..first]), (tree ? third : middle).ToString());
                    }
                }
            }
            pos = end + 1;
        }
        return map;
    }

    private static string Mode(ReadOnlySpan<char> mode) => mode switch
    {
        "100644" => "100644",
        "100755" => "100755",
        "120000" => "120000",
        _ => mode.ToString(),
    };

    /// <summary>The bytes of a blob, read through the one `git cat-file --batch` process of this source; null if git cannot find it.</summary>
    public byte[]? ReadBlob(string objectId, long maxBytes, out long size)
    {
        var (bytes, blobSize) = ReadBlobs(new[] { objectId }, maxBytes)[0];
        size = blobSize;
        return bytes;
    }

    /// <summary>
    /// The bytes of several blobs, in order: null for a missing blob (size -1) and for one over <paramref name="maxBytes"/>
    /// (its size is returned). Requests are pipelined, <see cref="RequestsPerRoundTrip"/> at a time.
    /// </summary>
    public IReadOnlyList<(byte[]? Bytes, long Size)> ReadBlobs(IReadOnlyList<string> objectIds, long maxBytes)
    {
        var p = _catFile ?? throw new ObjectDisposedException(nameof(GitIndexSource));
        // cat-file's answers are read through a buffer: header lines byte by byte on the raw pipe would cost a system call per byte.
        var stdout = _blobs ??= new BufferedStream(p.StandardOutput.BaseStream, 64 * 1024);
        var results = new List<(byte[]?, long)>(objectIds.Count);
        var request = new StringBuilder();
        for (int start = 0; start < objectIds.Count; start += RequestsPerRoundTrip)
        {
            int count = Math.Min(RequestsPerRoundTrip, objectIds.Count - start);
            request.Clear();
            for (int i = start; i < start + count; i++) request.Append(objectIds[i]).Append('\n');
            p.StandardInput.Write(request.ToString());
            p.StandardInput.Flush();
            for (int i = 0; i < count; i++) results.Add(ReadAnswer(stdout, maxBytes));
        }
        return results;
    }

    /// <summary>One answer of `cat-file --batch`: `sha type size\n` then the content and a LF, or `name missing\n`.</summary>
    private static (byte[]?, long) ReadAnswer(Stream stdout, long maxBytes)
    {
        var header = ReadLine(stdout);
        if (header is null) throw new UsageException("configguard: git cat-file stopped answering");
        var fields = header.Split(' ');
        if (fields.Length < 3 || fields[1] == "missing" || !long.TryParse(fields[2], out var size)) return (null, -1);
        byte[]? bytes = null;
        if (size <= maxBytes)
        {
            bytes = new byte[size];
            stdout.ReadExactly(bytes);
        }
        else
        {
            // Too large to analyze: skip its content without holding it.
            var scratch = new byte[64 * 1024];
            for (long left = size; left > 0;)
            {
                int n = stdout.Read(scratch, 0, (int)Math.Min(scratch.Length, left));
                if (n <= 0) throw new UsageException("configguard: git cat-file stopped answering");
                left -= n;
            }
        }
        stdout.ReadByte(); // the LF after the content
        return (bytes, size);
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

    public void Dispose()
    {
        if (_catFile is null) return;
        try
        {
            _catFile.StandardInput.Close();
            if (!_catFile.WaitForExit(2000)) _catFile.Kill();
        }
        catch (InvalidOperationException) { }
        catch (IOException) { }
        _catFile.Dispose();
        _catFile = null;
        _blobs = null;
    }
}
