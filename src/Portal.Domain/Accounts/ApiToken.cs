namespace Portal.Domain.Accounts;

/// <summary>What a personal API token may do.</summary>
public enum ApiTokenScope
{
    /// <summary>Reads only: lists, estimates, the catalogue. Calls that change anything are refused (403).</summary>
    Read,

    /// <summary>Everything its owner may do through the API.</summary>
    ReadWrite,
}

/// <summary>
/// A personal API token as stored: never the secret itself, only its SHA-256, and the identity it stands for as it was
/// when it was created (user id, name, admin role, groups). A call made with it acts as the owner's latest sign-in,
/// bounded by that identity (<see cref="ActingAs"/>).
/// </summary>
public sealed record ApiToken
{
    /// <summary>The prefix every token's secret starts with, so that scanners and the portal recognise it.</summary>
    public const string Prefix = "portal_pat_";

    /// <summary>The longest token lifetime, in days.</summary>
    public const int MaxLifetimeDays = 90;

    public const int MaxNameLength = 64;

    public required string Id { get; init; }

    /// <summary>The owner's actor id (<c>local:ada</c>, <c>entra:tenant/object</c>).</summary>
    public required string OwnerId { get; init; }

    public required string OwnerName { get; init; }

    public required bool OwnerIsAdmin { get; init; }

    public IReadOnlyList<string> OwnerGroups { get; init; } = [];

    /// <summary>What the owner called it ("laptop", "CI").</summary>
    public required string Name { get; init; }

    public required ApiTokenScope Scope { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset ExpiresAt { get; init; }

    public DateTimeOffset? RevokedAt { get; init; }

    /// <summary>The first characters of the secret after the prefix, so a user can tell tokens apart (never enough to use it).</summary>
    public required string Hint { get; init; }

    public bool IsActive(DateTimeOffset now) => RevokedAt is null && now < ExpiresAt;

    /// <summary>
    /// The token as it acts now: admin only while the owner's latest sign-in is still an admin's (a token never gains a
    /// role it was not created with), with the groups and name of that sign-in. Without a recorded sign-in (tokens made
    /// before sign-ins were recorded) the token keeps its name and groups and acts without the admin role.
    /// </summary>
    public ApiToken ActingAs(SignInRecord? latest)
    {
        if (latest is null || !string.Equals(latest.UserId, OwnerId, StringComparison.Ordinal))
        {
            return this with { OwnerIsAdmin = false };
        }

        return this with { OwnerName = latest.Name, OwnerIsAdmin = OwnerIsAdmin && latest.IsAdmin, OwnerGroups = latest.Groups };
    }
}

/// <summary>A token just created: the stored record and its secret, shown once and never again.</summary>
public sealed record CreatedApiToken(ApiToken Token, string Secret);

/// <summary>A new token, or what is wrong with the request for one.</summary>
public sealed record ApiTokenCreateResult(CreatedApiToken? Created, string? Problem);

/// <summary>Why a presented secret opens nothing, or the token it opens.</summary>
public sealed record ApiTokenCheck(ApiToken? Token, string? Problem);
