using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Accounts;
using Portal.Domain.Audit;
using Portal.Domain.Sessions;
using Portal.Infra.Audit;
using Portal.Infra.Persistence;

namespace Portal.Infra.Accounts;

/// <summary>
/// Personal API tokens in the portal's database. A secret is <c>portal_pat_</c> and 43 base64url characters (256 random
/// bits); only its SHA-256 is stored, so a copy of the database opens nothing. Never log a secret.
/// </summary>
internal sealed class ApiTokenService(IDbContextFactory<PortalDbContext> factory, ISignIns signIns, AuditTrail audit, TimeProvider clock) : IApiTokens
{
    public const string ReadScope = "read";
    public const string ReadWriteScope = "read-write";
    private const int SecretBytes = 32;
    private const int HintLength = 6;

    public async Task<ApiTokenCreateResult> CreateAsync(Actor actor, string name, ApiTokenScope scope, int days, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (Problem(name, scope, days) is { } problem)
        {
            return new(null, problem);
        }

        var random = Convert.ToBase64String(RandomNumberGenerator.GetBytes(SecretBytes)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var secret = ApiToken.Prefix + random;
        var now = clock.GetUtcNow();
        var record = new ApiTokenRecord
        {
            Id = "t-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)),
            SecretHash = Hash(secret),
            Hint = random[..HintLength],
            OwnerId = actor.Id,
            OwnerName = actor.Name,
            OwnerIsAdmin = actor.IsAdmin,
            OwnerGroups = string.Join(',', actor.Groups),
            Name = name.Trim(),
            Scope = scope == ApiTokenScope.Read ? ReadScope : ReadWriteScope,
            CreatedAt = now,
            ExpiresAt = now.AddDays(days),
        };
        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
        {
            db.Set<ApiTokenRecord>().Add(record);
            await db.SaveChangesAsync(cancellationToken);
        }

        // A creator whose sign-in predates recorded sign-ins: what their sign-in says now is the latest known.
        if (await signIns.FindAsync(actor.Id, cancellationToken) is null)
        {
            await signIns.RecordAsync(actor, cancellationToken);
        }

        await audit.RecordAsync(actor, AuditActions.TokenCreate, "token", record.Id,
            string.Create(CultureInfo.InvariantCulture, $"Created '{record.Name}' ({record.Scope}), expires {record.ExpiresAt:yyyy-MM-dd}."), cancellationToken);
        return new(new CreatedApiToken(ToToken(record), secret), null);
    }

    public async Task<IReadOnlyList<ApiToken>> ListAsync(Actor actor, bool everyone, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var query = db.Set<ApiTokenRecord>().AsNoTracking();
        if (!(everyone && actor.IsAdmin))
        {
            query = query.Where(t => t.OwnerId == actor.Id);
        }

        var rows = await query.OrderByDescending(t => t.CreatedAt).ToListAsync(cancellationToken);
        return [.. rows.Select(ToToken)];
    }

    public async Task<bool> RevokeAsync(Actor actor, string tokenId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var row = await db.Set<ApiTokenRecord>().FirstOrDefaultAsync(t => t.Id == tokenId, cancellationToken);
        if (row is null || !(actor.IsAdmin || row.OwnerId == actor.Id))
        {
            return false;
        }

        if (row.RevokedAt is not null)
        {
            return true;
        }

        row.RevokedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        var whose = row.OwnerId == actor.Id ? "own token" : $"{row.OwnerName}'s token";
        await audit.RecordAsync(actor, AuditActions.TokenRevoke, "token", row.Id, $"Revoked {whose} '{row.Name}'.", cancellationToken);
        return true;
    }

    public async Task<ApiTokenCheck> CheckAsync(string secret, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(secret) || !secret.StartsWith(ApiToken.Prefix, StringComparison.Ordinal) || secret.Length > 128)
        {
            return new(null, "The API token is not valid.");
        }

        var hash = Hash(secret);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var row = await db.Set<ApiTokenRecord>().AsNoTracking().FirstOrDefaultAsync(t => t.SecretHash == hash, cancellationToken);
        if (row is null)
        {
            return new(null, "The API token is not valid.");
        }

        if (row.RevokedAt is not null)
        {
            return new(null, "The API token has been revoked.");
        }

        if (clock.GetUtcNow() >= row.ExpiresAt)
        {
            return new(null, "The API token has expired; create a new one on the API tokens page.");
        }

        // As the owner is now (their latest sign-in), never more than the token was made with.
        return new(ToToken(row).ActingAs(await signIns.FindAsync(row.OwnerId, cancellationToken)), null);
    }

    private static string? Problem(string? name, ApiTokenScope scope, int days)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return "Give the token a name (where it is used: 'laptop', 'CI').";
        }

        if (name.Trim().Length > ApiToken.MaxNameLength || name.Any(char.IsControl))
        {
            return $"The name is at most {ApiToken.MaxNameLength} characters, without control characters.";
        }

        if (!Enum.IsDefined(scope))
        {
            return "The scope is 'read' or 'read-write'.";
        }

        return days is < 1 or > ApiToken.MaxLifetimeDays ? $"A token lasts 1 to {ApiToken.MaxLifetimeDays} days." : null;
    }

    private static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static ApiToken ToToken(ApiTokenRecord row) => new()
    {
        Id = row.Id,
        OwnerId = row.OwnerId,
        OwnerName = row.OwnerName,
        OwnerIsAdmin = row.OwnerIsAdmin,
        OwnerGroups = row.OwnerGroups.Split(',', StringSplitOptions.RemoveEmptyEntries),
        Name = row.Name,
        Scope = row.Scope == ReadScope ? ApiTokenScope.Read : ApiTokenScope.ReadWrite,
        CreatedAt = row.CreatedAt,
        ExpiresAt = row.ExpiresAt,
        RevokedAt = row.RevokedAt,
        Hint = row.Hint,
    };
}
