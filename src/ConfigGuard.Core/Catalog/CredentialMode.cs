namespace ConfigGuard.Core.Catalog;

public enum CredentialMode
{
    /// <summary>A production key (Stripe sk_live_).</summary>
    Live,
    /// <summary>A sandbox or test-mode key (Stripe sk_test_).</summary>
    Test,
    /// <summary>A real secret with no live/test split (AWS, GitHub, Slack tokens).</summary>
    Generic,
}
