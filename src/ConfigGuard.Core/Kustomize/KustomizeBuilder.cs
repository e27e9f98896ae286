using ConfigGuard.Core.Environments;
using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using ConfigGuard.Core.Model;
using ConfigGuard.Core.Parsing;
using ConfigGuard.Core.Text;
using ConfigGuard.Core.Catalog;

namespace ConfigGuard.Core.Kustomize;

/// <summary>
/// The work behind <see cref="KustomizeModel"/>. Order as kustomize v5: resources, components, generators, then
/// patchesStrategicMerge, patches, namespace, namePrefix/nameSuffix, patchesJson6902, images; hash suffixes last, at the root.
/// Bounded: at most <see cref="MaxKustomizations"/> kustomizations per root and <see cref="MaxNesting"/> levels; cycles are errors.
/// </summary>
internal sealed class KustomizeBuilder
{
    public const int MaxKustomizations = 500;
    /// <summary>Objects one build may hold; past it the build stops adding and says so (bench/scaling.sh repeated-resource).</summary>
    public const int MaxResources = 20_000;
    public const int MaxNesting = 50;
    /// <summary>
    /// Input one build reads at most (characters of resources, generator and env files, patches, kustomizations):
    /// 500 resource files or generator files of 4 MB each are each under the file size cap, yet rendered together they
    /// took gigabytes. The file that passes the cap and everything after it are not rendered, with a note.
    /// </summary>
    public const long MaxInputCharacters = 8 * 1024 * 1024;

    /// <summary>Kinds without a namespace: one object per cluster.</summary>
    public static bool IsClusterScoped(string kind) => ClusterScoped.Contains(kind);

    private static readonly HashSet<string> ClusterScoped = new(StringComparer.Ordinal)
    {
        "Namespace", "ClusterRole", "ClusterRoleBinding", "CustomResourceDefinition", "PersistentVolume", "StorageClass",
        "PriorityClass", "ValidatingWebhookConfiguration", "MutatingWebhookConfiguration", "APIService", "IngressClass",
        "RuntimeClass", "CSIDriver", "ClusterIssuer", "PodSecurityPolicy", "VolumeSnapshotClass",
    };

    private static readonly string[] UnmodeledFields = { "replacements", "vars", "transformers", "generators", "helmCharts", "replicas", "configurations" };

    private readonly Func<string, string?> _readFile;
    private readonly string _rootPath;
    private readonly KustomizeBuild _build;
    private readonly Dictionary<string, string?> _cache = new(StringComparer.Ordinal);
    private readonly List<string> _stack = new();
    // Keys a kustomization writes twice at its top level (path, key) -> the later one, the one kustomize keeps.
    private readonly Dictionary<(string, string), SourceSpan> _duplicateKeys = new();
    private int _visits;
    /// <summary>Why the model may not see every object of the build (first reason), or null.</summary>
    private string? _incomplete;
    private int _resourcesAdded;
    private bool _resourceCapNoted;

    private readonly YamlTreeCache? _yamlCache;
    private readonly KustomizeMissingInput _missingInput;

    private readonly Func<string, string?>? _whyUnreadable;
    private readonly RegexBudget? _regexBudget;

    /// <param name="regexBudget">The run's budget for patch target patterns that cannot run on the non-backtracking engine.</param>
    public KustomizeBuilder(Func<string, string?> readFile, string rootPath, YamlTreeCache? cache = null, Func<string, string?>? whyUnreadable = null, RegexBudget? regexBudget = null)
    {
        _regexBudget = regexBudget;
        _yamlCache = cache;
        _readFile = readFile;
        _whyUnreadable = whyUnreadable;
        _missingInput = new KustomizeMissingInput(readFile);
        _rootPath = rootPath;
        _build = new KustomizeBuild(rootPath);
    }

    public KustomizeBuild Run()
    {
        var text = Read(_rootPath);
        if (text is null)
        {
            Error(_rootPath, new SourceSpan(0, 0, 1, 1, 1, 1), "kustomization file not found");
            return _build;
        }
        var set = new List<KustomizeResource>();
        Process(_rootPath, text, set);
        AppendHashes(set);
        _build.Resources.AddRange(set);
        return _build;
    }

    private string? Read(string path)
    {
        if (_cache.TryGetValue(path, out var cached)) return cached;
        var text = _readFile(path);
        _cache[path] = text;
        if (text is not null)
        {
            _build.FilesRead.Add(path);
            _build.CharactersRead += text.Length;
        }
        return text;
    }

    private bool _inputCapNoted;

    /// <summary>
    /// True when the build has read more than <see cref="MaxInputCharacters"/>: the caller renders nothing more of
    /// <paramref name="what"/> (a note at <paramref name="reference"/>, once per build) and the build counts as incomplete.
    /// </summary>
    /// <param name="reference">The reference's text, quoted after <paramref name="what"/> in the note (built only when the cap is hit: every resource asks).</param>
    private bool OverInputCap(string path, SourceSpan at, string what, string? reference = null)
    {
        if (_build.CharactersRead <= MaxInputCharacters) return false;
        _incomplete ??= $"more than {MaxInputCharacters / (1024 * 1024)} MB of input";
        if (!_inputCapNoted)
        {
            _inputCapNoted = true;
            if (reference is not null) what = $"{what} {SafeEcho.QuoteLocation(reference)}";
            Note(path, at, $"this build read more than {MaxInputCharacters / (1024 * 1024)} MB of kustomize input; {what} and what follows are not rendered or analyzed");
        }
        return true;
    }

    private string? FindKustomization(string dir)
    {
        foreach (var name in ConfigFileKind.KustomizationFileNames)
        {
            var p = KustomizePaths.Combine(dir, name);
            if (Read(p) is not null) return p;
        }
        return null;
    }

    /// <summary>`kubectl kustomize` would stop here (CG0014).</summary>
    private void Error(string path, SourceSpan span, string message) => _build.Problems.Add(new KustomizeProblem(path, span, message, KustomizeProblemKind.Build));
    /// <summary>The YAML cannot be read (CG0012).</summary>
    private void SyntaxError(string path, SourceSpan span, string message) => _build.Problems.Add(new KustomizeProblem(path, span, message, KustomizeProblemKind.Syntax));
    private void Note(string path, SourceSpan span, string message) => _build.Problems.Add(new KustomizeProblem(path, span, message, KustomizeProblemKind.Note));

    /// <summary>
    /// kubectl builds it, but the entry changes nothing (CG0019). Only when the model saw every object of the build: with a
    /// remote base or a plugin, the object a target names may be among those it does not see.
    /// </summary>
    private void NoEffect(string path, SourceSpan span, string message)
    {
        if (_incomplete is null) _build.Problems.Add(new KustomizeProblem(path, span, message, KustomizeProblemKind.NoEffect));
    }

    /// <param name="duplicateKeysAreNotes">A kustomization: kustomize reads a key written twice as its last value, without error.</param>
    private YamlLoadResult Load(string path, string text, YamlTextOrigin? origin = null, bool duplicateKeysAreNotes = false)
    {
        var result = origin is null && _yamlCache is not null ? _yamlCache.Load(path, text) : YamlTreeLoader.Load(path, text, origin);
        foreach (var e in result.Errors)
        {
            if (duplicateKeysAreNotes && e.Message.StartsWith(YamlTreeLoader.DuplicateKeyMessage, StringComparison.Ordinal))
            {
                Note(path, e.Span, e.Message.Substring(0, e.Message.IndexOf(" (", StringComparison.Ordinal) is var i and > 0 ? i : e.Message.Length) + ": kustomize keeps the last one and ignores the others");
                if (e.Span.StartColumn == 1 && DuplicatedKey(e.Message) is { } key) _duplicateKeys[(path, key)] = e.Span;
            }
            else SyntaxError(path, e.Span, e.Message);
        }
        if (origin is null && !_build.Comments.ContainsKey(path)) _build.Comments[path] = YamlComments.Extract(text);
        return result;
    }

    // The key named in YamlTreeLoader's "duplicate key 'x' in a YAML mapping" message.
    private static string? DuplicatedKey(string message)
    {
        int open = message.IndexOf('\'');
        int close = open < 0 ? -1 : message.IndexOf('\'', open + 1);
        return close > open + 1 ? message.Substring(open + 1, close - open - 1) : null;
    }

    private void Process(string kustPath, string text, List<KustomizeResource> set)
    {
        var dir = RepoPath.Directory(kustPath);
        if (++_visits > MaxKustomizations)
        {
            Note(kustPath, new SourceSpan(0, 0, 1, 1, 1, 1), $"more than {MaxKustomizations} kustomizations in one build; ConfigGuard stopped here (the rest is not analyzed)");
            return;
        }
        // The root is always read (one file, under the scan's file size cap); what it includes counts toward the cap.
        if (kustPath != _rootPath && OverInputCap(kustPath, new SourceSpan(0, 0, 1, 1, 1, 1), "this kustomization")) return;
        var loaded = Load(kustPath, text, duplicateKeysAreNotes: true);
        if (loaded.Documents.Count == 0) return;
        if (loaded.Documents[0] is not YamlTreeMap root)
        {
            SyntaxError(kustPath, loaded.Documents[0].Span, "a kustomization must be a YAML mapping");
            return;
        }
        if (root.GetString("kind") == "Component") _components.Add(kustPath);
        if (kustPath == _build.KustomizationPath && root.GetEntry("resources") is { } resourcesField && _build.ResourcesField is null)
            _build.ResourcesField = new YamlTreeScalar(kustPath, resourcesField.KeySpan, "resources", resourcesField.KeySpan);
        foreach (var (field, value, type) in KustomizationFieldTypes.Check(root))
            Error(kustPath, value.ValueSpan, $"{field} is {type} to YAML ({SafeEcho.Quote(value.Value)} without quotes); kustomize needs a string and refuses the kustomization: quote it");
        _stack.Add(dir);
        try
        {
            foreach (var field in UnmodeledFields)
            {
                if (root.GetEntry(field) is not { } e) continue;
                Note(kustPath, e.KeySpan, $"'{field}' is not modeled by ConfigGuard's in-process kustomize; values it changes are not analyzed");
                if (field is "helmCharts" or "generators" or "transformers") _incomplete ??= $"'{field}' in {kustPath}";
            }
            // kustomize rejects a resource listed twice (the second has an already registered id); rendering it
            // again would only multiply the work (one file listed 1,000 times exhausted 3 GB), so repeats are skipped.
            var listed = new HashSet<string>(StringComparer.Ordinal);
            bool repeatReported = false;
            foreach (var s in Scalars(root.Get("resources")).Concat(Scalars(root.Get("bases"))))
            {
                var joined = KustomizePaths.IsRemote(s.Value) ? null : KustomizePaths.Join(dir, s.Value);
                if (joined is not null && !listed.Add(joined))
                {
                    if (!repeatReported) Error(s.Path, s.ValueSpan, $"resource {SafeEcho.QuoteLocation(s.Value)} is listed more than once; kustomize rejects the build (already registered id); repeats are ignored");
                    repeatReported = true;
                    continue;
                }
                AddResource(dir, s, set);
            }
            foreach (var s in Scalars(root.Get("components"))) AddComponent(dir, s, set);
            var options = root.GetMap("generatorOptions");
            foreach (var g in Maps(root.Get("configMapGenerator"))) Generate(kustPath, g, "ConfigMap", set, options);
            foreach (var g in Maps(root.Get("secretGenerator"))) Generate(kustPath, g, "Secret", set, options);

            foreach (var item in Items(root.Get("patchesStrategicMerge")))
            {
                if (item is YamlTreeScalar s && s.Value.IndexOf('\n') < 0) PatchFromFile(dir, s, null, set, text);
                else if (item is YamlTreeScalar inline) PatchInline(kustPath, inline, null, set, text);
            }
            foreach (var p in Maps(root.Get("patches"))) PatchEntry(kustPath, p, set, text);

            if (root.GetScalar("namespace") is { } ns && ns.Value.Length > 0) SetNamespace(ns, set);
            var prefix = root.GetScalar("namePrefix");
            var suffix = root.GetScalar("nameSuffix");
            if (prefix is not null) _build.NameAffixes.Add(prefix);
            if (suffix is not null) _build.NameAffixes.Add(suffix);
            if (prefix is not null || suffix is not null) AddAffixes(prefix?.Value ?? "", suffix?.Value ?? "", set);
            RecordLabels(root);
            foreach (var p in Maps(root.Get("patchesJson6902"))) PatchEntry(kustPath, p, set, text);
            foreach (var image in Maps(root.Get("images"))) SetImage(image, set);
        }
        finally
        {
            _stack.RemoveAt(_stack.Count - 1);
        }
    }

    private static IEnumerable<YamlTreeNode> Items(YamlTreeNode? node) => node switch
    {
        YamlTreeSequence s => s.Items,
        YamlTreeScalar { IsNull: false } sc => new[] { sc },
        _ => Array.Empty<YamlTreeNode>(),
    };

    private static IEnumerable<YamlTreeScalar> Scalars(YamlTreeNode? node) => Items(node).OfType<YamlTreeScalar>().Where(s => !s.IsNull);
    private static IEnumerable<YamlTreeMap> Maps(YamlTreeNode? node) => Items(node).OfType<YamlTreeMap>();

    // ---- resources and components ----

    private void AddResource(string dir, YamlTreeScalar reference, List<KustomizeResource> set)
    {
        if (OverInputCap(reference.Path, reference.ValueSpan, "resource", reference.Value)) return;
        var target = Resolve(dir, reference, "resource");
        if (target is null) return;
        var kust = FindKustomization(target);
        if (kust is not null)
        {
            var sub = new List<KustomizeResource>();
            if (Enter(target, reference)) Process(kust, Read(kust)!, sub);
            set.AddRange(sub);
            return;
        }
        var text = Read(target);
        if (text is null)
        {
            NotFound(reference, target, $"resource {SafeEcho.QuoteLocation(reference.Value)} not found: no such file, and no kustomization.yaml in such a folder");
            return;
        }
        OutsideRoot(dir, target, reference, "resource");
        if (OverInputCap(reference.Path, reference.ValueSpan, "resource", reference.Value)) return;
        var documents = Load(target, text).Documents;
        // A listed file with no object at all is a stand-in a tool fills (Flux's gotk-components.yaml before bootstrap).
        if (!documents.OfType<YamlTreeMap>().Any()) _incomplete ??= $"a resource file with no object at {reference.Path}:{reference.ValueSpan.StartLine}";
        foreach (var doc in documents)
        {
            if (doc is not YamlTreeMap map) continue;
            if (_resourcesAdded >= MaxResources)
            {
                if (_resourceCapNoted) return;
                _resourceCapNoted = true;
                _incomplete ??= $"more than {MaxResources:N0} objects";
                Note(reference.Path, reference.ValueSpan, $"more than {MaxResources:N0} objects in one build; the rest of {SafeEcho.QuoteLocation(reference.Value)} and what follows are not analyzed");
                return;
            }
            _resourcesAdded++;
            if (map.GetString("kind") == "List" && map.GetSequence("items") is { } items)
            {
                foreach (var i in items.Items.OfType<YamlTreeMap>()) set.Add(new KustomizeResource(i));
            }
            else if (map.GetString("kind") is not null) set.Add(new KustomizeResource(map));
        }
    }

    private void AddComponent(string dir, YamlTreeScalar reference, List<KustomizeResource> set)
    {
        var target = Resolve(dir, reference, "component");
        if (target is null) return;
        var kust = FindKustomization(target);
        if (kust is null)
        {
            NotFound(reference, target, $"component {SafeEcho.QuoteLocation(reference.Value)} not found: no kustomization.yaml in that folder");
            return;
        }
        if (Enter(target, reference)) Process(kust, Read(kust)!, set);
    }

    private bool Enter(string target, YamlTreeScalar reference)
    {
        if (_stack.Contains(target))
        {
            Error(reference.Path, reference.ValueSpan, $"cycle: {SafeEcho.QuoteLocation(reference.Value)} includes a kustomization that is already being built ({string.Join(" -> ", _stack.Select(s => s.Length == 0 ? "." : s))} -> {target})");
            return false;
        }
        if (_stack.Count >= MaxNesting)
        {
            Note(reference.Path, reference.ValueSpan, $"kustomizations nested more than {MaxNesting} levels deep; ConfigGuard stopped here (the rest is not analyzed)");
            return false;
        }
        return true;
    }

    /// <summary>The repository path a reference names, or null (with a note) for a remote or out-of-repository reference.</summary>
    private string? Resolve(string dir, YamlTreeScalar reference, string what)
    {
        if (KustomizePaths.IsRemote(reference.Value))
        {
            Note(reference.Path, reference.ValueSpan, $"remote {what} {SafeEcho.QuoteLocation(reference.Value)} not followed (ConfigGuard never fetches)");
            _incomplete ??= $"remote {what} at {reference.Path}:{reference.ValueSpan.StartLine}";
            return null;
        }
        var target = KustomizePaths.Join(dir, reference.Value);
        if (target is null)
        {
            Note(reference.Path, reference.ValueSpan, $"{what} {SafeEcho.QuoteLocation(reference.Value)} leaves the repository; not followed");
            _incomplete ??= $"{what} outside the repository at {reference.Path}:{reference.ValueSpan.StartLine}";
        }
        return target;
    }

    // ---- generators ----

    private void Generate(string kustPath, YamlTreeMap gen, string kind, List<KustomizeResource> set, YamlTreeMap? globalOptions)
    {
        var dir = RepoPath.Directory(kustPath);
        var nameNode = gen.GetScalar("name");
        if (nameNode is null || nameNode.Value.Length == 0)
        {
            Error(kustPath, gen.Span, $"a {kind} generator needs a name");
            return;
        }
        var name = nameNode.Value;
        var entries = new List<ConfigEntry>();
        var seen = new Dictionary<string, ConfigEntry>(StringComparer.Ordinal);
        var fileParts = new Dictionary<ConfigEntry, List<ConfigEntry>>();
        void Add(ConfigEntry e, List<ConfigEntry>? parts = null)
        {
            if (seen.TryGetValue(e.Key, out var first))
            {
                Error(e.SourcePath!, e.KeySpan.IsEmpty ? e.ValueSpan : e.KeySpan,
                    $"duplicate key {SafeEcho.Quote(e.Key)} in {kind} generator {SafeEcho.Quote(name)} (first at {first.SourcePath}:{first.KeySpan.StartLine}); kustomize rejects the build");
                return;
            }
            seen[e.Key] = e;
            entries.Add(e);
            if (parts is null) _build.WrittenEntries.Add(e);
            else
            {
                fileParts[e] = parts;
                _build.WrittenEntries.AddRange(parts);
            }
        }

        foreach (var lit in Scalars(gen.Get("literals")))
        {
            var e = Literal(lit);
            if (e is null) Error(lit.Path, lit.ValueSpan, $"literal has no '=' (kustomize: invalid literal source)");
            else Add(e);
        }
        foreach (var envRef in Scalars(gen.Get("envs")).Concat(Scalars(gen.Get("env"))))
        {
            var text = ReadReferenced(dir, envRef, "env file");
            if (text is null) continue;
            var p = KustomizePaths.Join(dir, envRef.Value)!;
            if (!_build.Comments.ContainsKey(p)) _build.Comments[p] = YamlComments.Extract(text, inlineComments: false);
            var lineErrors = new List<ParseError>();
            foreach (var e in KustomizeEnvFileReader.Read(p, text, lineErrors)) Add(e);
            foreach (var err in lineErrors) Error(p, err.Span, err.Message);
        }
        foreach (var fileRef in Scalars(gen.Get("files")))
        {
            var spec = fileRef.Value;
            int eq = spec.IndexOf('=');
            string key = eq < 0 ? spec.Substring(spec.Replace('\\', '/').LastIndexOf('/') + 1) : spec.Substring(0, eq);
            var relPath = eq < 0 ? spec : spec.Substring(eq + 1);
            var pathNode = new YamlTreeScalar(fileRef.Path, fileRef.Span, relPath, fileRef.ValueSpan);
            var text = ReadReferenced(dir, pathNode, "file");
            if (text is null) continue;
            var p = KustomizePaths.Join(dir, relPath)!;
            var whole = new LineMap(text).Span(0, text.Length);
            if (!_build.Comments.ContainsKey(p)) _build.Comments[p] = YamlComments.Extract(text, inlineComments: false);
            Add(new ConfigEntry(key, text, fileRef.ValueSpan, whole, p), GeneratorFileValues.Read(p, text, key));
        }

        bool secret = kind == "Secret";
        var tree = new YamlTreeMap(kustPath, gen.Span);
        tree.Set("apiVersion", Synthetic(kustPath, gen, "v1"));
        tree.Set("kind", Synthetic(kustPath, gen, kind));
        var meta = tree.GetOrAddMap("metadata");
        meta.Set("name", nameNode);
        if (gen.GetScalar("namespace") is { } ns) meta.Set("namespace", ns);
        var data = new YamlTreeMap(kustPath, gen.Span);
        foreach (var e in entries)
        {
            var stored = secret ? SecretBase64(e.Value) : e.Value;
            data.Entries.Add(new YamlTreeMapEntry(e.Key, e.KeySpan, new YamlTreeScalar(e.SourcePath!, e.ValueSpan, stored, e.ValueSpan, plainValue: secret ? e.Value : null,
                parts: fileParts.TryGetValue(e, out var parts) ? parts : null)));
        }
        tree.Set("data", data);
        if (secret) tree.Set("type", gen.GetScalar("type") ?? Synthetic(kustPath, gen, "Opaque"));

        string? disable = gen.GetMap("options")?.GetString("disableNameSuffixHash") ?? globalOptions?.GetString("disableNameSuffixHash");
        bool hash = !string.Equals(disable, "true", StringComparison.OrdinalIgnoreCase);
        var behavior = gen.GetString("behavior") ?? "create";
        // The ID is kind + name + namespace: a generator in another namespace makes another object.
        var genNamespace = gen.GetString("namespace");
        var same = WithId(set, kind, name, genNamespace);
        var existing = same.FirstOrDefault();
        var behaviorSpan = gen.GetScalar("behavior")?.ValueSpan ?? nameNode.ValueSpan;
        var where = string.IsNullOrEmpty(genNamespace) ? "" : $" in namespace {SafeEcho.Quote(genNamespace!)}";
        switch (behavior)
        {
            case "merge":
            case "replace":
                if (existing is null)
                {
                    // configMapGenerator written twice: kustomize keeps the later list, whose merge has nothing to merge into
                    // (the ConfigMap the earlier list created is gone). The mistake to fix is the duplicated key.
                    var field = kind == "Secret" ? "secretGenerator" : "configMapGenerator";
                    if (_duplicateKeys.TryGetValue((kustPath, field), out var duplicate))
                        Missing(kustPath, duplicate, $"{field} is written twice in this kustomization; kustomize keeps this later list and drops the earlier one, so its behavior: {SafeEcho.Quote(behavior)} for {kind} {SafeEcho.Quote(name)}{where} (line {behaviorSpan.StartLine}) has nothing to {behavior}; write one {field} list");
                    else
                        Missing(kustPath, behaviorSpan, $"behavior: {SafeEcho.Quote(behavior)}, but there is no {kind} {SafeEcho.Quote(name)}{where} from a base to {behavior}");
                    return;
                }
                if (same.Count > 1)
                {
                    Error(kustPath, behaviorSpan, $"behavior: {SafeEcho.Quote(behavior)}, but {same.Count} objects could take it ({kind} {SafeEcho.Quote(name)} in several namespaces); set the generator's namespace");
                    return;
                }
                var target = existing.Tree.GetOrAddMap("data");
                if (behavior == "replace") target.Entries.Clear();
                foreach (var e in data.Entries) target.Set(e.Key, e.Value, e.KeySpan);
                if (!hash) existing.AppendHash = false;
                return;
            case "create":
                if (existing is not null)
                {
                    Error(kustPath, nameNode.ValueSpan, $"{kind} {SafeEcho.Quote(name)}{where} already exists in a base; use behavior: merge or replace");
                    return;
                }
                set.Add(new KustomizeResource(tree, isGenerated: true, appendHash: hash));
                return;
            default:
                Error(kustPath, behaviorSpan, $"unknown behavior {SafeEcho.Quote(behavior)} (create, merge or replace)");
                return;
        }
    }

    /// <summary>
    /// A generated Secret value as kustomize stores it, which is what its hash covers: base64, and when longer than 70
    /// characters wrapped at 70 with a final newline (checked against kubectl kustomize v5.5.0).
    /// </summary>
    internal static string SecretBase64(string value)
    {
        var b64 = Convert.ToBase64String(Encoding.UTF8.GetBytes(value));
        if (b64.Length <= 70) return b64;
        var sb = new StringBuilder(b64.Length + b64.Length / 70 + 1);
        for (int i = 0; i < b64.Length; i += 70) sb.Append(b64, i, Math.Min(70, b64.Length - i)).Append('\n');
        return sb.ToString();
    }

    private static YamlTreeScalar Synthetic(string path, YamlTreeNode at, string value) => new(path, at.Span, value, at.Span);

    /// <summary>A `literals:` item: split at the first '=', one pair of matching quotes stripped from the value.</summary>
    internal static ConfigEntry? Literal(YamlTreeScalar lit)
    {
        var text = lit.Value;
        int eq = text.IndexOf('=');
        if (eq < 0) return null;
        var key = text.Substring(0, eq);
        var raw = text.Substring(eq + 1);
        int vOffset = eq + 1;
        var value = raw;
        if (raw.Length >= 2 && (raw[0] == '"' || raw[0] == '\'') && raw[raw.Length - 1] == raw[0])
        {
            value = raw.Substring(1, raw.Length - 2);
            vOffset++;
        }
        return new ConfigEntry(key, value, Sub(lit, 0, key.Length), Sub(lit, vOffset, value.Length), lit.Path);
    }

    /// <summary>The span of characters [offset, offset+length) of a scalar's value when it maps 1:1 onto one source line; else the whole value span.</summary>
    private static SourceSpan Sub(YamlTreeScalar s, int offset, int length)
    {
        var v = s.ValueSpan;
        if (v.IsEmpty || v.StartLine != v.EndLine || v.Length != s.Value.Length) return v;
        return new SourceSpan(v.Start + offset, length, v.StartLine, v.StartColumn + offset, v.StartLine, v.StartColumn + offset + length);
    }

    private string? ReadReferenced(string dir, YamlTreeScalar reference, string what)
    {
        if (OverInputCap(reference.Path, reference.ValueSpan, what, reference.Value)) return null;
        var p = Resolve(dir, reference, what);
        if (p is null) return null;
        var text = Read(p);
        if (text is null) NotFound(reference, p, $"{what} {SafeEcho.QuoteLocation(reference.Value)} not found");
        else OutsideRoot(dir, p, reference, what);
        if (text is not null && OverInputCap(reference.Path, reference.ValueSpan, what, reference.Value)) return null;
        return text;
    }

    /// <summary>
    /// A file above the kustomization's own folder: `kubectl kustomize` refuses it by default (load restrictor), Flux and
    /// Argo CD (LoadRestrictionsNone) read it. Which one deploys the tree is not in the files, so it is a note.
    /// </summary>
    private void OutsideRoot(string dir, string file, YamlTreeScalar reference, string what)
    {
        if (KustomizePaths.IsUnder(file, dir)) return;
        Note(reference.Path, reference.ValueSpan, $"{what} {SafeEcho.QuoteLocation(reference.Value)} is a file above this kustomization's folder: `kubectl kustomize` refuses it by default (--load-restrictor LoadRestrictionsNone, Flux and Argo CD read it)");
    }

    /// <summary>
    /// A referenced path that is not there: a note when the author could not have committed it (a submodule not checked
    /// out, a git-ignored input; see <see cref="KustomizeMissingInput"/>), else an error. Either way the build now lacks
    /// what the path held, so what depends on it (a merge, an untargeted patch) is not reported a second time.
    /// </summary>
    private void NotFound(YamlTreeScalar reference, string target, string message)
    {
        var where = $"{reference.Path}:{reference.ValueSpan.StartLine}";
        if (_whyUnreadable?.Invoke(target) is { } unreadable)
        {
            // It is there but could not be read (permission denied, a FIFO, over the size cap): say so, not "not found".
            int cut = message.IndexOf(" not found", StringComparison.Ordinal);
            Error(reference.Path, reference.ValueSpan, $"{(cut > 0 ? message.Substring(0, cut) : message)} cannot be read: {unreadable}");
            _incomplete ??= $"an unreadable input at {where}";
            return;
        }
        if (_missingInput.Explain(target) is { } why)
        {
            Note(reference.Path, reference.ValueSpan, $"{message}, but {why}; not followed");
            _incomplete ??= $"an input not checked out at {where}";
            return;
        }
        Error(reference.Path, reference.ValueSpan, message);
        _incomplete ??= $"a missing input at {where}";
    }

    // ---- patches ----

    private void PatchEntry(string kustPath, YamlTreeMap entry, List<KustomizeResource> set, string kustText)
    {
        var dir = RepoPath.Directory(kustPath);
        var target = entry.GetMap("target");
        if (entry.GetScalar("path") is { } path) PatchFromFile(dir, path, target, set, kustText);
        else if (entry.GetScalar("patch") is { } inline) PatchInline(kustPath, inline, target, set, kustText);
        else Error(kustPath, entry.Span, "a patch needs 'path' or 'patch'");
    }

    private void PatchFromFile(string dir, YamlTreeScalar pathNode, YamlTreeMap? target, List<KustomizeResource> set, string kustText)
    {
        var text = ReadReferenced(dir, pathNode, "patch");
        if (text is null) return;
        var p = KustomizePaths.Join(dir, pathNode.Value)!;
        ApplyPatchDocuments(Load(p, text).Documents, pathNode, target, set);
    }

    private void PatchInline(string kustPath, YamlTreeScalar patch, YamlTreeMap? target, List<KustomizeResource> set, string kustText)
    {
        ApplyPatchDocuments(Load(kustPath, patch.Value, OriginOf(patch, kustText)).Documents, patch, target, set);
    }

    /// <summary>Where the text of an inline patch starts in the kustomization: the line after `|` with its indentation, or the scalar itself.</summary>
    private static YamlTextOrigin? OriginOf(YamlTreeScalar s, string text)
    {
        if (s.Span.IsEmpty || s.Span.Start >= text.Length) return null;
        var map = new LineMap(text);
        char c = text[s.Span.Start];
        if (c == '|' || c == '>')
        {
            int line = s.Span.StartLine + 1;
            while (line <= map.LineCount)
            {
                int ls = map.LineStart(line);
                int i = ls;
                while (i < text.Length && text[i] == ' ') i++;
                if (i < text.Length && text[i] != '\n' && text[i] != '\r') return new YamlTextOrigin(map, line, i - ls);
                line++;
            }
            return null;
        }
        return new YamlTextOrigin(map, s.ValueSpan.StartLine, s.ValueSpan.StartColumn - 1);
    }

    private void ApplyPatchDocuments(IReadOnlyList<YamlTreeNode> docs, YamlTreeScalar at, YamlTreeMap? target, List<KustomizeResource> set)
    {
        foreach (var doc in docs)
        {
            if (doc is YamlTreeSequence ops)
            {
                if (target is null)
                {
                    Error(at.Path, at.ValueSpan, "a JSON6902 patch needs a 'target'");
                    continue;
                }
                // A target that selects nothing is not an error: kustomize applies the patch to no object and goes on (CG0019).
                var selected = Match(set, target);
                if (selected.Count == 0 && NamesOneObject(at, target)) NoEffect(at.Path, at.ValueSpan, $"the patch's target ({DescribeTarget(target)}) selects no object of this build, so kustomize applies it to nothing and the environment keeps the base's values; was the object renamed or removed?");
                foreach (var r in selected)
                {
                    foreach (var op in ops.Items.OfType<YamlTreeMap>())
                    {
                        var err = JsonPatch.Apply(r.Tree, op);
                        if (err is not null) Error(op.Path, op.Span, $"JSON6902 patch on {r}: {err}");
                    }
                }
            }
            else if (doc is YamlTreeMap pm)
            {
                var kind = pm.GetString("kind");
                var pname = pm.GetMap("metadata")?.GetString("name");
                var pns = pm.GetMap("metadata")?.GetString("namespace");
                // With a target, any number of objects (none included); without, exactly one object with the patch's ID.
                var matches = target is not null ? Match(set, target) : pname is null ? new List<KustomizeResource>() : WithId(set, kind, pname, pns);
                if (target is not null && matches.Count == 0 && NamesOneObject(at, target))
                    NoEffect(at.Path, at.ValueSpan, $"the patch's target ({DescribeTarget(target)}) selects no object of this build, so kustomize applies it to nothing and the environment keeps the base's values; was the object renamed or removed?");
                if (target is null && matches.Count != 1)
                {
                    var id = $"{kind}/{pname}{(string.IsNullOrEmpty(pns) ? "" : " in namespace " + pns)}";
                    if (matches.Count == 0) Missing(at.Path, at.ValueSpan, $"strategic-merge patch matches no object ({SafeEcho.Quote(id)}); without a 'target' kustomize needs exactly one");
                    else Error(at.Path, at.ValueSpan, $"strategic-merge patch matches {matches.Count} objects ({SafeEcho.Quote(id)}); without a 'target' kustomize needs exactly one");
                    continue;
                }
                foreach (var r in matches)
                {
                    var patch = (YamlTreeMap)pm.Clone();
                    patch.Remove("apiVersion");
                    patch.Remove("kind");
                    if (patch.GetMap("metadata") is { } meta)
                    {
                        meta.Remove("name");
                        meta.Remove("namespace");
                    }
                    var result = StrategicMergePatch.Apply(r.Tree, patch);
                    if (result is YamlTreeMap m) r.Replace(m);
                    else set.Remove(r);
                }
            }
        }
    }

    /// <summary>
    /// A patch that names its object (target with a name) in a kustomization that is not a Component: a target by kind or
    /// label alone, or any patch of a reusable component, is written to apply to whatever is there, none included.
    /// </summary>
    private bool NamesOneObject(YamlTreeScalar at, YamlTreeMap target) => target.GetString("name") is not null && !_components.Contains(at.Path);

    private readonly HashSet<string> _components = new(StringComparer.Ordinal);

    /// <summary>A patch target as a reader writes it: "kind Ingress, name web".</summary>
    private static string DescribeTarget(YamlTreeMap target)
    {
        var parts = new List<string>();
        foreach (var field in new[] { "kind", "name", "namespace", "labelSelector", "annotationSelector" })
        {
            if (target.GetString(field) is { } v) parts.Add(field + " " + SafeEcho.Quote(v));
        }
        return parts.Count == 0 ? "any object" : string.Join(", ", parts);
    }

    private List<KustomizeResource> Match(List<KustomizeResource> set, YamlTreeMap target)
    {
        bool Anchored(string pattern, string value) => TargetMatches(pattern, value, target);
        var kind = target.GetString("kind");
        var name = target.GetString("name");
        var ns = target.GetString("namespace");
        var group = target.GetString("group");
        var version = target.GetString("version");
        var labels = Selector(target.GetString("labelSelector"));
        var annotations = Selector(target.GetString("annotationSelector"));
        return set.Where(r =>
            (kind is null || Anchored(kind, r.Kind))
            && (name is null || r.Names.Any(n => Anchored(name, n)))
            && (ns is null || Anchored(ns, r.Namespace ?? ""))
            && (group is null || Anchored(group, Group(r.ApiVersion)))
            && (version is null || Anchored(version, Version(r.ApiVersion)))
            && Has(r.Tree.GetMap("metadata")?.GetMap("labels"), labels)
            && Has(r.Tree.GetMap("metadata")?.GetMap("annotations"), annotations)).ToList();
    }

    private static string Group(string apiVersion) => apiVersion.IndexOf('/') is var i and >= 0 ? apiVersion.Substring(0, i) : "";
    private static string Version(string apiVersion) => apiVersion.Substring(apiVersion.IndexOf('/') + 1);

    // Patch targets are regexes the repository writes (kustomize uses Go's RE2, which never backtracks); they run on the
    // non-backtracking engine, compiled once per pattern: `name: '(a+)+$'` cost 100 ms per patch x resource before.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Regex?> TargetPatterns = new(StringComparer.Ordinal);

    // A pattern the non-backtracking engine cannot run (lookaround, backreferences: RE2 has neither, so kubectl rejects
    // it too) falls back to backtracking with a timeout, and is charged to the run's budget: 40 such patches x 40 objects
    // would otherwise spend their timeout 1,600 times.
    private bool TargetMatches(string pattern, string value, YamlTreeMap target)
    {
        if (string.Equals(pattern, value, StringComparison.Ordinal)) return true;
        var regex = TargetPatterns.Count < 10_000
            ? TargetPatterns.GetOrAdd(pattern, CompileTarget)
            : TargetPatterns.TryGetValue(pattern, out var known) ? known : CompileTarget(pattern);
        if (regex is null) return false;
        if (_regexBudget is not null && !LinearRegex.IsLinear(regex))
            return _regexBudget.IsMatch(regex, value, new RegexBudget.Place(target.Path, target.Span.StartLine, target.Span.StartColumn, "patch target pattern"));
        try { return regex.IsMatch(value); }
        catch (RegexMatchTimeoutException) { return false; }
    }

    private static Regex? CompileTarget(string pattern)
    {
        try { return LinearRegex.Create("^(?:" + pattern + ")$", RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100)); }
        catch (ArgumentException) { return null; }
    }

    private static List<KeyValuePair<string, string>> Selector(string? text)
    {
        var list = new List<KeyValuePair<string, string>>();
        if (text is null) return list;
        foreach (var part in text.Split(','))
        {
            var kv = part.Split(new[] { '=' }, 2);
            list.Add(new KeyValuePair<string, string>(kv[0].Trim().TrimEnd('!'), kv.Length > 1 ? kv[1].Trim().TrimStart('=') : ""));
        }
        return list;
    }

    private static bool Has(YamlTreeMap? map, List<KeyValuePair<string, string>> selector) =>
        selector.All(s => map?.GetString(s.Key) is { } v && (s.Value.Length == 0 || v == s.Value));

    // ---- transformers ----

    private static void SetNamespace(YamlTreeScalar ns, List<KustomizeResource> set)
    {
        foreach (var r in set)
        {
            if (ClusterScoped.Contains(r.Kind)) continue;
            r.SetNamespace(ns);
        }
    }

    /// <summary>The objects whose ID (now or earlier) is kind + name + namespace, as kustomize finds a generator's or an untargeted patch's object.</summary>
    private static List<KustomizeResource> WithId(List<KustomizeResource> set, string? kind, string name, string? ns) =>
        set.Where(r => r.Kind == kind && r.HasId(name, ns, ClusterScoped.Contains(r.Kind))).ToList();

    /// <summary>
    /// A failure that depends on which objects exist: an error when the model saw every object of the build, a note when
    /// some came from what it does not follow (a remote base, helmCharts, generator or transformer plugins).
    /// </summary>
    private void Missing(string path, SourceSpan span, string message)
    {
        if (_incomplete is null) Error(path, span, message);
        else Note(path, span, $"{message}; not an error here, because the build also has objects ConfigGuard does not see ({_incomplete})");
    }

    private static void AddAffixes(string prefix, string suffix, List<KustomizeResource> set)
    {
        var renames = new Dictionary<(string, string), string>();
        foreach (var r in set)
        {
            if (r.Kind is "Namespace" or "CustomResourceDefinition") continue;
            var old = r.Name;
            var renamed = prefix + old + suffix;
            renames[(r.Kind, old)] = renamed;
            r.Rename(renamed);
        }
        RewriteReferences(set, renames);
    }

    private void AppendHashes(List<KustomizeResource> set)
    {
        var renames = new Dictionary<(string, string), string>();
        foreach (var r in set.Where(r => r.AppendHash))
        {
            string hash;
            if (r.Kind == "Secret") hash = KustomizeNameHash.Secret(r.Tree.GetString("type") ?? "", r.RawData());
            else hash = KustomizeNameHash.ConfigMap(r.RawData());
            var renamed = r.Name + "-" + hash;
            renames[(r.Kind, r.Name)] = renamed;
            r.Rename(renamed);
        }
        RewriteReferences(set, renames);
    }

    /// <summary>Name references from workloads to ConfigMaps and Secrets follow a rename, as kustomize's nameReference transformer does.</summary>
    private static void RewriteReferences(List<KustomizeResource> set, Dictionary<(string Kind, string Old), string> renames)
    {
        if (renames.Count == 0) return;
        void Fix(YamlTreeMap? holder, string field, string kind)
        {
            if (holder?.GetScalar(field) is not { } s || !renames.TryGetValue((kind, s.Value), out var renamed)) return;
            holder.Set(field, new YamlTreeScalar(s.Path, s.Span, renamed, s.Span));
        }
        foreach (var r in set)
        {
            var spec = r.PodSpec();
            if (spec is null) continue;
            foreach (var v in Maps(spec.Get("volumes")))
            {
                Fix(v.GetMap("configMap"), "name", "ConfigMap");
                Fix(v.GetMap("secret"), "secretName", "Secret");
                foreach (var src in Maps(v.GetMap("projected")?.Get("sources")))
                {
                    Fix(src.GetMap("configMap"), "name", "ConfigMap");
                    Fix(src.GetMap("secret"), "name", "Secret");
                }
            }
            foreach (var ips in Maps(spec.Get("imagePullSecrets"))) Fix(ips, "name", "Secret");
            foreach (var c in r.Containers())
            {
                foreach (var ef in Maps(c.Get("envFrom")))
                {
                    Fix(ef.GetMap("configMapRef"), "name", "ConfigMap");
                    Fix(ef.GetMap("secretRef"), "name", "Secret");
                }
                foreach (var env in Maps(c.Get("env")))
                {
                    Fix(env.GetMap("valueFrom")?.GetMap("configMapKeyRef"), "name", "ConfigMap");
                    Fix(env.GetMap("valueFrom")?.GetMap("secretKeyRef"), "name", "Secret");
                }
            }
        }
    }

    private void RecordLabels(YamlTreeMap root)
    {
        foreach (var field in new[] { "commonLabels", "commonAnnotations" })
        {
            foreach (var e in root.GetMap(field)?.Entries ?? (IEnumerable<YamlTreeMapEntry>)Array.Empty<YamlTreeMapEntry>())
                if (e.Value is YamlTreeScalar s) _build.Labels.Add(new KeyValuePair<string, YamlTreeScalar>(e.Key, s));
        }
        foreach (var l in Maps(root.Get("labels")))
        {
            foreach (var e in l.GetMap("pairs")?.Entries ?? (IEnumerable<YamlTreeMapEntry>)Array.Empty<YamlTreeMapEntry>())
                if (e.Value is YamlTreeScalar s) _build.Labels.Add(new KeyValuePair<string, YamlTreeScalar>(e.Key, s));
        }
    }

    private void SetImage(YamlTreeMap image, List<KustomizeResource> set)
    {
        var name = image.GetString("name");
        var newName = image.GetScalar("newName");
        var newTag = image.GetScalar("newTag");
        var digest = image.GetScalar("digest");
        var origin = digest ?? newTag ?? newName;
        // kubectl builds both, silently changing nothing: usually one image's fields split across list items ("- newTag:").
        if (name is null)
        {
            NoEffect(image.Path, image.Span, "an images: entry without 'name' changes no image (kustomize ignores it): are one image's fields split across two '-' items? The environment runs the image its base names");
            return;
        }
        if (origin is null)
        {
            NoEffect(image.Path, image.Span, $"the images: entry for {SafeEcho.Quote(name)} sets no newName, newTag or digest, so it changes nothing: are its fields split across two '-' items? The environment runs the image its base names");
            return;
        }
        foreach (var r in set)
        {
            foreach (var c in r.Containers())
            {
                if (c.GetScalar("image") is not { } img) continue;
                var (imgName, tagPart) = KustomizeImages.Split(img.Value);
                if (imgName != name) continue;
                var result = (newName?.Value ?? imgName)
                    + (digest is not null ? "@" + digest.Value : newTag is not null ? ":" + newTag.Value : tagPart);
                c.Set("image", new YamlTreeScalar(origin.Path, origin.Span, result, origin.ValueSpan));
            }
        }
    }
}
