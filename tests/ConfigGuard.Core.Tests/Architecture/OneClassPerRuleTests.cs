using ConfigGuard.Core.Engine;
using Xunit;

namespace ConfigGuard.Core.Tests.Architecture;

/// <summary>A rule ID is implemented by one class: a reader looking for CG0002 finds one type (its halves may be partial files).</summary>
public class OneClassPerRuleTests
{
    [Fact]
    public void Every_rule_id_has_one_class()
    {
        var shared = RuleSet.FileRules.Select(r => (r.Id, Type: r.GetType()))
            .Concat(RuleSet.ViewRules.Select(r => (r.Id, Type: r.GetType())))
            .Concat(RuleSet.PairRules.Select(r => (r.Id, Type: r.GetType())))
            .GroupBy(r => r.Id)
            .Where(g => g.Select(r => r.Type).Distinct().Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(r => r.Type.Name).Distinct())}")
            .ToList();
        Assert.True(shared.Count == 0, string.Join(Environment.NewLine, shared));
    }
}
