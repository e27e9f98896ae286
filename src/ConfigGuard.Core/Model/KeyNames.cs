using System.Text;

namespace ConfigGuard.Core.Model;

/// <summary>
/// One spelling for keys across formats, so one rule pack serves .env, appsettings and kustomize:
/// upper case, with <c>:</c>, <c>__</c>, <c>.</c> and <c>-</c> turned into <c>_</c>
/// (<c>Sentry:Environment</c> and <c>SENTRY__ENVIRONMENT</c> both become <c>SENTRY_ENVIRONMENT</c>).
/// </summary>
public static class KeyNames
{
    public static string Normalize(string key)
    {
        // Most keys are already spelled this way (DATABASE_URL): the key itself, no copy.
        if (IsNormal(key)) return key;
        var sb = new StringBuilder(key.Length);
        for (int i = 0; i < key.Length; i++)
        {
            char c = key[i];
            if (c == '_' && i + 1 < key.Length && key[i + 1] == '_') { sb.Append('_'); i++; continue; }
            sb.Append(c is ':' or '.' or '-' or ' ' ? '_' : char.ToUpperInvariant(c));
        }
        return sb.ToString();
    }

    private static bool IsNormal(string key)
    {
        for (int i = 0; i < key.Length; i++)
        {
            char c = key[i];
            if (c is ':' or '.' or '-' or ' ') return false;
            if (c == '_' && i + 1 < key.Length && key[i + 1] == '_') return false;
            if (char.ToUpperInvariant(c) != c) return false;
        }
        return true;
    }

    /// <summary>The last segment of a flattened key (<c>ConnectionStrings:Default</c> -> <c>Default</c>).</summary>
    public static string LastSegment(string key)
    {
        int i = key.LastIndexOf(':');
        return i < 0 ? key : key.Substring(i + 1);
    }
}
