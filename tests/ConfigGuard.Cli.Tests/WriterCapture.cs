using System.Text;

namespace ConfigGuard.Cli.Tests;

/// <summary>What a CLI writer prints, captured in-process: text writers to a string, stream writers as UTF-8.</summary>
internal static class WriterCapture
{
    public static string Text(Action<TextWriter> write)
    {
        var sw = new StringWriter();
        write(sw);
        return sw.ToString();
    }

    public static string Bytes(Action<Stream> write)
    {
        var ms = new MemoryStream();
        write(ms);
        return Encoding.UTF8.GetString(ms.ToArray());
    }
}
