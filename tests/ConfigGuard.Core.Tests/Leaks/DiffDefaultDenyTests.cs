using ConfigGuard.Core.Catalog;
using ConfigGuard.Core.Comparison;
using ConfigGuard.Core.Engine;
using ConfigGuard.Core.Model;
using Xunit;

namespace ConfigGuard.Core.Tests.Leaks;

/// <summary>`diff` prints a value only when it is known to be harmless; everything else is redacted.</summary>
public class DiffDefaultDenyTests
{
    private static string Show(string key, string value)
    {
        var sink = new AnalysisEngine(RulePack.Default).CreateSink();
        return DiffValueDisplay.Show(Model.KeyNames.Normalize(key), value, RulePack.Default, sink);
    }

    private static void Hidden(string secret, string shown)
    {
        for (int i = 0; i + 8 <= secret.Length; i++) Assert.DoesNotContain(secret.Substring(i, 8), shown);
    }

    // Written for this test: not a real key, PEM-shaped.
    private const string Pem = "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQDfakefakefake\nQm9ndXNLZXlGb3JUZXN0c09ubHlOb3RBUmVhbEtleUF0QWxs\n-----END PRIVATE KEY-----\n";

    [Theory]
    [InlineData("tls.key", Pem)]
    [InlineData("SIGNING_KEY", "Mn8Bv5Cx2Zl9Kj6Hg3Fd")]
    [InlineData("APP_SIGNING_KEY_PEM", Pem)]
    [InlineData("ADMIN_LOGIN", "s3cr3t-Passw0rd-For-Prod")]
    [InlineData("SETTING", "Qm9ndXNLZXlGb3JUZXN0c09ubHk")]
    [InlineData("NOTES", "correct\u202Ehorse")]
    [InlineData("MULTI", "line one\nline two")]
    public void Values_of_no_harmless_shape_are_redacted(string key, string value)
    {
        var shown = Show(key, value);
        Hidden(value.Trim(), shown);
        Assert.Contains("…", shown + (shown == "****" ? "…" : ""));
    }

    [Fact]
    public void An_azure_storage_connection_string_shows_its_account_not_its_key()
    {
        var accountKey = "Qw3Er5Ty7Ui9Op1As3Df5Gh7Jk9Lz2Xc4Vb6Nm8Qw0Er2Ty4Ui6Op8As0Df2Gh4Jk6Lz8Xc0Vb2Nm4Qw6Er8Ty0Ui2Op4==";
        var shown = Show("AzureWebJobsStorage", $"DefaultEndpointsProtocol=https;AccountName=acmeprd;AccountKey={accountKey};EndpointSuffix=core.windows.net");
        Assert.Equal("DefaultEndpointsProtocol=https;AccountName=acmeprd;AccountKey=****;EndpointSuffix=core.windows.net", shown);
    }

    [Theory]
    [InlineData("LOG_LEVEL", "Information")]
    [InlineData("WORKERS", "4")]
    [InlineData("TIMEOUT", "30s")]
    [InlineData("MEMORY_LIMIT", "512Mi")]
    [InlineData("FEATURE_X", "enabled")]
    [InlineData("APP_ENV", "production")]
    [InlineData("DB_HOST", "ip-10-0-1-2.ec2.internal")]
    [InlineData("API_BASE", "https://api.acme.example/v2")]
    [InlineData("ORIGINS", "https://a.acme.example,https://b.acme.example")]
    [InlineData("DATABASE_URL", "postgres://app:****@db.acme.internal:5432/shop")]
    [InlineData("APP_NAME", "Orders API")]
    public void Harmless_values_are_shown(string key, string value)
    {
        Assert.Equal(value, Show(key, value));
    }

    [Fact]
    public void Passwords_in_urls_are_masked_whatever_they_contain()
    {
        Assert.Equal("postgres://svc:****@db.acme.internal/shop", Show("DATABASE_URL", "postgres://svc:Zq7/wr9@Kp3mVx8@db.acme.internal/shop"));
    }

    [Fact]
    public void A_kustomize_secret_generator_file_and_a_signing_key_never_reach_the_diff()
    {
        var engine = new AnalysisEngine(RulePack.Default);
        string Kust(string body) => "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n" + body;
        var result = engine.Analyze(new List<SourceFile>
        {
            new("k/base/kustomization.yaml", Kust("resources: []\n")),
            new("k/overlays/staging/kustomization.yaml", Kust("resources: [../../base]\nsecretGenerator:\n- name: tls\n  files: [tls.key]\n  literals: [SIGNING_KEY=Lk8Jh6Gf4Ds2Aq1Ws3]\n")),
            new("k/overlays/staging/tls.key", Pem),
            new("k/overlays/production/kustomization.yaml", Kust("resources: [../../base]\nsecretGenerator:\n- name: tls\n  files: [tls.key]\n  literals: [SIGNING_KEY=Po9Iu7Yt5Re3Wq1Az2]\n")),
            new("k/overlays/production/tls.key", Pem.Replace("fake", "FAKE")),
        });
        var diffs = EnvironmentDiffBuilder.Build(result.Views, "staging", "production", RulePack.Default, engine.CreateSink());
        Assert.NotEmpty(diffs);
        var printed = string.Join("\n", diffs.SelectMany(d => d.Rows).Select(r => $"{r.Key} {r.Left} {r.Right} {r.SharedResource}"));
        Assert.Contains("tls.key", printed);
        Hidden("Lk8Jh6Gf4Ds2Aq1Ws3", printed);
        Hidden("Po9Iu7Yt5Re3Wq1Az2", printed);
        Hidden("MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQ", printed);
        Assert.DoesNotContain("BEGIN PRIVATE", printed);
    }

    [Theory]
    [InlineData("ConnectionStrings:Orders", "Server=sql.acme.internal;Database=orders_main;User ID=orders_app;Password=Zq7wr9Kp3mVx8Lb", "Server=sql.acme.internal;Database=orders_main;User ID=orders_app;Password=****")]
    [InlineData("ConnectionStrings:Default", "Host=pg.acme.internal;Database=shop_main;Username=shop", "Host=pg.acme.internal;Database=shop_main;Username=shop")]
    [InlineData("ORDERS_CONNECTION_STRING", "Data Source=sql.acme.internal;Initial Catalog=orders;Pwd=hunter2hunter2", "Data Source=sql.acme.internal;Initial Catalog=orders;Pwd=****")]
    [InlineData("ConnectionStrings:Bus", "Endpoint=sb://bus.acme.example/;SharedAccessKeyName=send;SharedAccessKey=Ab3Cd5Ef7Gh9Ij1Kl3Mn5Op7Qr9St1Uv3Wx5Yz7=", "Endpoint=sb://bus.acme.example/;SharedAccessKeyName=send;SharedAccessKey=****")]
    public void A_connection_string_under_a_secret_key_keeps_its_server_and_database_and_masks_the_rest(string key, string value, string expected)
    {
        Assert.Equal(expected, Show(key, value));
    }

    [Theory]
    // A keyword nobody listed is masked: default-deny per pair.
    [InlineData("ConnectionStrings:Odd", "Server=sql.acme.internal;Database=orders;Magic=Rt5Yu7Io9Pa2Sd4", "Rt5Yu7Io9Pa2Sd4")]
    // A quoted password holding ';' cannot be split safely: the whole value is redacted.
    [InlineData("ConnectionStrings:Quoted", "Server=sql.acme.internal;Password=\"Gh8;Jk2Lm4Nb6Vc\";Database=orders", "Jk2Lm4Nb6Vc")]
    [InlineData("ConnectionStrings:Bus", "Endpoint=sb://send:Tg5Hy7Uj9Ik1Ol3@bus.acme.example/;EntityPath=orders", "Tg5Hy7Uj9Ik1Ol3")]
    // No address in it: not a connection string this reads, so it stays redacted.
    [InlineData("ConnectionStrings:NoHost", "Database=orders;Password=Wq2Er4Ty6Ui8Op0", "Wq2Er4Ty6Ui8Op0")]
    public void Connection_string_secrets_never_show(string key, string value, string secret)
    {
        var shown = Show(key, value);
        Hidden(secret, shown);
        Assert.DoesNotContain(secret, shown);
    }
}
