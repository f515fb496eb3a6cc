namespace Portal.Infra.Persistence;

/// <summary>A row of <c>UserSignIns</c>: what a user's latest sign-in said about them (see <see cref="Portal.Domain.Accounts.ISignIns"/>).</summary>
internal sealed class UserSignInRecord
{
    /// <summary>The actor id: <c>local:&lt;name&gt;</c> or <c>entra:&lt;tenant&gt;/&lt;object&gt;</c>.</summary>
    public required string UserId { get; set; }

    public required string Name { get; set; }

    public bool IsAdmin { get; set; }

    /// <summary>The groups of that sign-in, comma-separated (group ids hold no commas).</summary>
    public string Groups { get; set; } = string.Empty;

    public DateTimeOffset SignedInAt { get; set; }
}
