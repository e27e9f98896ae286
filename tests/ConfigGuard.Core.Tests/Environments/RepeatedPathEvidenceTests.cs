using ConfigGuard.Core.Catalog;
using ConfigGuard.Core.Environments;
using ConfigGuard.Core.Model;
using ConfigGuard.Core.Settings;
using Xunit;

namespace ConfigGuard.Core.Tests.Environments;

/// <summary>
/// EnvironmentInference judges each file name and each folder once per scan: the answer for a second file of the same
/// name or folder must be the one it would get alone, local overrides included.
/// </summary>
public class RepeatedPathEvidenceTests
{
    private static EnvironmentAssignment Alone(string path, ConfigFormat format) =>
        new EnvironmentInference(RulePack.Default, ConfigGuardSettings.Empty).FromPath(path, format);

    public static TheoryData<string, ConfigFormat> Paths => new()
    {
        { "deploy/prod/.env", ConfigFormat.DotEnv },
        { "deploy/prod/.env.local", ConfigFormat.DotEnv },
        { "deploy/prod/app.env", ConfigFormat.DotEnv },
        { "deploy/prod/appsettings.json", ConfigFormat.AppSettingsJson },
        { "deploy/prod/appsettings.Staging.json", ConfigFormat.AppSettingsJson },
        { "svc/a/.env.staging", ConfigFormat.DotEnv },
        { "svc/b/.env.staging", ConfigFormat.DotEnv },
        { "svc/b/.env.staging.local", ConfigFormat.DotEnv },
        { "k/overlays/staging/kustomization.yaml", ConfigFormat.Kustomize },
        { "k/overlays/blue/kustomization.yaml", ConfigFormat.Kustomize },
        { "k/overlays/blue/.env", ConfigFormat.DotEnv },
        { "k/overlays/blue/config.env", ConfigFormat.Kustomize },
        { ".env", ConfigFormat.DotEnv },
        { ".env.local", ConfigFormat.DotEnv },
    };

    [Fact]
    public void One_inference_asked_in_any_order_answers_each_path_as_a_fresh_one_would()
    {
        var paths = Paths.Select(row => ((string)row[0], (ConfigFormat)row[1])).ToList();
        foreach (var order in new[] { paths, Enumerable.Reverse(paths).ToList() })
        {
            var shared = new EnvironmentInference(RulePack.Default, ConfigGuardSettings.Empty);
            foreach (var (path, format) in order.Concat(order))
            {
                var expected = Alone(path, format);
                var got = shared.FromPath(path, format);
                Assert.Equal((expected.Class, expected.Name, expected.Source, expected.Reason, expected.IsLocalOverride),
                    (got.Class, got.Name, got.Source, got.Reason, got.IsLocalOverride));
            }
        }
    }

    [Fact]
    public void A_local_override_and_the_shared_file_of_one_production_folder_keep_their_own_local_flag()
    {
        var shared = new EnvironmentInference(RulePack.Default, ConfigGuardSettings.Empty);
        var local = shared.FromPath("deploy/prod/.env.local", ConfigFormat.DotEnv);
        var plain = shared.FromPath("deploy/prod/.env", ConfigFormat.DotEnv);
        Assert.True(local.IsLocalOverride);
        Assert.False(plain.IsLocalOverride);
        Assert.Equal(EnvironmentClass.Production, plain.Class);
    }

    [Fact]
    public void A_filler_answer_is_the_same_when_asked_again()
    {
        var keys = RulePack.Default.Keys;
        foreach (var _ in new[] { 1, 2 })
        {
            Assert.True(keys.IsFiller("API_KEY", "changeme"));
            Assert.True(keys.IsFiller("DB_PASSWORD", "password"));
            Assert.False(keys.IsFiller("LOG_LEVEL", "password"));
            Assert.False(keys.IsFiller("API_KEY", "<API_KEY>"));
            Assert.True(keys.IsFiller("CONN", "Server=db;Password=change_me_user"));
        }
    }
}
