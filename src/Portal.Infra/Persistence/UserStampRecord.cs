namespace Portal.Infra.Persistence;

/// <summary>A row of <c>UserStamps</c>: a user's current security stamp (see <see cref="Portal.Domain.Accounts.ISecurityStampStore"/>).</summary>
internal sealed class UserStampRecord
{
    /// <summary>The actor id: <c>local:&lt;name&gt;</c> or <c>entra:&lt;tenant&gt;/&lt;object&gt;</c>.</summary>
    public required string UserId { get; set; }

    public required string Stamp { get; set; }

    public DateTimeOffset ChangedAt { get; set; }
}
