using System.Text;
using dotenv.net;

namespace ConfigGuard.Core.Tests.Parsing;

/// <summary>The reference reader our DotEnvParser must agree with: dotenv.net 4.2.0 with ConfigGuard's options.</summary>
internal static class DotEnvNetReference
{
    public static IDictionary<string, string> Read(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        return DotEnv.Fluent()
            .WithEnvStreams(stream)
            .WithSupportExportSyntax()
            .WithSupportInlineComments()
            .WithoutExceptions()
            .Read();
    }

    public static IDictionary<string, string> Read(string text) => Read(Encoding.UTF8.GetBytes(text));

    /// <summary>Our entries as dotenv.net returns them: one value per key, the last one written.</summary>
    public static Dictionary<string, string> LastValuePerKey(ConfigGuard.Core.Model.ParsedFile file)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in file.Entries)
            result[entry.Key] = entry.Value;
        return result;
    }
}
