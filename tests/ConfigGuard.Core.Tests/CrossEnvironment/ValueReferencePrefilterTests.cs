using ConfigGuard.Core.Endpoints;
using Xunit;

namespace ConfigGuard.Core.Tests.CrossEnvironment;

/// <summary>
/// ValueReference skips its regexes for a value with none of the characters a reference form needs. The quick test
/// may let a value through that is no reference, never stop one that is.
/// </summary>
public class ValueReferencePrefilterTests
{
    [Theory]
    [InlineData("${DB_HOST}")]
    [InlineData("$(API_URL)/v1")]
    [InlineData("{{ .Values.host }}")]
    [InlineData("#{Token}#")]
    [InlineData("<%= ENV['X'] %>")]
    [InlineData("https://%HOST%/x")]
    [InlineData("__Db_Password__")]
    [InlineData("@db.host@")]
    [InlineData("$HOST:8080")]
    [InlineData("$API_KEY")]
    public void Every_reference_form_passes_the_quick_test(string value)
    {
        Assert.True(ValueReference.MayHoldOne(value));
        Assert.True(ValueReference.IsReference(value));
    }

    [Theory]
    [InlineData("prod-db.internal")]
    [InlineData("postgres://app:pw@db:5432/app")]
    [InlineData("8080")]
    [InlineData("true")]
    [InlineData("sk_live_51HxExampleOnlyNotARealKeyQ3xZ")]
    public void Plain_values_are_judged_as_before(string value) =>
        Assert.Equal(ValueReference.MatchesAForm(value.Trim()), ValueReference.IsReference(value));

    [Fact]
    public void For_random_values_the_quick_test_never_hides_a_form()
    {
        // Letters, digits and every character the forms are made of, in short random strings.
        const string alphabet = "aZ09_-.:/$ {}()<>%@#=!'\"";
        var random = new Random(20261201);
        int forms = 0;
        for (int n = 0; n < 200_000; n++)
        {
            var chars = new char[random.Next(1, 14)];
            for (int i = 0; i < chars.Length; i++) chars[i] = alphabet[random.Next(alphabet.Length)];
            var v = new string(chars).Trim();
            if (v.Length == 0) continue;
            bool form = ValueReference.MatchesAForm(v);
            if (form) forms++;
            Assert.True(!form || ValueReference.MayHoldOne(v), $"'{v}' is a reference form the quick test would skip");
            Assert.Equal(form, ValueReference.IsReference(v));
        }
        Assert.True(forms > 1_000, $"only {forms} random values were reference forms: the test would prove little");
    }
}
