namespace Portal.Domain.Sessions;

/// <summary>Who is asking: a stable identity, the name people see, and whether they are an admin.</summary>
public sealed record Actor
{
    /// <param name="id">
    /// Stable and unique (Entra: tenant and object id; local sign-in: <c>local:&lt;name&gt;</c>); sessions belong to it.
    /// Never a display name or e-mail address, which can change hands.
    /// </param>
    /// <param name="name">What the portal shows: a user name or e-mail address.</param>
    public Actor(string id, string name, bool isAdmin)
    {
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
    }

    /// <summary>An actor whose identity is its name (tests, tools).</summary>
    public Actor(string name, bool isAdmin)
        : this(name, name, isAdmin)
    {
    }

    public string Id { get; }

    public string Name { get; }

    public bool IsAdmin { get; }

    /// <summary>Users see and control their own sessions; admins see and control every session.</summary>
    public bool CanAccess(Session session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return IsAdmin || string.Equals(session.Owner, Id, StringComparison.Ordinal);
    }
}
