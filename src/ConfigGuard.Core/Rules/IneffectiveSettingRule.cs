using System;
using System.Collections.Generic;
using ConfigGuard.Core.Catalog;
using ConfigGuard.Core.Engine;
using ConfigGuard.Core.Environments;
using ConfigGuard.Core.Model;

namespace ConfigGuard.Core.Rules;

/// <summary>
/// CG0019: a setting that is read and then silently has no effect, so the environment runs something other than what the
/// file says: a .env key set a second time with another value (dotenv, dotenv.net and python-dotenv keep the last one,
/// without a word), a kustomize images: entry with nothing to set (one image's fields split across two '-' items), a
/// patch whose target selects no object (the object was renamed or moved). kubectl builds all of these; the kustomize
/// cases are found by the in-process build (<see cref="ParsedFile.Ineffective"/>).
/// </summary>
public sealed class IneffectiveSettingRule : IFileRule
{
    public string Id => "CG0019";

    public void Analyze(ConfigFile file, FindingSink sink)
    {
        foreach (var e in file.Parsed.Ineffective)
            sink.Report(Id, file.Path, e.Span, null, file.Environment.Name, e.Message, e.Message + "@" + e.Span.StartLine, null);
        if (file.Format == ConfigFormat.DotEnv && file.Environment.Class != EnvironmentClass.Template) DuplicateKeys(file, sink);
    }

    /// <summary>
    /// A key set twice with different values: the earlier line is the one that has no effect, reported there. The same
    /// value twice changes nothing, and an empty first value is a declaration filled in below; neither is reported.
    /// </summary>
    private void DuplicateKeys(ConfigFile file, FindingSink sink)
    {
        var last = new Dictionary<string, ConfigEntry>(StringComparer.Ordinal);
        var entries = file.Parsed.Entries;
        for (int i = entries.Count - 1; i >= 0; i--)
        {
            var e = entries[i];
            if (!last.TryGetValue(e.Key, out var later))
            {
                last[e.Key] = e;
                continue;
            }
            if (e.Value.Trim().Length == 0 || string.Equals(e.Value.Trim(), later.Value.Trim(), StringComparison.Ordinal)) continue;
            var related = new[] { new RelatedLocation(file.Path, later.ValueSpan, $"{e.Key} is set again here, and this value wins") };
            sink.Report(Id, file.Path, e.ValueSpan, e.Key, file.Environment.Name,
                $"{e.Key} is set again on line {later.ValueSpan.StartLine} with another value; dotenv loaders keep the last one without a word, so this line has no effect in {file.Environment.Name}; keep one",
                e.Value + "|" + later.Value, sink.DisplayValue(e.NormalizedKey, e.Value), related);
        }
    }
}
