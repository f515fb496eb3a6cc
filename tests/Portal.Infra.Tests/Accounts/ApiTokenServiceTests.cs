using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Accounts;
using Portal.Domain.Audit;
using Portal.Domain.Sessions;
using Portal.Infra.Tests.Persistence;
using Portal.Infra.Tests.Support;

namespace Portal.Infra.Tests.Accounts;

/// <summary>Personal API tokens on a real database, once per provider.</summary>
public abstract class ApiTokenServiceTests : IAsyncLifetime
{
    private static readonly Actor Ada = new("local:ada", "ada", false, ["team-a", "team-b"]);
    private static readonly Actor Root = new("local:root", "root", true);
    private InfraTestHost? _host;

    protected abstract TestProvider Provider { get; }

    private InfraTestHost Host => _host ?? throw new InvalidOperationException("Not initialised.");

    private IApiTokens Tokens => Host.Services.GetRequiredService<IApiTokens>();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _host = await InfraTestHost.CreateAsync(Ct, provider: Provider);

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task A_secret_opens_its_token_with_the_owners_identity_until_it_expires()
    {
        var created = (await Tokens.CreateAsync(Ada, " laptop ", ApiTokenScope.Read, 7, Ct)).Created!;

        var check = await Tokens.CheckAsync(created.Secret, Ct);
        Assert.Null(check.Problem);
        Assert.Equal(("local:ada", "ada", false, ApiTokenScope.Read, "laptop"), (check.Token!.OwnerId, check.Token.OwnerName, check.Token.OwnerIsAdmin, check.Token.Scope, check.Token.Name));
        Assert.Equal(["team-a", "team-b"], check.Token.OwnerGroups);

        Host.Clock.Advance(TimeSpan.FromDays(7));
        Assert.Contains("expired", (await Tokens.CheckAsync(created.Secret, Ct)).Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_acts_as_its_owners_latest_sign_in_but_never_with_more_than_it_was_made_with()
    {
        var signIns = Host.Services.GetRequiredService<ISignIns>();
        var created = (await Tokens.CreateAsync(Root, "ci", ApiTokenScope.ReadWrite, 30, Ct)).Created!;
        Assert.True((await Tokens.CheckAsync(created.Secret, Ct)).Token!.OwnerIsAdmin);

        await signIns.RecordAsync(new Actor(Root.Id, Root.Name, false, ["ops"]), Ct);
        var demoted = (await Tokens.CheckAsync(created.Secret, Ct)).Token!;
        Assert.False(demoted.OwnerIsAdmin);
        Assert.Equal(["ops"], demoted.OwnerGroups);

        await signIns.RecordAsync(Root, Ct);
        Assert.True((await Tokens.CheckAsync(created.Secret, Ct)).Token!.OwnerIsAdmin);

        var adas = (await Tokens.CreateAsync(Ada, "laptop", ApiTokenScope.ReadWrite, 30, Ct)).Created!;
        await signIns.RecordAsync(new Actor(Ada.Id, Ada.Name, true, Ada.Groups), Ct);
        Assert.False((await Tokens.CheckAsync(adas.Secret, Ct)).Token!.OwnerIsAdmin);
    }

    [Fact]
    public async Task A_sign_in_replaces_the_one_before_and_a_token_records_its_creator_when_none_is_known()
    {
        var signIns = Host.Services.GetRequiredService<ISignIns>();
        Assert.Null(await signIns.FindAsync(Ada.Id, Ct));

        await Tokens.CreateAsync(Ada, "laptop", ApiTokenScope.Read, 7, Ct);
        var first = await signIns.FindAsync(Ada.Id, Ct);
        Assert.Equal(("ada", false), (first!.Name, first.IsAdmin));
        Assert.Equal(["team-a", "team-b"], first.Groups);

        Host.Clock.Advance(TimeSpan.FromHours(1));
        await signIns.RecordAsync(new Actor(Ada.Id, "ada@example.org", true, []), Ct);
        await Tokens.CreateAsync(Ada, "second", ApiTokenScope.Read, 7, Ct);
        var latest = await signIns.FindAsync(Ada.Id, Ct);
        Assert.Equal(("ada@example.org", true, 0, first.At.AddHours(1)), (latest!.Name, latest.IsAdmin, latest.Groups.Count, latest.At));
    }

    [Fact]
    public async Task A_secret_one_character_off_opens_nothing()
    {
        var created = (await Tokens.CreateAsync(Ada, "laptop", ApiTokenScope.ReadWrite, 7, Ct)).Created!;
        var last = created.Secret[^1];

        var check = await Tokens.CheckAsync(created.Secret[..^1] + (last == 'A' ? 'B' : 'A'), Ct);

        Assert.Null(check.Token);
    }

    [Fact]
    public async Task Revoking_is_final_and_recorded_with_whose_token_it_was()
    {
        var created = (await Tokens.CreateAsync(Ada, "ci", ApiTokenScope.ReadWrite, 30, Ct)).Created!;

        Assert.True(await Tokens.RevokeAsync(Root, created.Token.Id, Ct));

        Assert.Contains("revoked", (await Tokens.CheckAsync(created.Secret, Ct)).Problem, StringComparison.Ordinal);
        var entries = (await Host.Services.GetRequiredService<IAuditLog>().ListAsync(AuditFilter.None, 0, 10, Ct)).Entries;
        var revoke = Assert.Single(entries, e => e.Action == AuditActions.TokenRevoke);
        Assert.Equal(("local:root", created.Token.Id), (revoke.ActorId, revoke.ObjectId));
        Assert.Contains("ada's token 'ci'", revoke.Detail, StringComparison.Ordinal);
        Assert.Single(entries, e => e.Action == AuditActions.TokenCreate && e.ActorId == "local:ada");
    }

    [Fact]
    public async Task Users_list_their_own_tokens_and_admins_everyones_newest_first()
    {
        await Tokens.CreateAsync(Ada, "first", ApiTokenScope.Read, 30, Ct);
        Host.Clock.Advance(TimeSpan.FromMinutes(1));
        await Tokens.CreateAsync(Root, "second", ApiTokenScope.Read, 30, Ct);

        Assert.Equal(["first"], (await Tokens.ListAsync(Ada, everyone: true, Ct)).Select(t => t.Name));
        Assert.Equal(["second", "first"], (await Tokens.ListAsync(Root, everyone: true, Ct)).Select(t => t.Name));
        Assert.Equal(["second"], (await Tokens.ListAsync(Root, everyone: false, Ct)).Select(t => t.Name));
    }
}

public sealed class ApiTokenServiceOnSqliteTests : ApiTokenServiceTests
{
    protected override TestProvider Provider => TestProvider.Sqlite;
}

public sealed class ApiTokenServiceOnPostgreSqlTests : ApiTokenServiceTests
{
    protected override TestProvider Provider => TestProvider.PostgreSql;
}
