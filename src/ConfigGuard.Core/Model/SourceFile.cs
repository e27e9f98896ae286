namespace ConfigGuard.Core.Model;

/// <summary>What git knows about a file; null members mean "not known" (no git repository), and rules that need them stay quiet.</summary>
public readonly struct FileFacts
{
    public FileFacts(bool? isTracked, bool? isIgnored)
    {
        IsTracked = isTracked;
        IsIgnored = isIgnored;
    }

    public bool? IsTracked { get; }
    public bool? IsIgnored { get; }
}

/// <summary>One file handed to the engine: repository-relative path (`/`), decoded text and git facts. The engine never reads the disk.</summary>
public sealed class SourceFile
{
    public SourceFile(string path, string text, FileFacts facts = default)
    {
        Path = path;
        Text = text;
        Facts = facts;
    }

    public string Path { get; }
    public string Text { get; }
    public FileFacts Facts { get; }
}
