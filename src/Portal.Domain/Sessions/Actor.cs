namespace Portal.Domain.Sessions;

/// <summary>Who is asking: a signed-in user name and whether they are an admin.</summary>
public sealed record Actor
{
    public Actor(string name, bool isAdmin)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new DomainException("An actor needs a user name.");
        }

        Name = name;
        IsAdmin = isAdmin;
    }

    public string Name { get; }

    public bool IsAdmin { get; }

    /// <summary>Users see and control their own sessions; admins see and control every session.</summary>
    public bool CanAccess(Session session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return IsAdmin || string.Equals(session.Owner, Name, StringComparison.Ordinal);
    }
}
