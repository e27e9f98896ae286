using ConfigGuard.Core.Endpoints;
using ConfigGuard.Core.Tests.Rules;
using Xunit;

namespace ConfigGuard.Core.Tests.CrossEnvironment;

/// <summary>
/// Values that look like hosts, databases or buckets and are not: listen addresses, SQL Server's local forms,
/// deploy-time references, counts under HOST/BUCKET-ish keys. None is compared between staging and production;
/// the neighbouring real endpoint in the same files still is.
/// </summary>
public class WhatAValueIsTests
{
    private static List<Core.Model.Finding> SeparationFindings(string staging, string production) =>
        Scan.Files((".env.staging", "APP_ENV=staging\n" + staging), (".env.production", "APP_ENV=production\n" + production))
            .Where(f => f.RuleId is "CG0002" or "CG0005").ToList();

    private static List<string> Keys(IEnumerable<Core.Model.Finding> findings) => findings.Select(f => f.Key!).Distinct().ToList();

    [Fact]
    public void Listen_addresses_are_not_endpoints()
    {
        const string both =
            "BIND_HOST=0.0.0.0\nLISTEN_ADDRESS=:8080\nSERVER_HOST=*\nASPNETCORE_URLS=http://+:80;https://+:443\nKESTREL_ENDPOINT=http://0.0.0.0:5000\n" +
            "GRPC_SERVER=[::]:50051\nHOST=::\nORDERS_DB_HOST=orders-db.tallow-retail.net\n";
        Assert.Equal(new[] { "ORDERS_DB_HOST" }, Keys(SeparationFindings(both, both)));
    }

    [Fact]
    public void Sql_server_local_forms_are_the_developer_machine()
    {
        const string baseJson = "{\"ConnectionStrings\":{\"Main\":\"Server=.;Database=Ledger;Trusted_Connection=True\",\"Dev\":\"Server=(localdb)\\\\MSSQLLocalDB;Database=Ledger\",\"Express\":\"Data Source=.\\\\SQLEXPRESS;Initial Catalog=Ledger\",\"Reports\":\"Server=sql-reports.tallow-retail.net;Database=Ledger\"}}";
        var findings = Scan.Files(("appsettings.json", baseJson), ("appsettings.Staging.json", baseJson))
            .Where(f => f.RuleId is "CG0002" or "CG0005").ToList();
        Assert.Equal(new[] { "ConnectionStrings:Reports" }, Keys(findings));
    }

    [Fact]
    public void Unexpanded_references_are_not_judged()
    {
        const string both =
            "ORDERS_API=${APP_URL}/v1\nBILLING_URL=$(BILLING_HOST)/api\nCALLBACK_HOST=%PUBLIC_HOST%\nDB_HOST=#{DbServer}#\nCACHE_HOST=__CacheHost__\n" +
            "SEARCH_URL=https://%SEARCH_HOST%/q\nREDIS_URL=redis://{{ .Values.redisHost }}:6379\nSESSION_SECRET=%SESSION_SECRET%\nJWT_SECRET=#{JwtSecret}#\n" +
            "DATABASE_URL=postgres://u@pg.tallow-retail.net/ledger\n";
        var findings = Scan.Files((".env.staging", "APP_ENV=staging\n" + both), (".env.production", "APP_ENV=production\n" + both));
        Assert.Equal(new[] { "DATABASE_URL" }, Keys(findings.Where(f => f.RuleId is "CG0002" or "CG0005")));
        Assert.DoesNotContain(findings, f => f.RuleId == "CG0010"); // a reference is no weak secret
    }

    [Fact]
    public void Counts_under_bucket_and_host_keys_are_not_buckets_or_hosts()
    {
        const string both = "N_BUCKETS=42\nBUCKET_COUNT=16\nS3_BUCKET_REGION=eu-west-1\nMAX_HOSTS=10\nHOST=3000\nCONTAINER_NAME=api\nINVOICE_BUCKET=tallow-invoices\n";
        Assert.Equal(new[] { "INVOICE_BUCKET" }, Keys(SeparationFindings(both, both)));
    }

    [Theory]
    [InlineData("${APP_URL}/v1")]
    [InlineData("$(VAR)")]
    [InlineData("%VAR_NAME%")]
    [InlineData("#{Token}#")]
    [InlineData("__Token__")]
    [InlineData("{{ .Values.x }}")]
    [InlineData("<%= ENV['X'] %>")]
    [InlineData("@db.host@")]
    [InlineData("$HOST:8080")]
    public void Reference_forms(string value) => Assert.True(ValueReference.IsReference(value));

    [Theory]
    [InlineData("pa$$word-literal")]
    [InlineData("https://tallow-retail.net/a%20b")]
    [InlineData("user@example.org")]
    [InlineData("snake__case")]
    public void Literals_are_not_references(string value) => Assert.False(ValueReference.IsReference(value));

    [Theory]
    [InlineData("0.0.0.0", false)]
    [InlineData("+", false)]
    [InlineData("*", false)]
    [InlineData("", false)]
    [InlineData(".", false)]
    [InlineData("(localdb)", false)]
    [InlineData("42", false)]
    [InlineData("redis", false)]
    [InlineData("ops@tallow-retail.net", false)]
    [InlineData("db.tallow-retail.net", true)]
    [InlineData("PG-MAIN.tallow-retail.net", true)]
    public void Remote_names(string host, bool remote) => Assert.Equal(remote, HostFacts.IsRemoteName(host));

    [Fact]
    public void Links_shown_to_people_are_not_endpoints()
    {
        // The team's own domain (the API host differs per environment), but these are pages people read.
        const string pages = "HELP_CENTRE_LINK=https://help.tallow-retail.net/hc/articles/123\nTERMS_URL=https://tallow-retail.net/terms\n" +
            "RETURNS_GUIDE=https://help.tallow-retail.net/how-to-return-an-order\nORDERS_API=https://orders.tallow-retail.net/v1\n";
        var findings = SeparationFindings("API_URL=https://api.stg.tallow-retail.net\n" + pages, "API_URL=https://api.tallow-retail.net\n" + pages);
        Assert.Equal(new[] { "ORDERS_API" }, Keys(findings));
    }

    [Fact]
    public void Help_centre_articles_under_ordinary_url_keys_are_pages_but_an_api_route_named_articles_is_not()
    {
        // Key names say nothing here; the path does: Zendesk's /hc/<locale>/articles/<id>, a bare /faq page.
        const string shared = "REFUND_DELAY_URL=https://aide.tallow-retail.net/hc/fr/articles/90210\n" +
            "VOUCHER_RULES_URL=https://tallow-retail.net/faq\n" +
            "CATALOGUE_FEED_URL=https://cms.tallow-retail.net/api/articles\n";
        var findings = SeparationFindings("API_URL=https://api.stg.tallow-retail.net\n" + shared, "API_URL=https://api.tallow-retail.net\n" + shared);
        Assert.Equal(new[] { "CATALOGUE_FEED_URL" }, Keys(findings.Where(f => f.RuleId == "CG0002")));
    }

    [Fact]
    public void Host_lists_and_type_names_are_what_they_are()
    {
        const string both = "KAFKA_BROKERS=kafka-01,kafka-02,kafka-03\nCONNECTIONSTRINGS__SHOP_PROVIDERNAME=Microsoft.Data.Sqlite\nDB_DRIVER=org.postgresql.Driver\n" +
            "ELASTICSEARCH_HOST=search-1.tallow-retail.net:9200,search-2.tallow-retail.net:9200\n";
        Assert.Equal(new[] { "ELASTICSEARCH_HOST" }, Keys(SeparationFindings(both, both)));
    }
}
