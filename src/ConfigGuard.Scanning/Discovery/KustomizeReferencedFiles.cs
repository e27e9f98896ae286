using System.Collections.Concurrent;
using ConfigGuard.Core.Engine;
using ConfigGuard.Core.Model;

namespace ConfigGuard.Scanning.Discovery;

/// <summary>
/// Serves the files kustomizations reference to the engine's in-process model, which never reads the disk itself:
/// inside the repository only, no symbolic links, size-capped, each file read once (thread-safe: overlays render in
/// parallel). Remote references and paths leaving the repository are never asked for: the model turns them into notes.
/// </summary>
public sealed class KustomizeReferencedFiles
{
    private readonly string _root;
    private readonly string _rootFull;
    private readonly long _maxBytes;
    private readonly ConcurrentBag<Notice> _notices;
    private readonly ConcurrentDictionary<string, Lazy<string?>> _cache = new(StringComparer.Ordinal);

    private readonly RepositoryContainment _containment;

    public KustomizeReferencedFiles(string root, long maxBytes, ConcurrentBag<Notice> notices, RepositoryContainment? containment = null)
    {
        _root = root;
        _containment = containment ?? new RepositoryContainment(root);
        _rootFull = Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        _maxBytes = maxBytes;
        _notices = notices;
    }

    private readonly ConcurrentDictionary<string, string> _unread = new(StringComparer.Ordinal);

    public string? Read(string relative) => _cache.GetOrAdd(relative, r => new Lazy<string?>(() => Load(r))).Value;

    /// <summary>Why <paramref name="relative"/> exists but was not read (permission denied, a FIFO, the size cap, a link); null when it was read or is absent.</summary>
    public string? WhyUnread(string relative)
    {
        Read(relative);
        return _unread.TryGetValue(relative, out var why) ? why : null;
    }

    private string? Load(string relative)
    {
        var full = Path.GetFullPath(Path.Combine(_root, relative));
        if (!full.StartsWith(_rootFull, StringComparison.Ordinal)) return null;
        // The file itself, if a link, is refused by the reader below with the same note.
        if (_containment.WhyOutsideListed(relative, full) is { } why)
        {
            var shown = why.StartsWith("symbolic link", StringComparison.Ordinal) ? "symbolic link referenced by a kustomization, not followed" : why;
            _notices.Add(new Notice(relative, shown));
            _unread[relative] = shown;
            return null;
        }
        var text = RepositoryFileReader.ReadText(full, relative, _maxBytes, _notices, out var unread, "symbolic link referenced by a kustomization, not followed");
        if (text is null && unread is not null) _unread[relative] = unread;
        return text;
    }
}
