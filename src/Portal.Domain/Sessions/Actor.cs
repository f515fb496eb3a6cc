namespace Portal.Domain.Sessions;

/// <summary>Who is asking: a stable identity, the name people see, whether they are an admin, and their groups.</summary>
public sealed record Actor
{
    /// <param name="id">
    /// Stable and unique (Entra: tenant and object id; local sign-in: <c>local:&lt;name&gt;</c>); sessions belong to it.
    /// Never a display name or e-mail address, which can change hands.
    /// </param>
    /// <param name="name">What the portal shows: a user name or e-mail address.</param>
    public Actor(string id, string name, bool isAdmin)
        : this(id, name, isAdmin, [])
    {
    }

    /// <param name="groups">
    /// The groups the user belongs to (Entra: the <c>groups</c> claim; local sign-in: configuration); budgets of a group
    /// apply to its members. Blank entries are dropped, duplicates kept once.
    /// </param>
    public Actor(string id, string name, bool isAdmin, IEnumerable<string> groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        if (string.IsNullOrWhiteSpace(id))
        {
            throw new DomainException("An actor needs an identity.");
        }

        if (string.IsNullOrWhiteSpace(name))
        {
            throw new DomainException("An actor needs a user name.");
        }

        Id = id;
        Name = name;
        IsAdmin = isAdmin;
        var distinct = groups.Where(g => !string.IsNullOrWhiteSpace(g)).Select(g => g.Trim()).Distinct(StringComparer.Ordinal).ToArray();
        Groups = distinct.Length == 0 ? [] : distinct;
    }

    /// <summary>An actor whose identity is its name (tests, tools).</summary>
    public Actor(string name, bool isAdmin)
        : this(name, name, isAdmin)
    {
    }

    public string Id { get; }

    public string Name { get; }

    public bool IsAdmin { get; }

    /// <summary>The user's groups; empty unless the sign-in supplied some.</summary>
    public IReadOnlyList<string> Groups { get; }

    /// <summary>Users see and control their own sessions; admins see and control every session.</summary>
    public bool CanAccess(Session session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return IsAdmin || string.Equals(session.Owner, Id, StringComparison.Ordinal);
    }
}
