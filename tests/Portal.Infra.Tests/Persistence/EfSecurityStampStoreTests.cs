using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Accounts;
using Portal.Infra.Tests.Support;

namespace Portal.Infra.Tests.Persistence;

/// <summary>Security stamps on a real database, once per provider, each time over a database of its own.</summary>
public abstract class EfSecurityStampStoreTests : IAsyncLifetime
{
    private InfraTestHost? _host;

    protected abstract TestProvider Provider { get; }

    private InfraTestHost Host => _host ?? throw new InvalidOperationException("Not initialised.");

    private ISecurityStampStore Stamps => Host.Services.GetRequiredService<ISecurityStampStore>();

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
    public async Task A_user_who_never_signed_in_has_no_stamp_until_the_first_sign_in_makes_one()
    {
        Assert.Null(await Stamps.FindAsync("local:ada", Ct));

        var stamp = await Stamps.GetOrCreateAsync("local:ada", Ct);

        Assert.False(string.IsNullOrEmpty(stamp));
        Assert.Equal(stamp, await Stamps.GetOrCreateAsync("local:ada", Ct));
        Assert.Equal(stamp, await Stamps.FindAsync("local:ada", Ct));
    }

    [Fact]
    public async Task Renewing_changes_only_that_users_stamp()
    {
        var ada = await Stamps.GetOrCreateAsync("local:ada", Ct);
        var grace = await Stamps.GetOrCreateAsync("entra:t/grace", Ct);

        await Stamps.RenewAsync("local:ada", Ct);

        Assert.NotEqual(ada, await Stamps.FindAsync("local:ada", Ct));
        Assert.Equal(grace, await Stamps.FindAsync("entra:t/grace", Ct));
    }

    [Fact]
    public async Task A_renewed_stamp_survives_a_restart()
    {
        var before = await Stamps.GetOrCreateAsync("local:ada", Ct);
        await Stamps.RenewAsync("local:ada", Ct);
        var renewed = await Stamps.FindAsync("local:ada", Ct);

        _host = await Host.RestartAsync(Ct);

        Assert.NotEqual(before, renewed);
        Assert.Equal(renewed, await Stamps.FindAsync("local:ada", Ct));
    }

    [Fact]
    public async Task First_sign_ins_of_one_user_at_once_agree_on_one_stamp()
    {
        var stamps = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => Stamps.GetOrCreateAsync("local:ada", Ct), Ct)));

        Assert.Single(stamps.Distinct());
    }
}

public sealed class EfSecurityStampStoreOnSqliteTests : EfSecurityStampStoreTests
{
    protected override TestProvider Provider => TestProvider.Sqlite;
}

public sealed class EfSecurityStampStoreOnPostgreSqlTests : EfSecurityStampStoreTests
{
    protected override TestProvider Provider => TestProvider.PostgreSql;
}
