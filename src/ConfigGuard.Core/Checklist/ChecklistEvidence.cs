namespace ConfigGuard.Core.Checklist;

/// <summary>Why a row failed: a finding, or a check the checklist makes itself (RuleId null). Messages are already redacted.</summary>
public sealed class ChecklistEvidence
{
    public ChecklistEvidence(string? ruleId, string path, int line, int column, string? key, string message)
    {
        RuleId = ruleId;
        Path = path;
        Line = line;
        Column = column;
        Key = key;
        Message = message;
    }

    public string? RuleId { get; }
    public string Path { get; }
    public int Line { get; }
    public int Column { get; }
    public string? Key { get; }
    public string Message { get; }

    public string Location => $"{Path}:{Line}:{Column}";
}
