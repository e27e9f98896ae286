using ConfigGuard.Scanning.Discovery;
using Xunit;

namespace ConfigGuard.Cli.Tests;

/// <summary>
/// RegularFile reads a file into one array the size of the file plus a spare byte, and says in Size how much of it
/// is content: every reader takes the content from Content or Decode, never from the array's length.
/// </summary>
public class RegularFileReadTests
{
    public static TheoryData<int> Sizes => new() { 0, 1, 300, 4095, 4096, 4097, 70_000 };

    [Theory]
    [MemberData(nameof(Sizes))]
    public void The_content_is_exactly_the_files_bytes_whatever_its_size(int size)
    {
        using var tmp = new TempDir();
        var text = string.Concat(Enumerable.Range(0, size).Select(i => (char)('a' + i % 26)));
        var path = tmp.Write("app.env", text);
        foreach (var read in new[] { RegularFile.ReadWithoutMonoUnix(path, 1 << 20), RegularFile.Read(path, 1 << 20) })
        {
            Assert.Equal(RegularFile.Outcome.Read, read.Outcome);
            Assert.Equal(size, read.Size);
            Assert.Equal(size, read.Content.Length);
            Assert.Equal(text, read.Decode(out var notice));
            Assert.Null(notice);
        }
    }

    [Fact]
    public void A_file_at_the_cap_is_read_and_one_byte_over_it_is_too_large()
    {
        using var tmp = new TempDir();
        var at = tmp.Write("at.env", new string('k', 100));
        var over = tmp.Write("over.env", new string('k', 101));
        Assert.Equal(100, RegularFile.ReadWithoutMonoUnix(at, 100).Content.Length);
        Assert.Equal(RegularFile.Outcome.TooLarge, RegularFile.ReadWithoutMonoUnix(over, 100).Outcome);
    }

    [Fact]
    public void A_file_with_a_bad_byte_is_decoded_with_a_notice_about_it()
    {
        using var tmp = new TempDir();
        var path = tmp.WriteBytes("bad.env", new byte[] { (byte)'A', (byte)'=', 0xC3, (byte)'\n' });
        var read = RegularFile.ReadWithoutMonoUnix(path, 1 << 20);
        Assert.Equal("A=\uFFFD\n", read.Decode(out var notice));
        Assert.Contains("not valid UTF-8", notice);
    }
}
