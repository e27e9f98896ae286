using System.Security.Cryptography;
using Xunit;

namespace ConfigGuard.Cli.Tests;

/// <summary>Commands write only what they are asked to, where they are asked to: no option injection into git, no write through a planted link.</summary>
public class WriteSafetyTests
{
    private static string Hash(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));

    private static TempDir Repo()
    {
        var tmp = GitRepo.Init();
        tmp.Write(".env.staging", "APP_ENV=staging\nLOG_LEVEL=info\n");
        tmp.Write(".env.production", "APP_ENV=production\nLOG_LEVEL=warn\n");
        tmp.Git("add", "-A");
        tmp.Git("commit", "-q", "-m", "init");
        return tmp;
    }

    [Theory]
    [InlineData("--diff=--output=planted.txt")]
    [InlineData("--diff=--output=.git/index")]
    [InlineData("--diff=-o/tmp/cg-planted")]
    [InlineData("--diff=--ext-diff")]
    public void A_diff_base_that_looks_like_an_option_never_reaches_git_as_one(string arg)
    {
        using var tmp = Repo();
        var index = Hash(Path.Combine(tmp.Path, ".git", "index"));
        var before = Directory.GetFileSystemEntries(tmp.Path).OrderBy(x => x).ToList();
        var r = Cli.Run(tmp.Path, "check", arg);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("--diff needs a revision", r.Stderr);
        Assert.Equal(before, Directory.GetFileSystemEntries(tmp.Path).OrderBy(x => x).ToList());
        Assert.Equal(index, Hash(Path.Combine(tmp.Path, ".git", "index")));
        Assert.False(File.Exists("/tmp/cg-planted"));
    }

    [Fact]
    public void A_real_base_still_works()
    {
        using var tmp = Repo();
        var r = Cli.Run(tmp.Path, "check", "--diff", "HEAD");
        Assert.True(r.ExitCode is 0 or 1, r.All);
    }

    [Fact]
    public void Init_force_writes_no_temporary_file_and_replaces_a_symlink_instead_of_writing_through_it()
    {
        using var tmp = Repo();
        using var outside = new TempDir();
        var victim = outside.Write("victim.txt", "precious\n");
        File.CreateSymbolicLink(Path.Combine(tmp.Path, "configguard.yaml"), victim);
        using var tmpdir = new TempDir();
        var r = Cli.RunWithEnvironment(tmp.Path, new Dictionary<string, string> { ["TMPDIR"] = tmpdir.Path }, "init", "--force");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("precious\n", File.ReadAllText(victim));
        var written = new FileInfo(Path.Combine(tmp.Path, "configguard.yaml"));
        Assert.Null(written.LinkTarget);
        Assert.Contains("written by `configguard init`", File.ReadAllText(written.FullName));
        Assert.Empty(Directory.GetFileSystemEntries(tmpdir.Path));
        Assert.DoesNotContain(Directory.GetFiles(tmp.Path), f => f.EndsWith(".tmp", StringComparison.Ordinal));
    }

    [Fact]
    public void Init_never_takes_a_piece_of_a_password_for_a_production_host()
    {
        using var tmp = Repo();
        tmp.Write(".env.production", "APP_ENV=production\nREDIS_URL=redis://:Hj5@Wq9x/Nm2Rt7Yu4Pl@redis.prd.acme.example:6379\nDATABASE_URL=postgres://svc:Zq7/wr9@Kp3mVx8.Lt@db.prd.acme.example/orders\n");
        var r = Cli.Run(tmp.Path, "init");
        Assert.Equal(0, r.ExitCode);
        var yaml = File.ReadAllText(Path.Combine(tmp.Path, "configguard.yaml"));
        Assert.Contains("- redis.prd.acme.example", yaml);
        Assert.Contains("- db.prd.acme.example", yaml);
        foreach (var piece in new[] { "Wq9x", "Nm2Rt7Yu4Pl", "Kp3mVx8", "wr9", "Hj5" }) Assert.DoesNotContain(piece, yaml);
    }
}
