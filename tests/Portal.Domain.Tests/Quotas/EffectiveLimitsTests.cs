using Portal.Domain.Quotas;

namespace Portal.Domain.Tests.Quotas;

public sealed class EffectiveLimitsTests
{
    private static readonly string[] TwoGroups = ["Team X", "Team Y"];

    [Fact]
    public void The_users_own_limit_wins_over_their_groups_and_the_default()
    {
        var limits = new[]
        {
            PortalLimits.Create(LimitScope.Everyone, maxConcurrentSessions: 5),
            PortalLimits.Create(LimitScope.Group("Team X"), maxConcurrentSessions: 10),
            PortalLimits.Create(LimitScope.User("local:ada"), maxConcurrentSessions: 1),
        };

        var applied = EffectiveLimits.For("local:ada", TwoGroups, limits);

        Assert.Equal(new AppliedLimit(1, LimitScope.User("local:ada")), applied.MaxConcurrentSessions);
    }

    [Fact]
    public void Without_an_own_limit_the_most_generous_group_wins()
    {
        var limits = new[]
        {
            PortalLimits.Create(LimitScope.Everyone, maxWorkersPerSession: 50),
            PortalLimits.Create(LimitScope.Group("Team X"), maxWorkersPerSession: 4, idleTimeoutMinMinutes: 30),
            PortalLimits.Create(LimitScope.Group("Team Y"), maxWorkersPerSession: 8, idleTimeoutMinMinutes: 10),
            PortalLimits.Create(LimitScope.Group("Not mine"), maxWorkersPerSession: 100),
        };

        var applied = EffectiveLimits.For("local:ada", TwoGroups, limits);

        Assert.Equal(8, applied.MaxWorkersPerSession!.Value);
        Assert.Equal("limit for group 'Team Y'", applied.MaxWorkersPerSession.Source);
        // For the idle timeout minimum the lower bound is the more generous one.
        Assert.Equal(10, applied.IdleTimeoutMinMinutes!.Value);
    }

    [Fact]
    public void Without_user_or_group_limits_the_default_applies_and_a_limit_set_nowhere_is_none()
    {
        var limits = new[]
        {
            PortalLimits.Create(LimitScope.Everyone, maxLifetimeHours: 12),
            PortalLimits.Create(LimitScope.Group("Team X"), maxConcurrentSessions: 3),
        };

        var applied = EffectiveLimits.For("local:ada", TwoGroups, limits);

        Assert.Equal(new AppliedLimit(12, LimitScope.Everyone), applied.MaxLifetimeHours);
        Assert.Equal(3, applied.MaxConcurrentSessions!.Value);
        Assert.Null(applied.MaxWorkersPerRegion);
    }

    [Fact]
    public void An_empty_limit_at_the_users_scope_falls_through_to_the_groups()
    {
        var limits = new[]
        {
            PortalLimits.Create(LimitScope.User("local:ada"), maxLifetimeHours: 2),
            PortalLimits.Create(LimitScope.Group("Team X"), maxConcurrentSessions: 3),
        };

        var applied = EffectiveLimits.For("local:ada", TwoGroups, limits);

        Assert.Equal(3, applied.MaxConcurrentSessions!.Value);
        Assert.Equal(2, applied.MaxLifetimeHours!.Value);
    }

    [Fact]
    public void The_idle_timeout_is_brought_within_the_bounds()
    {
        var limits = EffectiveLimits.For("local:ada", [], [PortalLimits.Create(LimitScope.Everyone, idleTimeoutMinMinutes: 30, idleTimeoutMaxMinutes: 60)]);

        Assert.Equal(TimeSpan.FromMinutes(30), limits.IdleTimeoutWithin(TimeSpan.FromMinutes(20)));
        Assert.Equal(TimeSpan.FromMinutes(45), limits.IdleTimeoutWithin(TimeSpan.FromMinutes(45)));
        Assert.Equal(TimeSpan.FromMinutes(60), limits.IdleTimeoutWithin(TimeSpan.FromHours(2)));
        Assert.Equal(TimeSpan.FromMinutes(20), EffectiveLimits.None.IdleTimeoutWithin(TimeSpan.FromMinutes(20)));
    }

    [Theory]
    [InlineData("everyone", LimitScopeKind.Everyone, "")]
    [InlineData("user:local:ada", LimitScopeKind.User, "local:ada")]
    [InlineData(" group:Team X ", LimitScopeKind.Group, "Team X")]
    public void Scopes_parse_like_budget_scopes(string text, LimitScopeKind kind, string value)
    {
        var scope = LimitScope.Parse(text);

        Assert.Equal((kind, value), (scope.Kind, scope.Value));
    }

    [Theory]
    [InlineData("")]
    [InlineData("team:x")]
    [InlineData("group:")]
    public void A_scope_that_is_none_of_the_three_is_refused(string text)
    {
        var ex = Assert.Throws<DomainException>(() => LimitScope.Parse(text));

        Assert.Contains("'everyone', 'user:<user id>'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Limits_out_of_range_or_with_crossed_idle_bounds_are_refused_naming_them()
    {
        var zero = Assert.Throws<DomainException>(() => PortalLimits.Create(LimitScope.Everyone, maxWorkersPerSession: 0));
        var crossed = Assert.Throws<DomainException>(() => PortalLimits.Create(LimitScope.Everyone, idleTimeoutMinMinutes: 60, idleTimeoutMaxMinutes: 30));

        Assert.Contains("Maximum workers per session is 0", zero.Message, StringComparison.Ordinal);
        Assert.Contains("idle timeout minimum (60 min) is above the maximum (30 min)", crossed.Message, StringComparison.Ordinal);
    }
}
