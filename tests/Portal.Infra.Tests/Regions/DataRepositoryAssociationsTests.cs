using Portal.Domain.Regions;
using static Portal.Infra.Tests.Regions.FoundationTestHost;

namespace Portal.Infra.Tests.Regions;

/// <summary>Each worker region's associations as the sandbox models them, through the Regions page's use case.</summary>
public sealed class DataRepositoryAssociationsTests : IAsyncLifetime
{
    private FoundationTestHost? _foundations;

    private FoundationTestHost Foundations => _foundations ?? throw new InvalidOperationException("Not initialised.");

    private IRegionFoundations Service => Foundations.Service;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _foundations = await FoundationTestHost.CreateAsync(Ct);

    public async ValueTask DisposeAsync()
    {
        if (_foundations is not null)
        {
            await _foundations.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_region_without_a_foundation_has_none()
    {
        Assert.Empty(await Service.ListAssociationsAsync(Grace, UsEast1, Ct));
    }

    [Fact]
    public async Task The_associations_follow_the_foundation_from_creating_to_available()
    {
        await Service.CreateAsync(Grace, UsEast1, Ct);

        var creating = Assert.Single(await Service.ListAssociationsAsync(Grace, UsEast1, Ct));
        Foundations.Host.Clock.Advance(PastCreate);
        var available = Assert.Single(await Service.ListAssociationsAsync(Grace, UsEast1, Ct));

        Assert.Equal(("/us-east-1/era5-pds", "s3://era5-pds", "CREATING", (string?)null),
            (creating.FileSystemPath, creating.DataRepositoryPath, creating.Lifecycle, creating.FailureMessage));
        Assert.Equal(("/us-east-1/era5-pds", "s3://era5-pds", "AVAILABLE", false),
            (available.FileSystemPath, available.DataRepositoryPath, available.Lifecycle, available.IsProblem));
    }

    [Fact]
    public async Task A_failed_foundation_shows_its_associations_failed_with_the_reason()
    {
        await Service.CreateAsync(Grace, UsWest2, Ct);
        Foundations.Host.Clock.Advance(PastCreate);

        var links = await Service.ListAssociationsAsync(Grace, UsWest2, Ct);

        Assert.NotEmpty(links);
        Assert.All(links, l => Assert.Equal(("FAILED", true), (l.Lifecycle, l.IsProblem)));
        Assert.All(links, l => Assert.False(string.IsNullOrWhiteSpace(l.FailureMessage)));
    }

    [Fact]
    public async Task A_plain_user_or_a_home_region_gets_nothing()
    {
        await Foundations.CreateReadyAsync(UsEast1, Ct);

        Assert.Empty(await Service.ListAssociationsAsync(Ada, UsEast1, Ct));
        Assert.Empty(await Service.ListAssociationsAsync(Grace, RegionCode.Parse("eu-west-2"), Ct));
        Assert.Single(await Service.ListAssociationsAsync(Grace, UsEast1, Ct));
    }
}
