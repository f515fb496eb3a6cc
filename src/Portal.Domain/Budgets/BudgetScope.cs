namespace Portal.Domain.Budgets;

/// <summary>Whom a budget covers: one user (<c>user:&lt;actor id&gt;</c>) or the members of a group (<c>group:&lt;name&gt;</c>).</summary>
public readonly record struct BudgetScope
{
    public const string UserPrefix = ScopeText.UserPrefix;
    public const string GroupPrefix = ScopeText.GroupPrefix;
    public const int MaxLength = ScopeText.MaxLength;

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
        if (!ScopeText.TryParse(text, out var isGroup, out var value))
        {
            scope = default;
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
