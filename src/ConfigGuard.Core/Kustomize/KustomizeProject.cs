using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using ConfigGuard.Core.Catalog;
using ConfigGuard.Core.Concurrency;
using ConfigGuard.Core.Engine;
using ConfigGuard.Core.Environments;
using ConfigGuard.Core.Model;
using ConfigGuard.Core.Parsing;

namespace ConfigGuard.Core.Kustomize;

/// <summary>
/// Turns the kustomizations among a scan's files into what the engine analyzes: one <see cref="ConfigFile"/> per file a
/// build read (values it writes, YAML comments, CG0012 syntax errors, CG0014 build failures) and one <see cref="EnvironmentView"/> per overlay whose
/// environment is known (folder name, configguard.yaml, or a declared key), holding the env values and ConfigMap/Secret
/// data the overlay deploys. A value a base wrote is marked inherited and keeps the base's location.
/// </summary>
public sealed class KustomizeProject
{
    private KustomizeProject(List<ConfigFile> files, List<EnvironmentView> views, List<Notice> notices, HashSet<string> consumed)
    {
        Files = files;
        Views = views;
        Notices = notices;
        Consumed = consumed;
    }

    /// <summary>
    /// Input all the builds of one scan (one batch of the CLI) read at most, in characters: 1,000 overlays of a base
    /// holding a 1 MB ConfigMap rendered it 1,000 times (2.5 GB). Builds start in path order, a few at a time, each
    /// able to read <see cref="KustomizeBuilder.MaxInputCharacters"/> at most, so the total stays near this cap and which
    /// kustomizations are left out does not depend on thread timing; each one left out is a note.
    /// </summary>
    public const long MaxInputCharacters = 64 * 1024 * 1024;

    /// <summary>Kustomizations left out for the cap are named one by one up to this many, then counted in one note.</summary>
    private const int SkippedNamed = 10;

    public IReadOnlyList<ConfigFile> Files { get; }
    public IReadOnlyList<EnvironmentView> Views { get; }
    /// <summary>Remote and out-of-repository references that were not followed.</summary>
    public IReadOnlyList<Notice> Notices { get; }
    /// <summary>Paths read as part of a kustomization; the engine does not read them in another format.</summary>
    public ISet<string> Consumed { get; }

    /// <param name="readReferenced">
    /// Reads a repository-relative file a kustomization references that is not among <paramref name="sources"/>
    /// (the CLI serves it from disk, the analyzer from its additional files); null when there is none. Called from
    /// several threads.
    /// </param>
    public static KustomizeProject Load(IReadOnlyList<SourceFile> sources, EnvironmentInference inference, EnvironmentNames names,
        Func<string, string?>? readReferenced = null, Func<string, string?>? whyUnreadable = null, Text.RegexBudget? regexBudget = null)
    {
        var byPath = new Dictionary<string, SourceFile>(StringComparer.Ordinal);
        foreach (var s in sources) if (!byPath.ContainsKey(s.Path)) byPath[s.Path] = s;
        var roots = byPath.Keys.Where(p => ConfigFileKind.IsKustomizationFile(RepoPath.FileName(p))).OrderBy(p => p, StringComparer.Ordinal).ToList();
        var builds = new KustomizeBuild[roots.Count];
        string? Read(string p) => byPath.TryGetValue(p, out var s) ? s.Text : readReferenced?.Invoke(p);
        var cache = new YamlTreeCache();
        // Overlays first; a base that an overlay's build already read is not rendered again on its own (its values,
        // comments and problems came with the overlay), which saves a third of the work in base + two overlays.
        // Components last, and only when nothing included them (see KustomizeComponent).
        // Reading each kustomization's kind parses it (for the builds that follow, from the cache): on every core.
        var isComponent = new bool[roots.Count];
        ParallelWork.For(roots.Count, i => isComponent[i] = KustomizeComponent.Is(roots[i], Read(roots[i]) ?? "", cache));
        var isBase = roots.Select(r => Assign(r, inference).Class == EnvironmentClass.Base).ToList();
        var overlays = Enumerable.Range(0, roots.Count).Where(i => !isBase[i] && !isComponent[i]).ToList();
        long inputRead = 0;
        var leftOut = new List<int>();
        // Builds in path order, at most as many at once as the input left can pay for at the per-build cap.
        void BuildInOrder(List<int> indexes, Func<int, KustomizeBuild> build)
        {
            for (int start = 0; start < indexes.Count;)
            {
                long left = MaxInputCharacters - inputRead;
                if (left <= 0)
                {
                    leftOut.AddRange(indexes.Skip(start));
                    return;
                }
                int n = (int)Math.Min(indexes.Count - start, Math.Max(1, Math.Min(64, left / KustomizeBuilder.MaxInputCharacters)));
                int from = start;
                // A handful of builds in all (a pre-commit hook's) stay on this thread, as ParallelWork would keep them.
                if (n == 1 || ParallelWork.Sequential(indexes.Count)) for (int k = 0; k < n; k++) builds[indexes[from + k]] = build(indexes[from + k]);
                else Parallel.For(0, n, k => builds[indexes[from + k]] = build(indexes[from + k]));
                for (int k = 0; k < n; k++) inputRead += builds[indexes[from + k]].CharactersRead;
                start += n;
            }
        }
        BuildInOrder(overlays, i => KustomizeModel.Build(Read, roots[i], cache, whyUnreadable, regexBudget));
        var readByOverlays = new HashSet<string>(overlays.Where(i => builds[i] is not null).SelectMany(i => builds[i].FilesRead), StringComparer.Ordinal);
        var bases = Enumerable.Range(0, roots.Count).Where(i => isBase[i] && !isComponent[i] && !readByOverlays.Contains(roots[i])).ToList();
        BuildInOrder(bases, i => KustomizeModel.Build(Read, roots[i], cache, whyUnreadable, regexBudget));
        var readByAny = new HashSet<string>(overlays.Concat(bases).Where(i => builds[i] is not null).SelectMany(i => builds[i].FilesRead), StringComparer.Ordinal);
        var components = Enumerable.Range(0, roots.Count).Where(i => isComponent[i] && !readByAny.Contains(roots[i])).ToList();
        BuildInOrder(components, i => KustomizeComponent.Detached(KustomizeModel.Build(Read, roots[i], cache, whyUnreadable, regexBudget)));

        var consumed = new HashSet<string>(builds.Where(b => b is not null).SelectMany(b => b.FilesRead), StringComparer.Ordinal);
        var entries = new Dictionary<string, List<ConfigEntry>>(StringComparer.Ordinal);
        var entryKeys = new HashSet<(string, string, int, int)>();
        var errors = new Dictionary<string, List<ParseError>>(StringComparer.Ordinal);
        var buildErrors = new Dictionary<string, List<ParseError>>(StringComparer.Ordinal);
        var ineffective = new Dictionary<string, List<ParseError>>(StringComparer.Ordinal);
        var errorKeys = new HashSet<(string, string, int)>();
        var comments = new Dictionary<string, List<SourceComment>>(StringComparer.Ordinal);
        var notices = new List<Notice>();
        var noticeKeys = new HashSet<string>(StringComparer.Ordinal);
        leftOut.Sort((a, b) => string.CompareOrdinal(roots[a], roots[b]));
        for (int k = 0; k < leftOut.Count && k <= SkippedNamed; k++)
        {
            notices.Add(new Notice(roots[leftOut[k]], k < SkippedNamed
                ? $"not rendered: this scan's kustomize builds read more than {MaxInputCharacters / (1024 * 1024)} MB of input in all; this kustomization was not analyzed"
                : $"not rendered: this scan's kustomize builds read more than {MaxInputCharacters / (1024 * 1024)} MB of input in all; this kustomization and {leftOut.Count - SkippedNamed - 1} more after it were not analyzed"));
        }
        var outputs = new List<ConfigEntry>[builds.Length];

        for (int i = 0; i < builds.Length; i++)
        {
            var b = builds[i];
            if (b is null) continue;
            outputs[i] = Output(b);
            foreach (var e in b.WrittenEntries.Concat(outputs[i]))
            {
                if (e.SourcePath is null || !consumed.Contains(e.SourcePath)) continue;
                if (!entryKeys.Add((e.SourcePath, e.Key, e.ValueSpan.Start, e.ValueSpan.Length))) continue;
                Bucket(entries, e.SourcePath).Add(e);
            }
            foreach (var p in b.Problems)
            {
                if (p.IsNote)
                {
                    // Located (path:line:col in the report), like a finding, so it can be clicked.
                    if (noticeKeys.Add($"{p.Path}|{p.Span.StartLine}|{p.Message}")) notices.Add(new Notice(p.Path, p.Message, p.Span.StartLine, p.Span.StartColumn));
                    continue;
                }
                if (!errorKeys.Add((p.Path, p.Message, p.Span.Start))) continue;
                Bucket(p.Kind switch { KustomizeProblemKind.Syntax => errors, KustomizeProblemKind.NoEffect => ineffective, _ => buildErrors }, p.Path)
                    .Add(new ParseError(p.Message, p.Span));
            }
            foreach (var c in b.Comments) comments[c.Key] = c.Value;
        }
        foreach (var root in roots) consumed.Add(root);

        var rootIndexes = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < roots.Count; i++) rootIndexes[roots[i]] = i;
        var files = new Dictionary<string, ConfigFile>(StringComparer.Ordinal);
        foreach (var path in consumed.OrderBy(p => p, StringComparer.Ordinal))
        {
            var fileEntries = entries.TryGetValue(path, out var fe) ? fe : new List<ConfigEntry>();
            var fileErrors = errors.TryGetValue(path, out var er) ? er : new List<ParseError>();
            var fileBuildErrors = buildErrors.TryGetValue(path, out var be) ? be : new List<ParseError>();
            var fileComments = comments.TryGetValue(path, out var fc) ? fc : new List<SourceComment>();
            var fileIneffective = ineffective.TryGetValue(path, out var fi) ? fi : null;
            int rootIndex = rootIndexes.TryGetValue(path, out var ri) ? ri : -1;
            ParsedFile parsed = rootIndex >= 0 && builds[rootIndex] is not null
                ? new KustomizationParsedFile(path, fileEntries, fileComments, fileErrors, fileBuildErrors, builds[rootIndex], fileIneffective)
                : new ParsedFile(path, ConfigFormat.Kustomize, fileEntries, fileComments, fileErrors, fileBuildErrors, fileIneffective);
            files[path] = new ConfigFile(parsed, Assign(path, inference), byPath.TryGetValue(path, out var src) ? src.Facts : default);
        }

        var views = new List<EnvironmentView>();
        for (int i = 0; i < builds.Length; i++)
        {
            if (builds[i] is null || isComponent[i]) continue;
            var primary = files[roots[i]];
            var assignment = primary.Environment;
            var effective = outputs[i].Where(e => e.SourcePath is not null && files.ContainsKey(e.SourcePath)).ToList();
            if (assignment.Class is EnvironmentClass.Unknown)
            {
                var declared = effective.FirstOrDefault(e => names.DeclarationKeys.Contains(e.NormalizedKey));
                assignment = inference.WithDeclaration(assignment, declared);
                if (assignment.Class != EnvironmentClass.Unknown)
                {
                    // The file itself says so too: `envs`, `check` and `checklist` name one environment for it.
                    primary = new ConfigFile(primary.Parsed, assignment, primary.Facts);
                    files[roots[i]] = primary;
                }
            }
            if (assignment.Class is EnvironmentClass.Unknown or EnvironmentClass.Base or EnvironmentClass.Template) continue;
            var dir = builds[i].Directory;
            var list = effective.Select(e => new EffectiveEntry(e, files[e.SourcePath!], !KustomizePaths.IsUnder(e.SourcePath!, dir))).ToList();
            var layers = builds[i].FilesRead.Where(files.ContainsKey).Select(p => files[p]).Reverse().ToList();
            views.Add(new EnvironmentView(assignment.Class, assignment.Name, primary, layers, list, isImplicit: false));
        }
        return new KustomizeProject(files.Values.ToList(), views, notices, consumed);
    }

    private static List<T> Bucket<T>(Dictionary<string, List<T>> map, string key)
    {
        if (!map.TryGetValue(key, out var list)) map[key] = list = new List<T>();
        return list;
    }

    /// <summary>What an overlay deploys: container env values written as literals, and every ConfigMap/Secret key.</summary>
    private static List<ConfigEntry> Output(KustomizeBuild build)
    {
        var list = new List<ConfigEntry>();
        foreach (var r in build.Resources)
        {
            foreach (var c in r.Containers())
            {
                if (c.GetSequence("env") is not { } env) continue;
                foreach (var item in env.Items.OfType<YamlTreeMap>())
                {
                    if (item.GetScalar("name") is not { } name || item.Get("value") is not YamlTreeScalar value) continue;
                    list.Add(new ConfigEntry(name.Value, value.IsNull ? "" : value.Value, name.ValueSpan, value.ValueSpan, value.Path));
                }
            }
            list.AddRange(r.AnalyzedEntries());
        }
        return list;
    }

    /// <summary>A kustomize file's environment: the usual path inference, and a `base/` or `bases/` folder is base.</summary>
    private static EnvironmentAssignment Assign(string path, EnvironmentInference inference)
    {
        var a = inference.FromPath(path, ConfigFormat.Kustomize);
        if (a.Class != EnvironmentClass.Unknown) return a;
        foreach (var dir in RepoPath.Directory(path).Split('/').Reverse())
        {
            if (dir.Equals("base", StringComparison.OrdinalIgnoreCase) || dir.Equals("bases", StringComparison.OrdinalIgnoreCase))
                return new EnvironmentAssignment(EnvironmentClass.Base, "base", AssignmentSource.Folder, $"folder '{dir}/' (kustomize base: applies to every overlay)");
        }
        return a;
    }
}
