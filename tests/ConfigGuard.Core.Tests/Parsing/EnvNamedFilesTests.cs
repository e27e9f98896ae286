using ConfigGuard.Core.Environments;
using ConfigGuard.Core.Model;
using ConfigGuard.Core.Parsing;
using Xunit;

namespace ConfigGuard.Core.Tests.Parsing;

/// <summary>Files named like `.env` that are not dotenv, and comment styles teams use in real dotenv files.</summary>
public class EnvNamedFilesTests
{
    [Theory]
    [InlineData(".env.development.yml")]
    [InlineData(".env.staging.yaml")]
    [InlineData(".env.config.js")]
    [InlineData(".env.production.sh")]
    [InlineData(".env.schema.json")]
    [InlineData(".xcode.env")]
    [InlineData(".xcode.env.local")]
    public void A_file_of_another_format_named_like_env_is_not_read_as_dotenv(string name)
    {
        Assert.Null(ConfigFileKind.Detect(name));
    }

    [Theory]
    [InlineData(".env")]
    [InlineData(".env.staging")]
    [InlineData(".env.production.local")]
    [InlineData(".env.bak")]
    [InlineData("payments.env")]
    [InlineData(".env.stg")]
    [InlineData("appsettings.Production.json")]
    public void Dotenv_and_appsettings_names_are_still_read(string name)
    {
        Assert.Equal(name.StartsWith("appsettings", StringComparison.Ordinal) ? ConfigFormat.AppSettingsJson : ConfigFormat.DotEnv, ConfigFileKind.Detect(name));
    }

    [Fact]
    public void A_slash_slash_comment_line_is_a_comment_not_a_parse_error()
    {
        var parsed = DotEnvParser.Parse(".env.staging", "// bakery staging settings\nOVEN_URL=https://oven.staging.example\n  // temperature in celsius\nOVEN_TEMP=180\n");

        Assert.Empty(parsed.Errors);
        Assert.Equal(new[] { "OVEN_URL", "OVEN_TEMP" }, parsed.Entries.Select(e => e.Key));
        Assert.Equal(2, parsed.Comments.Count);
    }

    [Fact]
    public void A_bare_word_line_is_still_an_error()
    {
        var parsed = DotEnvParser.Parse(".env.staging", "OVEN_URL=https://oven.staging.example\nOVEN_TEMP\n");

        var error = Assert.Single(parsed.Errors);
        Assert.Equal(2, error.Span.StartLine);
    }
}
