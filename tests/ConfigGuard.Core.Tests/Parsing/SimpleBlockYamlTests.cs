using System.Text;
using ConfigGuard.Core.Parsing;
using ConfigGuard.Tests;
using FsCheck;
using FsCheck.Fluent;
using Xunit;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace ConfigGuard.Core.Tests.Parsing;

/// <summary>
/// The YAML fast path must read exactly what YamlDotNet reads, event by event (type, value, style, every mark), or
/// decline the text: checked on generated documents full of near misses and on every YAML file of the corpus.
/// </summary>
public class SimpleBlockYamlTests
{
    private static List<ParsingEvent>? YamlDotNetEvents(string text)
    {
        var events = new List<ParsingEvent>();
        try
        {
            var parser = new Parser(new StringReader(text));
            while (parser.MoveNext()) events.Add(parser.Current!);
            return events;
        }
        catch (Exception e) when (e is YamlException or InvalidOperationException or ArgumentException or IndexOutOfRangeException or FormatException)
        {
            return null;
        }
    }

    private static string Describe(ParsingEvent e)
    {
        // Ends of collections, documents and the stream are compared by index only: that is all YamlTreeLoader reads of
        // them, and YamlDotNet moves their line and column to a line after the text's last one in ways of its own.
        var marks = e is MappingEnd or SequenceEnd or DocumentEnd or StreamEnd
            ? $"{e.Start.Index}-{e.End.Index}"
            : $"{e.Start.Index}/{e.Start.Line}/{e.Start.Column}-{e.End.Index}/{e.End.Line}/{e.End.Column}";
        return e switch
        {
            Scalar s => $"Scalar {marks} '{s.Value}' {s.Style} plain={s.IsPlainImplicit} quoted={s.IsQuotedImplicit} anchor={s.Anchor.IsEmpty} tag={s.Tag.IsEmpty}",
            MappingStart m => $"MappingStart {marks} {m.Style} implicit={m.IsImplicit} anchor={m.Anchor.IsEmpty} tag={m.Tag.IsEmpty}",
            SequenceStart q => $"SequenceStart {marks} {q.Style} implicit={q.IsImplicit} anchor={q.Anchor.IsEmpty} tag={q.Tag.IsEmpty}",
            DocumentStart d => $"DocumentStart {marks} implicit={d.IsImplicit}",
            DocumentEnd d => $"DocumentEnd {marks} implicit={d.IsImplicit}",
            _ => $"{e.GetType().Name} {marks}",
        };
    }

    /// <summary>True when the fast path read the text (and then it agreed with YamlDotNet); false when it declined.</summary>
    private static bool ReadsLikeYamlDotNet(string text)
    {
        var fast = SimpleBlockYaml.TryRead(text);
        if (fast is null) return false;
        var reference = YamlDotNetEvents(text);
        Assert.True(reference is not null, $"the fast path read YAML that YamlDotNet refuses:\n{text}");
        Assert.Equal(reference!.Select(Describe), fast.Select(Describe));
        return true;
    }

    [Theory]
    [InlineData("resources:\n  - ../../base\nnamespace: svc-staging\nconfigMapGenerator:\n  - name: app-config\n    behavior: merge\n    literals:\n      - APP_ENV=staging\n")]
    [InlineData("a: b # c\nd:\n- e\n- 'f'\ng: \"h\"\n")]
    [InlineData("# lead\n\na:  x  \n")]
    [InlineData("a:\nb: c\nd:\n")]
    [InlineData("- a\n- b: c\n  d: e\n-   f: g\n")]
    [InlineData("a:\n  - x\n  -  y   # c\nb:\n    c: d\n")]
    [InlineData("  a: b\n  c:\n  - d\n")]
    [InlineData("- a:\n  - b\n- c:\n")]
    [InlineData("image: registry.example.com/app:1.0.0\nurl: http://h:8080/p?q=a#frag\nlist: a,b]{c}\n")]
    [InlineData("a: b")]
    public void Reads_kustomize_shaped_YAML_exactly_as_YamlDotNet(string text)
    {
        Assert.True(ReadsLikeYamlDotNet(text), "the fast path declined: " + text);
    }

    [Theory]
    [InlineData("a: [b]\n")]               // flow collection
    [InlineData("a: |\n  b\n")]            // block scalar
    [InlineData("a: &x b\nc: *x\n")]       // anchor, alias
    [InlineData("a: !tag b\n")]            // tag
    [InlineData("a: b\n  c\n")]            // a plain scalar over two lines
    [InlineData("a: \"b\\n\"\n")]          // an escape
    [InlineData("a: b\n---\nc: d\n")]      // two documents
    [InlineData("a:\tb\n")]                // a tab
    [InlineData("a: b\r\n")]               // CRLF
    [InlineData("a: é\n")]                 // beyond ASCII
    [InlineData("a: b: c\n")]              // a syntax error
    [InlineData("a:\n  b: c\n d: e\n")]    // indentation that matches no level
    [InlineData("plain scalar document\n")]
    public void Declines_what_it_does_not_read(string text)
    {
        Assert.Null(SimpleBlockYaml.TryRead(text));
    }

    private static readonly string[] Keys = { "a", "b-c", "app.kubernetes.io/name", "1", "-x", "a b", "\"k\"", "k:", "x#y", "<<", "$v", "a/b", "~" };

    private static readonly string[] Values =
    {
        "a", "a b", "a#b", "a #c", "\"q\"", "'q'", "\"a\\\\b\"", "x: y", "http://h:1/p", "-1", "~", "null", "[a]", "{a: b}", "a,b",
        "a]", "*a", "&a b", "!t b", "|", ">", "'it''s'", "\"", "''", "\"\"", "a  ", "a:", "a:b", "@x", "`x", "%x", "?x", ":x", "a # b: c",
        "'a' #c", "\"a\"x", "- a", "#c", "=x", "a\\b", "a'b", "a\"b",
    };

    private static readonly Gen<string> Lines =
        from indent in Gen.Choose(0, 6)
        from kind in Gen.Choose(0, 8)
        from key in Gen.Elements(Keys)
        from value in Gen.Elements(Values)
        from spaces in Gen.Elements(" ", "  ", "   ")
        select new string(' ', indent) + kind switch
        {
            0 => key + ":" + spaces + value,
            1 => key + ":",
            2 => "-" + spaces + value,
            3 => "-" + spaces + key + ":" + spaces + value,
            4 => "-" + spaces + key + ":",
            5 => "# comment",
            6 => "",
            7 => "-",
            _ => key + ": " + value + " # trailing",
        };

    [Fact]
    public void Generated_documents_are_read_as_YamlDotNet_reads_them_or_declined()
    {
        int read = 0, tried = 0;
        // Mostly well-formed documents: lines from a small indentation grammar around the keys and values above.
        var documents = Lines.ArrayOf().Select(ls => string.Join("\n", ls.Take(12)) + (ls.Length % 3 == 0 ? "" : "\n")).ToArbitrary();
        var config = Config.QuickThrowOnFailure.WithMaxTest(20_000).WithReplay(19UL, 23UL);
        Check.One(config, Prop.ForAll(documents, text =>
        {
            tried++;
            if (ReadsLikeYamlDotNet(text)) read++;
        }));
        // The fast path must actually be exercised, not decline everything.
        Assert.True(read > tried / 20, $"the fast path read only {read} of {tried} generated documents");
    }

    [Fact]
    public void Well_formed_kustomize_documents_are_read_by_the_fast_path()
    {
        var keys = Gen.Elements("resources", "namespace", "name", "behavior", "literals", "app.kubernetes.io/name", "images", "newTag");
        var values = Gen.Elements("../../base", "svc-staging", "merge", "APP_ENV=staging", "\"1.2.3\"", "'quoted'", "registry.example.com/a:1", "true");
        // Each line a child of the line before (deeper by 2) or a sibling of one of its ancestors.
        var documents =
            from steps in Gen.ArrayOf(Gen.Zip(Gen.Choose(-3, 1), Gen.Zip(Gen.Choose(0, 3), Gen.Zip(keys, values))))
            select Build(steps);
        var config = Config.QuickThrowOnFailure.WithMaxTest(5_000).WithReplay(29UL, 31UL);
        int read = 0, tried = 0;
        Check.One(config, Prop.ForAll(documents.ToArbitrary(), text =>
        {
            tried++;
            if (ReadsLikeYamlDotNet(text)) read++;
        }));
        Assert.True(read > tried * 9 / 10, $"the fast path read only {read} of {tried} well-formed documents");
    }

    private static string Build((int, (int, (string, string)))[] steps)
    {
        var sb = new StringBuilder();
        var open = new List<(int Indent, bool Sequence)> { (0, false) };
        bool pendingChild = false;
        foreach (var (move, (kind, (key, value))) in steps.Take(15))
        {
            if (!pendingChild && move < 0) open.RemoveRange(Math.Max(1, open.Count + move), open.Count - Math.Max(1, open.Count + move));
            var (indent, sequence) = open[^1];
            if (pendingChild)
            {
                indent += 2;
                sequence = kind % 2 == 1;
                open.Add((indent, sequence));
            }
            var pad = new string(' ', indent);
            pendingChild = false;
            if (sequence)
            {
                if (kind == 3) { sb.Append(pad).Append("- ").Append(key).Append(": ").Append(value).Append('\n'); }
                else sb.Append(pad).Append("- ").Append(value).Append('\n');
            }
            else if (kind >= 2 && open.Count < 8) { sb.Append(pad).Append(key).Append(":\n"); pendingChild = true; }
            else sb.Append(pad).Append(key).Append(": ").Append(value).Append('\n');
        }
        return sb.ToString();
    }

    public static IEnumerable<object[]> YamlFiles()
    {
        var roots = new List<string> { RepoPaths.Samples };
        if (RepoPaths.HasCorpus) roots.Add(RepoPaths.Corpus);
        return roots.SelectMany(r => Directory.EnumerateFiles(r, "*.*", SearchOption.AllDirectories))
            .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal))
            .Select(f => new object[] { Path.GetRelativePath(RepoPaths.Root, f) });
    }

    [Theory]
    [MemberData(nameof(YamlFiles))]
    public void Every_YAML_file_of_the_samples_and_the_corpus_is_read_as_YamlDotNet_reads_it_or_declined(string file)
    {
        ReadsLikeYamlDotNet(File.ReadAllText(Path.Combine(RepoPaths.Root, file)));
    }
}
