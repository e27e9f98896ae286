using ConfigGuard.Cli.Code;
using Xunit;

namespace ConfigGuard.Cli.Tests;

/// <summary>
/// The depth check that keeps a hostile C# source from reaching Roslyn's parser, whose unguarded recursion on nested
/// parentheses and type arguments overflows the stack (and a stack overflow ends the process).
/// </summary>
public class CSharpNestingTests
{
    [Theory]
    [InlineData("var x = 1;", 0)]
    [InlineData("class C { void M() { var a = new[] { (1, (2, 3)) }; } }", 5)]
    [InlineData("Dictionary<string, List<int>> d = new();", 2)]
    [InlineData("var s = \"((((((\"; var c = '('; // ((((((\n/* [[[[[[ */ var t = @\"{{{{\"\"{{{{\";", 0)]
    [InlineData("var r = \"\"\"\n  ((((( raw )))))\n  \"\"\";", 0)]
    public void Counts_brackets_and_type_arguments_outside_comments_and_literals(string source, int depth) =>
        Assert.Equal(depth, CSharpNesting.Deepest(source).Depth);

    [Fact]
    public void Comparisons_do_not_add_up_across_statements()
    {
        // `i < n` opens an angle that never closes; the count starts again at each statement.
        var source = string.Concat(Enumerable.Repeat("if (i < n) i++;\n", 1000));
        Assert.True(CSharpNesting.Deepest(source).Depth < 5);
    }

    [Fact]
    public void A_hostile_nest_is_over_the_limit_at_its_line()
    {
        var source = "// header\nvar builder = 1;\nvar x = " + new string('(', 20_000) + "1" + new string(')', 20_000) + ";\n";
        var (depth, line) = CSharpNesting.Deepest(source);
        Assert.Equal(20_000, depth);
        Assert.Equal(3, line);
        Assert.True(depth > CSharpNesting.Limit);
    }

    [Fact]
    public void Deeply_nested_generics_are_over_the_limit_too()
    {
        var source = "A" + string.Concat(Enumerable.Repeat("<A", 5_000)) + new string('>', 5_000) + " g = null;";
        Assert.True(CSharpNesting.Deepest(source).Depth > CSharpNesting.Limit);
    }
}
