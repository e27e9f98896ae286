using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

namespace ConfigGuard.Core.Kustomize;

/// <summary>
/// kustomize's content hash for generated ConfigMaps and Secrets (api/hasher): SHA-256 of Go's json.Marshal of
/// {"data":...,"kind":...,"name":""[,"type":...]} (v5.5.0 hashes an empty name, which is why a namePrefix does not change the suffix) (keys sorted, HTML characters escaped as Go does), first 10 hex
/// digits with 0,1,3,a,e mapped to g,h,k,m,t so the suffix never looks like a number or a word.
/// </summary>
public static class KustomizeNameHash
{
    public static string ConfigMap(IEnumerable<KeyValuePair<string, string>> data) =>
        Hash("{\"data\":" + Object(data) + ",\"kind\":\"ConfigMap\",\"name\":\"\"}");

    /// <param name="base64Data">Values as they appear in the Secret's data (base64).</param>
    public static string Secret(string type, IEnumerable<KeyValuePair<string, string>> base64Data) =>
        Hash("{\"data\":" + Object(base64Data) + ",\"kind\":\"Secret\",\"name\":\"\",\"type\":" + GoString(type) + "}");

    private static string Object(IEnumerable<KeyValuePair<string, string>> data)
    {
        var sb = new StringBuilder("{");
        bool first = true;
        foreach (var pair in data.OrderBy(p => p.Key, System.StringComparer.Ordinal))
        {
            if (!first) sb.Append(',');
            first = false;
            sb.Append(GoString(pair.Key)).Append(':').Append(GoString(pair.Value));
        }
        return sb.Append('}').ToString();
    }

    internal static string Hash(string json)
    {
        using var sha = SHA256.Create();
        var digest = sha.ComputeHash(Encoding.UTF8.GetBytes(json));
        var sb = new StringBuilder(10);
        for (int i = 0; i < 5; i++) sb.Append(digest[i].ToString("x2"));
        var chars = sb.ToString().ToCharArray();
        for (int i = 0; i < chars.Length; i++)
        {
            chars[i] = chars[i] switch { '0' => 'g', '1' => 'h', '3' => 'k', 'a' => 'm', 'e' => 't', var c => c };
        }
        return new string(chars);
    }

    /// <summary>A JSON string as Go's encoding/json writes it (HTMLEscape on: &lt; &gt; &amp; U+2028 U+2029 as \u escapes).</summary>
    internal static string GoString(string s)
    {
        var sb = new StringBuilder(s.Length + 2).Append('"');
        foreach (var c in s)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                case '<': case '>': case '&': case '\u2028': case '\u2029':
                    sb.Append("\\u").Append(((int)c).ToString("x4")); break;
                default:
                    if (c < 0x20) sb.Append("\\u").Append(((int)c).ToString("x4"));
                    else sb.Append(c);
                    break;
            }
        }
        return sb.Append('"').ToString();
    }
}
