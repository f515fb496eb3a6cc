namespace Portal.Domain.Budgets;

/// <summary>Whom a budget covers: one user (<c>user:&lt;actor id&gt;</c>) or the members of a group (<c>group:&lt;name&gt;</c>).</summary>
public readonly record struct BudgetScope
{
    public const string UserPrefix = "user:";
    public const string GroupPrefix = "group:";
    public const int MaxLength = 256;

    private BudgetScope(bool isGroup, string value)
    {
        IsGroup = isGroup;
        Value = value;
    }

    /// <summary>True for a group's budget, false for a user's.</summary>
    public bool IsGroup { get; }

    /// <summary>The actor id (<see cref="Sessions.Actor.Id"/>) or the group name, as the sign-in supplies it.</summary>
    public string Value { get; }

    public static BudgetScope User(string actorId) => Parse(UserPrefix + actorId);

    public static BudgetScope Group(string name) => Parse(GroupPrefix + name);

    public static BudgetScope Parse(string? text) =>
        TryParse(text, out var scope)
            ? scope
            : throw new DomainException($"'{text}' is not a budget scope: use 'user:<user id>' (for example 'user:local:ada') or 'group:<group name>'.");

    public static bool TryParse(string? text, out BudgetScope scope)
    {
        scope = default;
        if (string.IsNullOrWhiteSpace(text) || text.Trim().Length > MaxLength)
        {
            return false;
        }

        text = text.Trim();
        var isGroup = text.StartsWith(GroupPrefix, StringComparison.OrdinalIgnoreCase);
        if (!isGroup && !text.StartsWith(UserPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var value = text[(isGroup ? GroupPrefix.Length : UserPrefix.Length)..].Trim();
        if (value.Length == 0)
        {
            return false;
        }

        scope = new BudgetScope(isGroup, value);
        return true;
    }

    /// <summary>Whether a session or launch of <paramref name="ownerId"/>, a member of <paramref name="groups"/>, counts against this budget.</summary>
    public bool Covers(string ownerId, IReadOnlyCollection<string> groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        var value = Value;
        return IsGroup ? groups.Contains(value, StringComparer.Ordinal) : string.Equals(ownerId, value, StringComparison.Ordinal);
    }

    public override string ToString() => (IsGroup ? GroupPrefix : UserPrefix) + Value;
}
