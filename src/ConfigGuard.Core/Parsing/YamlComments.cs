using System.Collections.Generic;
using ConfigGuard.Core.Model;

namespace ConfigGuard.Core.Parsing;

/// <summary>`#` comments of a YAML or env file, for inline suppressions (a `#` at the start of a line or after a space; quotes are not tracked).</summary>
public static class YamlComments
{
    public static List<SourceComment> Extract(string text, bool inlineComments = true)
    {
        var list = new List<SourceComment>();
        int line = 1, start = 0;
        for (int i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && text[i] != '\n') continue;
            var content = text.Substring(start, i - start).TrimEnd('\r');
            var trimmed = content.TrimStart();
            if (trimmed.StartsWith("#", System.StringComparison.Ordinal)) list.Add(new SourceComment(trimmed.Substring(1).Trim(), line, true, content.Length - trimmed.Length + 1));
            else if (inlineComments)
            {
                int hash = content.IndexOf(" #", System.StringComparison.Ordinal);
                if (hash >= 0) list.Add(new SourceComment(content.Substring(hash + 2).Trim(), line, false, hash + 2));
            }
            line++;
            start = i + 1;
        }
        return list;
    }
}
