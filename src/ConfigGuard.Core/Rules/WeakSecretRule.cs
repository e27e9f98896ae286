using System;
using System.Collections.Generic;
using System.Text;
using ConfigGuard.Core.Engine;
using ConfigGuard.Core.Environments;
using ConfigGuard.Core.Model;

namespace ConfigGuard.Core.Rules;

/// <summary>
/// CG0010: a signing or encryption secret in a deployable config is short (under 32 bytes) or low-entropy; or any
/// secret there (a password, an API secret, a signing key) is a guessable phrase of words naming it or its environment
/// (<see cref="GuessableSecret"/>), in staging's or production's own file (a signing key also where a base reaches
/// them). Stock stubs such as prod_password are left alone (throwawaySecrets): a demo's or
/// a stub's value, not a chosen one.
/// </summary>
public sealed class WeakSecretRule : IViewRule
{
    public const int MinimumBytes = 32;
    public const double MinimumBitsPerChar = 3.0;

    public string Id => "CG0010";

    public void Analyze(EnvironmentView view, FindingSink sink)
    {
        if (!view.Class.IsDeployable()) return;
        foreach (var e in view.Entries)
        {
            var value = e.Value.Trim();
            if (value.Length == 0) continue;
            bool signing = sink.Pack.Keys.SigningSecretKeys.Matches(e.NormalizedKey);
            if (!signing && !sink.Pack.Keys.CommittedSecrets.IsSecretKey(e.NormalizedKey)) continue;
            if (ValueFacts.IsReference(value) || sink.Pack.Keys.IsPlaceholder(e.NormalizedKey, value)) continue; // a placeholder is CG0008's
            var why = signing ? Weakness(value) : null;
            // Other secrets (passwords, API secrets) count in staging's and production's own files only: a base file's, or
            // a developer's local override's (.env.staging.local), are what one machine runs, not what a deployment runs.
            bool own = !e.Inherited && e.File.Environment.Class.IsDeployable() && !e.File.Environment.IsLocalOverride;
            if (why is null && (signing || own) && !sink.Pack.Keys.CommittedSecrets.IsThrowaway(value) && !sink.Pack.Keys.CommittedSecrets.IsStoreValue(value)
                && GuessableSecret.IsGuessable(value, sink.Pack))
                why = "readable words that name it or its environment, guessable";
            if (why is null) continue;
            sink.Report(Id, e.File.Path, e.Entry.ValueSpan, e.Key, view.Name,
                $"{e.Key} in {view.Reach(e)} is a weak secret ({why}); generate one with `openssl rand -base64 48` and keep it in a secret store",
                value, Redaction.Redactor.Redact(value), secret: value);
        }
    }

    /// <summary>Why a secret is weak, or null when it is long and random enough.</summary>
    public static string? Weakness(string value)
    {
        int bytes = Encoding.UTF8.GetByteCount(value);
        if (bytes < MinimumBytes) return $"{bytes} bytes, needs at least {MinimumBytes}";
        var bits = ShannonBitsPerChar(value);
        if (bits < MinimumBitsPerChar) return $"low entropy: {bits:0.0} bits per character";
        return null;
    }

    public static double ShannonBitsPerChar(string value)
    {
        var counts = new Dictionary<char, int>();
        foreach (var c in value) counts[c] = counts.TryGetValue(c, out var n) ? n + 1 : 1;
        double h = 0;
        foreach (var n in counts.Values)
        {
            double p = (double)n / value.Length;
            h -= p * Math.Log(p, 2);
        }
        return h;
    }
}
