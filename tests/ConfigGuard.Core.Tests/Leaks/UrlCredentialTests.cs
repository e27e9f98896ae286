using ConfigGuard.Core.Catalog;
using ConfigGuard.Core.Endpoints;
using ConfigGuard.Core.Redaction;
using ConfigGuard.Core.Resources;
using ConfigGuard.Core.Tests.Rules;
using ConfigGuard.Core.Text;
using Xunit;

namespace ConfigGuard.Core.Tests.Leaks;

/// <summary>
/// URL userinfo read as RFC 3986 does once a password's raw '/' and '@' are taken as data: the LAST '@' followed by a
/// host ends the userinfo, so no part of a password becomes a host, a database or a printed value.
/// </summary>
public class UrlCredentialTests
{
    // Hostile passwords written for these tests: raw '/', raw '@', both, percent-encoded, a '?' and a '#'.
    public static TheoryData<string> Passwords => new()
    {
        "Zq7/wr9@Kp3mVx8LtYe2",
        "Hj5@Wq9/Nm2Rt7Yu4Pl",
        "a@b@c/d/e@Fg8Hj2Kl",
        "Pw%2Fenc%40oded9Qx",
        "Mk4?Lp7#Nz2/Vb8@Xc",
        "//@@//Yt6Re3",
    };

    [Theory]
    [MemberData(nameof(Passwords))]
    public void Userinfo_ends_at_the_last_at_sign_before_the_host(string password)
    {
        var value = $"postgres://svc:{password}@prod-db.acme.internal:5432/orders";
        var url = Assert.Single(UrlParts.FindAll(value));
        Assert.Equal("svc:" + password, url.UserInfo(value));
        Assert.Equal("prod-db.acme.internal:5432", url.Hosts(value));
        Assert.Equal("/orders", url.Path(value));
    }

    [Theory]
    [MemberData(nameof(Passwords))]
    public void Endpoints_are_the_host_and_database_never_a_piece_of_the_password(string password)
    {
        var parts = EndpointExtractor.Extract("DATABASE_URL", $"postgres://svc:{password}@prod-db.acme.internal:5432/orders", RulePack.Default.Keys);
        Assert.Equal(new[] { "prod-db.acme.internal", "orders" }, parts.Select(p => p.Text));
    }

    [Theory]
    [MemberData(nameof(Passwords))]
    public void Redaction_masks_the_whole_password(string password)
    {
        var shown = UrlRedaction.RedactPasswords($"redis://default:{password}@cache.acme.internal:6379/0");
        Assert.Equal("redis://default:****@cache.acme.internal:6379/0", shown);
    }

    [Theory]
    [MemberData(nameof(Passwords))]
    public void Shared_resource_is_described_by_host_and_database_only(string password)
    {
        var id = ResourceIdentifier.Identify("DATABASE_URL", $"postgres://svc:{password}@prod-db.acme.internal:5432/orders", RulePack.Default.Keys);
        Assert.NotNull(id);
        Assert.Equal("postgres database 'orders' on prod-db.acme.internal:5432", id!.Description);
    }

    [Theory]
    [MemberData(nameof(Passwords))]
    public void No_finding_of_any_rule_carries_the_password(string password)
    {
        var findings = Scan.Files(
            (".env.staging", $"APP_ENV=staging\nDATABASE_URL=postgres://svc:{password}@prod-db.acme.internal:5432/orders\nREDIS_URL=redis://:{password}@redis.stg.acme.internal:6379\n"),
            (".env.production", $"APP_ENV=production\nDATABASE_URL=postgres://svc:{password}@prod-db.acme.internal:5432/orders\nREDIS_URL=redis://:{password}@redis.prd.acme.internal:6379\n"));
        // One mistake, one finding: the shared production database is CG0002 with CG0005's facts in its message.
        Assert.Contains(findings, f => f.RuleId == "CG0002" && f.Message.Contains("'prod-db.acme.internal'") && f.Message.Contains("also CG0005"));
        foreach (var f in findings)
        {
            var shown = f.Message + "\n" + f.RedactedValue + "\n" + string.Join("\n", f.Related.Select(r => r.Message));
            foreach (var piece in password.Split('/', '@', '?', '#').Where(p => p.Length >= 4)) Assert.DoesNotContain(piece, shown);
        }
    }

    [Theory]
    [InlineData("https://api.acme.example/v1/users?email=ops@acme.example", "api.acme.example")]
    [InlineData("https://api.acme.example:8443/p?e=a@b.example", "api.acme.example:8443")]
    [InlineData("https://git.acme.example/team/@scope/pkg", "git.acme.example")]
    [InlineData("mongodb://u:p@a.example:27017,b.example:27017/db", "a.example:27017,b.example:27017")]
    [InlineData("jdbc:postgresql://db.acme.example/shop", "db.acme.example")]
    public void An_at_sign_in_the_path_or_query_is_not_userinfo(string value, string hosts)
    {
        var url = Assert.Single(UrlParts.FindAll(value));
        Assert.Equal(hosts, url.Hosts(value));
    }

    [Theory]
    [InlineData("https://ghp_Ab12Cd34Ef56Gh78Ij90@github.com/acme/deploy", "https://****@github.com/acme/deploy")]
    [InlineData("https://x-access-token:Tk9Lm8Nb7Vc6Xz5@github.com/acme/deploy", "https://x-access-token:****@github.com/acme/deploy")]
    [InlineData("https://github.com/acme/deploy?ref=v1&access_token=Qa1Ws2Ed3Rf4Tg5", "https://github.com/acme/deploy?ref=v1&access_token=****")]
    [InlineData("https://acme.blob.core.windows.net/c?sv=2022&sig=Ab%2Bcd12Ef34Gh", "https://acme.blob.core.windows.net/c?sv=2022&sig=****")]
    [InlineData("DefaultEndpointsProtocol=https;AccountName=acmeprd;AccountKey=Qw3Er5Ty7Ui9==;EndpointSuffix=core.windows.net",
        "DefaultEndpointsProtocol=https;AccountName=acmeprd;AccountKey=****;EndpointSuffix=core.windows.net")]
    public void Tokens_in_userinfo_and_query_are_masked(string value, string expected)
    {
        Assert.Equal(expected, UrlRedaction.RedactPasswords(value));
    }

    [Theory]
    [MemberData(nameof(Passwords))]
    public void CG0013_finds_a_committed_url_password_whole_whatever_it_holds_and_prints_no_part_of_it(string password)
    {
        foreach (var scheme in new[] { "postgres", "mysql", "mongodb", "redis", "amqps" })
        {
            var value = $"{scheme}://svc:{password}@db7.acme.example:5432/orders";
            var f = Assert.Single(Scan.Rule("CG0013", (".env.production", $"APP_ENV=production\nDATABASE_URL={value}\n")));
            Assert.Contains(password, f.RawValue);
            var printed = f.Message + " " + f.RedactedValue;
            for (int i = 0; i + 8 <= password.Length; i++)
                Assert.DoesNotContain(password.Substring(i, 8), printed);
            Assert.Contains("****", printed);
        }
    }

    [Theory]
    [InlineData("postgres://db7.acme.example:5432/orders?contact=ops@acme.example")]
    [InlineData("postgres://svc@db7.acme.example:5432/orders")]
    [InlineData("mysql://db7.acme.example/orders#owner@acme")]
    [InlineData("redis://cache.acme.example:6379/0")]
    public void CG0013_does_not_read_a_query_or_fragment_address_as_a_url_password(string value)
    {
        Assert.Empty(Scan.Rule("CG0013", (".env.production", $"APP_ENV=production\nDATABASE_URL={value}\n")));
    }
}
