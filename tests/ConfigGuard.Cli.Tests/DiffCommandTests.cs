using System.Text.Json;
using ConfigGuard.Tests;
using Xunit;

namespace ConfigGuard.Cli.Tests;

public class DiffCommandTests
{
    [Fact]
    public void Shows_keys_side_by_side_with_missing_and_shared_values_and_no_secret()
    {
        var r = Cli.Run(RepoPaths.Root, "diff", "staging", "production", "samples/staging-leak");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains(r.Lines, l => l.StartsWith("samples/staging-leak/.env.staging (staging)  <->  samples/staging-leak/.env.production (production)", StringComparison.Ordinal));
        Assert.Contains(r.Lines, l => l.TrimStart().StartsWith("UPLOADS_BUCKET", StringComparison.Ordinal) && l.EndsWith("SHARED: bucket 'shop-uploads'", StringComparison.Ordinal));
        Assert.Contains(r.Lines, l => l.TrimStart().StartsWith("APP_ENV", StringComparison.Ordinal) && l.EndsWith("missing in staging", StringComparison.Ordinal));
        Assert.Contains(r.Lines, l => l.TrimStart().StartsWith("REDIS_URL", StringComparison.Ordinal) && l.EndsWith("missing in production", StringComparison.Ordinal));
        Assert.Contains(r.Lines, l => l.TrimStart().StartsWith("LOG_FORMAT", StringComparison.Ordinal) && l.EndsWith("same (base file)", StringComparison.Ordinal));
        Assert.Contains("sk_live_…Q3xZ", r.Stdout);
        // A row whose values differ says so, and nothing is cut: the connection string keeps its database name.
        Assert.Contains(r.Lines, l => l.TrimStart().StartsWith("STRIPE_SECRET_KEY", StringComparison.Ordinal) && l.EndsWith("different", StringComparison.Ordinal));
        Assert.Contains(r.Lines, l => l.TrimStart().StartsWith("ConnectionStrings:Default", StringComparison.Ordinal)
            && l.Contains("Host=db.production.internal;Database=shop_production;Username=shop;Password=****", StringComparison.Ordinal));
        Assert.DoesNotContain("…  ", r.Stdout);
        Assert.DoesNotContain(Fake.StripeLive, r.All);
        Assert.DoesNotContain("s3cr3t-pass", r.All);
        Assert.DoesNotContain("staging-jwt-key", r.All);
        Assert.DoesNotContain("secret123", r.All);
    }

    [Fact]
    public void Json_lists_every_pair_and_key()
    {
        var r = Cli.Run(RepoPaths.Root, "diff", "staging", "production", "samples/clean", "--format", "json");
        Assert.Equal(0, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Stdout);
        var pairs = doc.RootElement.GetProperty("pairs").EnumerateArray().ToList();
        Assert.Equal(3, pairs.Count); // .env, appsettings and the kustomize overlays
        var keys = pairs.SelectMany(p => p.GetProperty("keys").EnumerateArray()).ToList();
        Assert.DoesNotContain(keys, k => k.GetProperty("status").GetString() == "shared");
        Assert.Contains(keys, k => k.GetProperty("key").GetString() == "DEBUG" && k.GetProperty("status").GetString() == "different");
        Assert.DoesNotContain(Fake.StripeTest, r.All);
    }

    [Fact]
    public void Unknown_environment_is_a_usage_error()
    {
        var r = Cli.Run(RepoPaths.Root, "diff", "staging", "qa-eu", "samples/clean");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("no 'qa-eu' configuration found", r.Stderr);
    }
}
