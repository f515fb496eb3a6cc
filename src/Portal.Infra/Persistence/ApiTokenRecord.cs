namespace Portal.Infra.Persistence;

/// <summary>A row of <c>ApiTokens</c>: a personal API token, by the SHA-256 of its secret (the secret is never stored).</summary>
internal sealed class ApiTokenRecord
{
    public required string Id { get; set; }

    /// <summary>Lower-case hex SHA-256 of the whole secret, prefix included; unique.</summary>
    public required string SecretHash { get; set; }

    public required string Hint { get; set; }

    public required string OwnerId { get; set; }

    public required string OwnerName { get; set; }

    public bool OwnerIsAdmin { get; set; }

    /// <summary>The owner's groups at creation, comma-separated (group ids hold no commas).</summary>
    public string OwnerGroups { get; set; } = string.Empty;

    public required string Name { get; set; }

    /// <summary><c>read</c> or <c>read-write</c>.</summary>
    public required string Scope { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }
}
