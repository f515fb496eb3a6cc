namespace Portal.Domain.Sessions;

/// <summary>The rules for a session's name: shown wherever sessions are listed, editable at launch and later.</summary>
public static class SessionName
{
    /// <summary>The longest name a session keeps.</summary>
    public const int MaxLength = 80;

    /// <summary>The name a session gets when the user gives none: its datasets and variable.</summary>
    public static string Default(SessionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var datasets = string.Join(" + ", request.Datasets.Distinct().Select(d => d.Value.ToUpperInvariant()));
        var variable = request.UsesReanalysis || request.VariableIds.Count == 0 ? request.Variable : string.Join(", ", request.VariableIds);
        return SessionText.Clip($"{datasets} · {variable}", MaxLength);
    }

    /// <summary>The problem with <paramref name="name"/>, or null when it can be a session's name.</summary>
    public static string? Problem(string? name) => name?.Trim() switch
    {
        null or "" => "Give the session a name.",
        { Length: > MaxLength } => $"A session name has at most {MaxLength} characters.",
        var trimmed when trimmed.Any(char.IsControl) => "A session name cannot contain control characters.",
        _ => null,
    };
}
