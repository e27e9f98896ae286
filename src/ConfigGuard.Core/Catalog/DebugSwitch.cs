using System;
using System.Collections.Generic;

namespace ConfigGuard.Core.Catalog;

/// <summary>A debug or unsafe switch (CG0007): the keys it goes by and the values that turn it on.</summary>
public sealed class DebugSwitch
{
    public DebugSwitch(string keyPattern, IEnumerable<string> onValues)
    {
        Keys = new KeyPatternSet(new[] { keyPattern });
        OnValues = new HashSet<string>(onValues, StringComparer.OrdinalIgnoreCase);
        KeyPattern = keyPattern;
    }

    public string KeyPattern { get; }
    public KeyPatternSet Keys { get; }
    public ISet<string> OnValues { get; }
}
