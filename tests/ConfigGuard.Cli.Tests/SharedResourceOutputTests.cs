using System.Text.Json;
using ConfigGuard.Tests;
using Xunit;

namespace ConfigGuard.Cli.Tests;

public class SharedResourceOutputTests
{
    [Fact]
    public void Sarif_gives_the_production_line_as_related_location_of_CG0005()
    {
        var r = Cli.Run(RepoPaths.Root, "check", "samples/staging-leak", "--format", "sarif");
        Assert.Equal(1, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Stdout);
        var results = doc.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToList();
        var bucket = results.Single(x => x.GetProperty("ruleId").GetString() == "CG0005"
            && x.GetProperty("message").GetProperty("text").GetString()!.StartsWith("UPLOADS_BUCKET", StringComparison.Ordinal));
        var loc = bucket.GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.Equal("samples/staging-leak/.env.staging", loc.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal(7, loc.GetProperty("region").GetProperty("startLine").GetInt32());
        var related = bucket.GetProperty("relatedLocations")[0].GetProperty("physicalLocation");
        Assert.Equal("samples/staging-leak/.env.production", related.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal(7, related.GetProperty("region").GetProperty("startLine").GetInt32());
        Assert.DoesNotContain("s3cr3t-pass", r.Stdout);
    }
}
