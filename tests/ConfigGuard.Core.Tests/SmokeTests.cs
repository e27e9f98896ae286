using ConfigGuard.Core.Text;
using Xunit;

namespace ConfigGuard.Core.Tests;

public class LineMapTests
{
    [Theory]
    [InlineData("a\nb", 2, 2, 1)]
    [InlineData("a\r\nb", 3, 2, 1)]
    [InlineData("a\rb", 2, 2, 1)]
    [InlineData("abc", 2, 1, 3)]
    public void Maps_offsets_to_lines_for_every_line_break_style(string text, int offset, int line, int column)
    {
        var map = new LineMap(text);
        Assert.Equal((line, column), map.GetPosition(offset));
    }
}
