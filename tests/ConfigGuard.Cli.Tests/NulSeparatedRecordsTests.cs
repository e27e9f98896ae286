using System.Text;
using ConfigGuard.Scanning.Discovery;
using Xunit;

namespace ConfigGuard.Cli.Tests;

/// <summary>git's -z listing read record by record from the stream, whatever size the pieces arrive in.</summary>
public class NulSeparatedRecordsTests
{
    /// <summary>A reader that hands out at most <c>chunk</c> characters per read, as a pipe may.</summary>
    private sealed class Trickle(string text, int chunk) : TextReader
    {
        private int _at;

        public override int Read(char[] buffer, int index, int count)
        {
            int n = Math.Min(Math.Min(count, chunk), text.Length - _at);
            text.CopyTo(_at, buffer, index, n);
            _at += n;
            return n;
        }
    }

    private static List<(char, string)> Read(string text, int chunk) =>
        NulSeparatedRecords.Read(new Trickle(text, chunk), skip: 2).Select(r => (r.First, r.Text)).ToList();

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(4096)]
    public void Records_split_across_reads_come_out_whole_with_their_tag(int chunk)
    {
        var records = Read("H services/a/.env\0? services/b/.env.staging\0H ünïcode/appsettings.json\0", chunk);
        Assert.Equal(new[] { ('H', "services/a/.env"), ('?', "services/b/.env.staging"), ('H', "ünïcode/appsettings.json") }, records);
    }

    [Fact]
    public void A_record_longer_than_the_buffer_and_a_last_record_without_its_NUL_are_read()
    {
        var longPath = string.Join('/', Enumerable.Repeat("folder", 5000)) + "/.env";
        var records = Read($"H {longPath}\0? last/.env", 7000);
        Assert.Equal(new[] { ('H', longPath), ('?', "last/.env") }, records);
    }

    [Fact]
    public void Empty_and_tag_only_records_are_left_out()
    {
        Assert.Equal(new[] { ('H', "a") }, Read("\0\0H \0H a\0H", 5));
    }
}
