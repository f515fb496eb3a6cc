namespace Portal.Domain.Quotas;

/// <summary>
/// Whom portal limits cover: one user (<c>user:&lt;actor id&gt;</c>), the members of a group (<c>group:&lt;name&gt;</c>),
/// or everyone (<c>everyone</c>, the default), written like budget scopes.
/// </summary>
public readonly record struct LimitScope
{
    public const string UserPrefix = ScopeText.UserPrefix;
    public const string GroupPrefix = ScopeText.GroupPrefix;
    public const string EveryoneText = "everyone";
    public const int MaxLength = ScopeText.MaxLength;

    private LimitScope(LimitScopeKind kind, string value)
    {
        Kind = kind;
        Value = value;
    }

    public LimitScopeKind Kind { get; }

    /// <summary>The actor id, the group name, or empty for everyone.</summary>
    public string Value { get; }

    public static LimitScope Everyone { get; } = new(LimitScopeKind.Everyone, string.Empty);

    public static LimitScope User(string actorId) => Parse(UserPrefix + actorId);

    public static LimitScope Group(string name) => Parse(GroupPrefix + name);

    public static LimitScope Parse(string? text) =>
        TryParse(text, out var scope)
            ? scope
            : throw new DomainException($"'{text}' is not a limit scope: use 'everyone', 'user:<user id>' (for example 'user:local:ada') or 'group:<group name>'.");

    public static bool TryParse(string? text, out LimitScope scope)
    {
        scope = default;
        if (string.Equals(text?.Trim(), EveryoneText, StringComparison.OrdinalIgnoreCase))
        {
            scope = Everyone;
            return true;
        }

        if (!ScopeText.TryParse(text, out var isGroup, out var value))
        {
            return false;
        }

        scope = new LimitScope(isGroup ? LimitScopeKind.Group : LimitScopeKind.User, value);
        return true;
    }

    /// <summary>How refusals name where a limit comes from: "your own limit", "limit for group 'Team X'", "default limit".</summary>
    public string Describe() => Kind switch
    {
        LimitScopeKind.User => "your own limit",
        LimitScopeKind.Group => $"limit for group '{Value}'",
        _ => "default limit",
    };

    public override string ToString() => Kind switch
    {
        LimitScopeKind.User => UserPrefix + Value,
        LimitScopeKind.Group => GroupPrefix + Value,
        _ => EveryoneText,
    };
}

/// <summary>The three kinds of <see cref="LimitScope"/>.</summary>
public enum LimitScopeKind
{
    Everyone,
    Group,
    User,
}
