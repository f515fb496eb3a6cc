using Portal.Domain;
using System.Security.Claims;
using AngleSharp.Dom;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;
using MudBlazor.Services;
using Portal.Domain.Audit;
using Portal.Domain.Cloud;
using Portal.Domain.Costs;
using Portal.Domain.LaunchPlans;
using Portal.Domain.Regions;
using Portal.Domain.Sessions;
using Portal.Infra.Pricing;
using Portal.Infra.Reaper;
using Portal.Infra.Regions;
using Portal.Web.Auth;
using Portal.Web.Components.Costs;
using Portal.Web.Components.Pages.Admin;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Components.Pages.Admin;

public sealed class RegionsPageTests : BunitContext
{
    private static readonly RegionCode UsEast1 = RegionCode.Parse("us-east-1");
    private const string UsEast1Stack = "portal-region-us-east-1";

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));
    private readonly FakeStackDeployer _stacks;
    private readonly FoundationOptions _options = new()
    {
        HomeTransitGatewayId = "tgw-0123456789abcdef0",
        HomeHostedZoneId = "Z0123456789ABCDEFGHIJ",
        StatusPollInterval = TimeSpan.FromMilliseconds(50),
    };

    private readonly BunitAuthorizationContext _auth;
    private IDataRepositoryAssociations? _associations;
    private readonly ReapedLog _reaped = new();

    public RegionsPageTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddPortalPageServices(_clock);
        _stacks = new FakeStackDeployer(_clock);
        Services.AddSingleton<IStackDeployer>(_stacks);
        Services.AddSingleton(Options.Create(_options));
        Services.AddSingleton<FoundationChangeNotifier>();
        Services.AddSingleton<IChangeFeed<RegionCode>>(sp => sp.GetRequiredService<FoundationChangeNotifier>());
        Services.AddSingleton<RegionFoundationPlanner>();
        Services.AddSingleton<IRegionFoundations, RegionFoundationService>();
        Services.AddSingleton<IDataRepositoryAssociations>(sp => _associations ?? new Portal.Infra.Sandbox.SandboxDataRepositoryAssociations(
            sp.GetRequiredService<IStackDeployer>(), sp.GetRequiredService<RegionFoundationPlanner>()));
        Services.AddSingleton<IReapedResourceLog>(_reaped);
        _auth = AddAuthorization();
        SignIn("grace", PortalRoles.Admin);
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    /// <summary>The grid draws the rows itself: a region's row is the one holding its region cell.</summary>
    private static IElement Row(IRenderedComponent<RegionsPage> cut, string region) =>
        cut.FindAll("tr").Single(r => r.QuerySelector($"[data-testid=region-row-{region}]") is not null);

    private static string Text(IRenderedComponent<RegionsPage> cut, string region, string testId) =>
        Row(cut, region).QuerySelector($"[data-testid={testId}]")!.TextContent.Trim();

    private static IElement Button(IRenderedComponent<RegionsPage> cut, string label) => cut.Find($"button[aria-label='{label}']");

    [Fact]
    public void Lists_every_region_with_its_role_cidr_coordinates_and_datasets()
    {
        var cut = Render<RegionsPage>();

        Assert.Equal("Regions", cut.Find("h1").TextContent);
        Assert.Equal(
            ["region-row-eu-west-2", "region-row-us-east-1", "region-row-us-west-2"],
            cut.FindAll("[data-testid^=region-row-]").Select(r => r.GetAttribute("data-testid")));
        Assert.Equal(("Home", "10.0.0.0/16", "51.51° N, 0.12° W", "None"),
            (Text(cut, "eu-west-2", "region-role"), Text(cut, "eu-west-2", "region-cidr"), Text(cut, "eu-west-2", "region-coordinates"), Text(cut, "eu-west-2", "region-datasets")));
        Assert.Equal(("Worker", "10.1.0.0/16", "39.04° N, 77.49° W"),
            (Text(cut, "us-east-1", "region-role"), Text(cut, "us-east-1", "region-cidr"), Text(cut, "us-east-1", "region-coordinates")));
        Assert.Contains("ERA5 reanalysis (s3://era5-pds)", Text(cut, "us-east-1", "region-datasets"), StringComparison.Ordinal);
        Assert.Contains("CMIP6 projections (s3://cmip6-pds)", Text(cut, "us-west-2", "region-datasets"), StringComparison.Ordinal);
    }

    [Fact]
    public void Each_region_shows_its_foundations_monthly_idle_cost_from_the_price_book_with_its_date_and_source()
    {
        var book = BundledPriceSource.Load();
        var estimator = new CostEstimator(RegionCatalog.Default, LaunchSettings.Default);

        var cut = Render<RegionsPage>();

        foreach (var region in RegionCatalog.Default.All)
        {
            var expected = estimator.Foundation(book, region.Code);
            Assert.True(expected.MonthlyUsd > 0m);
            var cell = Text(cut, region.Code.Value, "region-foundation-cost");
            Assert.StartsWith(CostPanel.Money(expected.MonthlyUsd) + " a month", cell, StringComparison.Ordinal);
            foreach (var line in expected.Lines)
            {
                Assert.Contains($"{line.Item}: {CostPanel.Money(line.AmountUsd)}", cell, StringComparison.Ordinal);
            }
        }

        Assert.DoesNotContain("FSx", Text(cut, "eu-west-2", "region-foundation-cost"), StringComparison.Ordinal);
        Assert.Contains("FSx for Lustre", Text(cut, "us-west-2", "region-foundation-cost"), StringComparison.Ordinal);
        var note = cut.Find("[data-testid=foundation-prices]").TextContent;
        Assert.Contains($"Prices as of {book.AsOf:yyyy-MM-dd} ({book.Name}), on-demand USD", note, StringComparison.Ordinal);
        var all = RegionCatalog.Default.All.Sum(r => estimator.Foundation(book, r.Code).MonthlyUsd);
        Assert.Contains($"{CostPanel.Money(all)} a month", note, StringComparison.Ordinal);
    }

    [Fact]
    public void Reaped_resources_are_listed_in_a_grid_saying_when_where_what_and_why()
    {
        var at = _clock.GetUtcNow();
        _reaped.Items.Add(new ReapedResource("stack", "us-east-1", "portal-s-aaaaaaaaaa-workers-us-east-1", "s-aaaaaaaaaa", at.AddHours(-3), at.AddHours(-2), "No live session"));
        _reaped.Items.Add(new ReapedResource("notebook", "eu-west-2", "portal-s-bbbbbbbbbb", "s-bbbbbbbbbb", at.AddHours(-2), at.AddHours(-1), "No live session"));

        var cut = Render<RegionsPage>();

        var grid = cut.Find("[data-testid=reaped]");
        Assert.Equal("Reaped resources", grid.QuerySelector("table")!.GetAttribute("aria-label"));
        var names = grid.QuerySelectorAll("tbody tr").Select(r => r.QuerySelector("code")!.TextContent).ToList();
        Assert.Equal(["portal-s-aaaaaaaaaa-workers-us-east-1", "portal-s-bbbbbbbbbb"], names);
        Assert.Contains("2026-11-26 07:00", grid.TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=reaped-none]"));
    }

    [Fact]
    public void Worker_regions_without_a_foundation_offer_create_and_the_home_region_offers_nothing()
    {
        var cut = Render<RegionsPage>();

        Assert.Equal("Not created", Text(cut, "us-east-1", "foundation-status"));
        Assert.Equal("Not created", Text(cut, "us-west-2", "foundation-status"));
        Assert.Empty(Row(cut, "eu-west-2").QuerySelectorAll("button"));
        Assert.Contains("cdk deploy", Row(cut, "eu-west-2").TextContent, StringComparison.Ordinal);
        Assert.False(Button(cut, "Create foundation for us-east-1").HasAttribute("disabled"));
        Assert.Empty(cut.FindAll("button[aria-label='Delete foundation for us-east-1']"));
    }

    [Fact]
    public void Create_asks_first_naming_the_slow_parts_then_starts_the_stack()
    {
        var dialogs = Render<MudDialogProvider>();
        var cut = Render<RegionsPage>();

        Button(cut, "Create foundation for us-east-1").Click();

        dialogs.WaitForAssertion(() => Assert.Contains("FSx for Lustre", dialogs.Markup, StringComparison.Ordinal));
        var text = dialogs.Find(".mud-dialog").TextContent;
        Assert.Contains("Create the foundation of us-east-1?", text, StringComparison.Ordinal);
        Assert.Contains("about 10 minutes", text, StringComparison.Ordinal);
        Assert.Contains("Transit Gateway peering with the hub in eu-west-2", text, StringComparison.Ordinal);
        Assert.Contains("s3://era5-pds at /fsx/us-east-1/era5-pds", text, StringComparison.Ordinal);
        Assert.Empty(_stacks.Creates);

        Confirm(dialogs, "Create foundation");

        cut.WaitForAssertion(() => Assert.Equal("Creating", Text(cut, "us-east-1", "foundation-status")));
        var created = Assert.Single(_stacks.Creates);
        Assert.Equal((UsEast1, UsEast1Stack, "RegionFoundation"), (created.Region, created.StackName, created.Template));
        Assert.Equal("10.1.0.0/16", created.Parameters["VpcCidr"]);
        // A foundation has its own timeout, longer than a session stack's (FSx, then each dataset's metadata import).
        Assert.Equal(_options.CreateTimeoutInMinutes, created.TimeoutInMinutes);
        Assert.Equal(FoundationOptions.DefaultCreateTimeoutInMinutes, created.TimeoutInMinutes);
        Assert.StartsWith("Creating portal-region-us-east-1 in us-east-1", Text(cut, "us-east-1", "foundation-message"), StringComparison.Ordinal);
        Assert.Equal("Not created", Text(cut, "us-west-2", "foundation-status"));
    }

    [Fact]
    public void Cancelling_the_confirmation_creates_nothing()
    {
        var dialogs = Render<MudDialogProvider>();
        var cut = Render<RegionsPage>();

        Button(cut, "Create foundation for us-east-1").Click();
        Confirm(dialogs, "Cancel");

        Assert.Empty(_stacks.Creates);
        Assert.Equal("Not created", Text(cut, "us-east-1", "foundation-status"));
    }

    [Fact]
    public void The_status_follows_the_cloud_while_the_foundation_is_being_created()
    {
        _stacks.SetStatus(UsEast1, UsEast1Stack, StackStatuses.CreateInProgress, "User Initiated");
        var cut = Render<RegionsPage>();
        Assert.Equal("Creating", Text(cut, "us-east-1", "foundation-status"));

        _stacks.AddEvent(UsEast1, UsEast1Stack, "FileSystem", "AWS::FSx::FileSystem", StackStatuses.CreateComplete);
        _stacks.SetStatus(UsEast1, UsEast1Stack, StackStatuses.CreateComplete);

        // The page polls on the portal's clock (TimeProvider), not the machine's: a poll interval passes.
        cut.WaitForAssertion(() =>
        {
            _clock.Advance(_options.StatusPollInterval);
            Assert.Equal("Ready", Text(cut, "us-east-1", "foundation-status"));
        });
        Assert.Contains("FileSystem (AWS::FSx::FileSystem) CREATE_COMPLETE", Text(cut, "us-east-1", "foundation-events"), StringComparison.Ordinal);
        Assert.False(Button(cut, "Delete foundation for us-east-1").HasAttribute("disabled"));
        Assert.Empty(cut.FindAll("button[aria-label='Create foundation for us-east-1']"));
    }

    [Fact]
    public void A_change_another_admin_makes_shows_at_once()
    {
        var cut = Render<RegionsPage>();

        _stacks.SetStatus(UsEast1, UsEast1Stack, StackStatuses.CreateInProgress, "User Initiated");
        _ = Services.GetRequiredService<FoundationChangeNotifier>().PublishAsync(UsEast1);

        cut.WaitForAssertion(() => Assert.Equal("Creating", Text(cut, "us-east-1", "foundation-status")));
    }

    [Fact]
    public async Task Delete_is_refused_with_the_reason_while_a_session_uses_the_region()
    {
        _stacks.SetStatus(UsEast1, UsEast1Stack, StackStatuses.CreateComplete);
        var launch = await Services.GetRequiredService<ISessionService>().LaunchAsync(new Actor("ada", isAdmin: false), SampleRequests.FirstRun, Xunit.TestContext.Current.CancellationToken);
        var dialogs = Render<MudDialogProvider>();
        var cut = Render<RegionsPage>();

        Button(cut, "Delete foundation for us-east-1").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("Delete the foundation of us-east-1?", dialogs.Markup, StringComparison.Ordinal));
        Confirm(dialogs, "Delete foundation");

        cut.WaitForAssertion(() => Assert.Contains(
            $"1 session(s) use us-east-1 and are not stopped: {launch.SessionId}", Text(cut, "us-east-1", "foundation-message"), StringComparison.Ordinal));
        Assert.Empty(_stacks.Deletes);
        Assert.Equal("Ready", Text(cut, "us-east-1", "foundation-status"));
    }

    [Fact]
    public void Delete_starts_deleting_a_foundation_nobody_uses()
    {
        _stacks.SetStatus(UsEast1, UsEast1Stack, StackStatuses.CreateComplete);
        var dialogs = Render<MudDialogProvider>();
        var cut = Render<RegionsPage>();

        Button(cut, "Delete foundation for us-east-1").Click();
        Confirm(dialogs, "Delete foundation");

        cut.WaitForAssertion(() => Assert.Equal("Deleting", Text(cut, "us-east-1", "foundation-status")));
        Assert.Equal([(UsEast1, UsEast1Stack)], _stacks.Deletes);
    }

    [Fact]
    public void A_failed_foundation_shows_why_and_offers_delete()
    {
        _stacks.SetStatus(UsEast1, UsEast1Stack, StackStatuses.CreateInProgress, "User Initiated");
        _stacks.AddEvent(UsEast1, UsEast1Stack, "FileSystem", "AWS::FSx::FileSystem", StackStatuses.CreateFailed, "Storage capacity quota exceeded");
        _stacks.SetStatus(UsEast1, UsEast1Stack, StackStatuses.RollbackComplete);

        var cut = Render<RegionsPage>();

        Assert.Equal("Failed", Text(cut, "us-east-1", "foundation-status"));
        Assert.Equal("FileSystem: Storage capacity quota exceeded", Text(cut, "us-east-1", "foundation-reason"));
        Assert.False(Button(cut, "Delete foundation for us-east-1").HasAttribute("disabled"));
    }

    [Fact]
    public void Missing_home_settings_are_named_and_create_stays_disabled()
    {
        _options.HomeTransitGatewayId = null;

        var cut = Render<RegionsPage>();

        Assert.Contains("Foundation:HomeTransitGatewayId is not set", Text(cut, "us-east-1", "foundation-problems"), StringComparison.Ordinal);
        Assert.True(Button(cut, "Create foundation for us-east-1").HasAttribute("disabled"));
    }

    [Fact]
    public void A_handler_checks_the_admin_role_again_and_refuses_without_it()
    {
        var dialogs = Render<MudDialogProvider>();
        var cut = Render<RegionsPage>();

        SignIn("grace");
        Button(cut, "Create foundation for us-east-1").Click();

        cut.WaitForAssertion(() => Assert.Equal(
            "Only a Portal.Admin can manage region foundations. Sign in again as an admin.", Text(cut, "us-east-1", "foundation-message")));
        Assert.DoesNotContain("FSx for Lustre", dialogs.Markup, StringComparison.Ordinal);
        Assert.Empty(_stacks.Creates);
    }

    [Fact]
    public void A_plain_user_who_reaches_the_component_sees_no_foundation_and_no_button()
    {
        SignIn("ada");

        var cut = Render<RegionsPage>();

        Assert.Empty(cut.FindAll("[data-testid=foundation-status]"));
        Assert.Empty(cut.FindAll("button"));
    }

    [Fact]
    public void Buttons_stay_disabled_until_the_circuit_is_interactive()
    {
        SetRendererInfo(new RendererInfo("Static", isInteractive: false));

        var cut = Render<RegionsPage>();

        Assert.True(Button(cut, "Create foundation for us-east-1").HasAttribute("disabled"));
    }

    [Fact]
    public void The_page_requires_the_admin_role()
    {
        var authorize = typeof(RegionsPage).GetCustomAttributes(typeof(Microsoft.AspNetCore.Authorization.AuthorizeAttribute), inherit: true)
            .Cast<Microsoft.AspNetCore.Authorization.AuthorizeAttribute>()
            .Single();

        Assert.Equal(PortalRoles.Admin, authorize.Roles);
    }

    [Fact]
    public void Each_worker_region_lists_its_data_repository_associations_with_their_lifecycle()
    {
        _stacks.SetStatus(UsEast1, UsEast1Stack, StackStatuses.CreateComplete);

        var cut = Render<RegionsPage>();

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=associations-us-east-1] [data-testid=association-row]")));
        var row = Assert.Single(cut.FindAll("[data-testid=associations-us-east-1] [data-testid=association-row]"));
        Assert.Contains("/us-east-1/era5-pds", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("s3://era5-pds", row.TextContent, StringComparison.Ordinal);
        Assert.Equal("AVAILABLE", row.QuerySelector("[data-testid=association-lifecycle]")!.TextContent.Trim());
        Assert.Equal("No associations: the region has no foundation file system yet.",
            cut.Find("[data-testid=associations-us-west-2] [data-testid=associations-none]").TextContent.Trim());
        Assert.Empty(cut.FindAll("[data-testid=associations-eu-west-2]"));
    }

    [Fact]
    public void A_region_whose_associations_cannot_be_read_says_why_and_the_others_still_show()
    {
        _associations = new FailingAssociations();

        var cut = Render<RegionsPage>();

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=associations-us-east-1] [data-testid=associations-error]")));
        Assert.Equal("Could not read the associations from FSx (AccessDeniedException): not allowed",
            cut.Find("[data-testid=associations-us-east-1] [data-testid=associations-error]").TextContent.Trim());
        Assert.NotNull(cut.Find("[data-testid=associations-us-west-2] [data-testid=associations-none]"));
    }

    [Fact]
    public void When_sessions_do_not_need_a_foundation_the_page_says_so_plainly()
    {
        var cut = Render<RegionsPage>();

        Assert.Contains("Sessions here do not wait for a foundation", cut.Find("[data-testid=foundation-not-required]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void When_sessions_need_a_ready_foundation_there_is_no_such_note()
    {
        _options.RequireForSessions = true;

        var cut = Render<RegionsPage>();

        Assert.Empty(cut.FindAll("[data-testid=foundation-not-required]"));
    }

    [Fact]
    public async Task An_admin_adds_a_worker_region_with_the_suggested_cidr_and_it_is_listed_audited_and_says_what_to_do_on_aws()
    {
        var cut = Render<RegionsPage>();
        Assert.Equal("10.3.0.0/16", cut.Find("#region-add-cidr").GetAttribute("value"));
        Assert.Contains("portal:workerRegions", cut.Find("[data-testid=region-add-form]").TextContent, StringComparison.Ordinal);
        var select = cut.FindComponent<MudSelect<string>>();
        Assert.DoesNotContain(select.FindComponents<MudSelectItem<string>>(), i => i.Instance.Value is "us-east-1" or "eu-west-2");

        await cut.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync("ap-south-1"));
        cut.Find("[data-testid=region-add-submit]").Click();

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=region-row-ap-south-1]")));
        Assert.Equal(("Worker", "10.3.0.0/16", "Enabled"),
            (Text(cut, "ap-south-1", "region-role"), Text(cut, "ap-south-1", "region-cidr"), Text(cut, "ap-south-1", "region-enabled")));
        Assert.StartsWith("ap-south-1 added as a worker region with 10.3.0.0/16. On AWS, add ap-south-1=10.3.0.0/16 to the CDK context portal:workerRegions",
            cut.Find("[data-testid=regions-message]").TextContent.Trim(), StringComparison.Ordinal);
        Assert.True(Services.GetRequiredService<IRegionDirectory>().Current.RunsWorkersIn(RegionCode.Parse("ap-south-1")));
        // The next free block is offered for the next region, and the new one can get its foundation.
        Assert.Equal("10.4.0.0/16", cut.Find("#region-add-cidr").GetAttribute("value"));
        Assert.False(Button(cut, "Create foundation for ap-south-1").HasAttribute("disabled"));
        var entry = Assert.Single(await AuditAsync());
        Assert.Equal((AuditActions.RegionAdd, "local:grace", "ap-south-1"), (entry.Action, entry.ActorId, entry.ObjectId));
    }

    [Fact]
    public async Task An_overlapping_cidr_is_refused_beside_the_field_naming_the_other_region_and_nothing_is_added()
    {
        var cut = Render<RegionsPage>();
        await cut.InvokeAsync(() => cut.FindComponent<MudSelect<string>>().Instance.ValueChanged.InvokeAsync("ap-south-1"));
        cut.Find("#region-add-cidr").Change("10.1.0.0/16");

        cut.Find("[data-testid=region-add-submit]").Click();

        cut.WaitForAssertion(() => Assert.Contains(
            "10.1.0.0/16 overlaps us-east-1 (US East (N. Virginia), 10.1.0.0/16); choose a CIDR that overlaps no other region.",
            cut.Find("#region-add-cidr").Closest(".mud-input-control")!.TextContent, StringComparison.Ordinal));
        Assert.DoesNotContain("overlaps", cut.FindComponent<MudSelect<string>>().Find(".mud-input-control").TextContent, StringComparison.Ordinal);
        Assert.Equal("The region was not added: correct the fields marked.", cut.Find("[data-testid=regions-message]").TextContent.Trim());
        Assert.Empty(cut.FindAll("[data-testid=region-row-ap-south-1]"));
        Assert.Empty(await AuditAsync());
    }

    [Fact]
    public async Task Disable_asks_first_saying_running_sessions_continue_then_disables_and_enable_undoes_it()
    {
        var dialogs = Render<MudDialogProvider>();
        var cut = Render<RegionsPage>();
        Assert.Contains("Sessions already running there are not touched", string.Join(' ', cut.Find("p.portal-muted").TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
        Assert.Empty(Row(cut, "eu-west-2").QuerySelectorAll("button"));

        Button(cut, "Disable us-east-1").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("Disable us-east-1?", dialogs.Markup, StringComparison.Ordinal));
        Assert.Contains("Sessions running there now are not touched: they continue until they stop.", dialogs.Find(".mud-dialog").TextContent, StringComparison.Ordinal);
        Assert.True(Services.GetRequiredService<IRegionDirectory>().Current.RunsWorkersIn(UsEast1));
        Confirm(dialogs, "Disable region");

        cut.WaitForAssertion(() => Assert.Equal("Disabled", Text(cut, "us-east-1", "region-enabled")));
        Assert.True(Services.GetRequiredService<IRegionDirectory>().Current.IsDisabled(UsEast1));
        Assert.Equal("us-east-1 is disabled: new sessions cannot run workers there. Sessions already running there continue until they stop.",
            cut.Find("[data-testid=regions-message]").TextContent.Trim());

        Button(cut, "Enable us-east-1").Click();

        cut.WaitForAssertion(() => Assert.Equal("Enabled", Text(cut, "us-east-1", "region-enabled")));
        Assert.Equal([AuditActions.RegionEnable, AuditActions.RegionDisable], (await AuditAsync()).Select(e => e.Action));
    }

    [Fact]
    public async Task Cancelling_the_disable_confirmation_changes_nothing()
    {
        var dialogs = Render<MudDialogProvider>();
        var cut = Render<RegionsPage>();

        Button(cut, "Disable us-east-1").Click();
        Confirm(dialogs, "Keep it enabled");

        Assert.Equal("Enabled", Text(cut, "us-east-1", "region-enabled"));
        Assert.True(Services.GetRequiredService<IRegionDirectory>().Current.RunsWorkersIn(UsEast1));
        Assert.Empty(await AuditAsync());
    }

    [Fact]
    public async Task A_user_who_lost_the_admin_role_is_refused_in_the_add_and_disable_handlers_and_nothing_changes()
    {
        var dialogs = Render<MudDialogProvider>();
        var cut = Render<RegionsPage>();
        await cut.InvokeAsync(() => cut.FindComponent<MudSelect<string>>().Instance.ValueChanged.InvokeAsync("ap-south-1"));

        SignIn("grace");
        cut.Find("[data-testid=region-add-submit]").Click();
        cut.WaitForAssertion(() => Assert.Equal(
            "Only a Portal.Admin can manage regions. Sign in again as an admin.", cut.Find("[data-testid=regions-message]").TextContent.Trim()));
        Button(cut, "Disable us-east-1").Click();

        Assert.DoesNotContain("Disable us-east-1?", dialogs.Markup, StringComparison.Ordinal);
        Assert.Equal(RegionCatalog.Default.All, Services.GetRequiredService<IRegionDirectory>().Current.All);
        Assert.Equal(RegionCatalog.Default.All, await Services.GetRequiredService<IRegionStore>().ListAsync(Xunit.TestContext.Current.CancellationToken));
        Assert.Empty(await AuditAsync());
    }

    [Fact]
    public void A_plain_user_sees_no_add_form()
    {
        SignIn("ada");

        var cut = Render<RegionsPage>();

        Assert.Empty(cut.FindAll("[data-testid=region-add-form]"));
    }

    private async Task<IReadOnlyList<AuditEntry>> AuditAsync() =>
        (await Services.GetRequiredService<IAuditLog>().ListAsync(new AuditFilter(), 0, 100, Xunit.TestContext.Current.CancellationToken)).Entries;

    private sealed class FailingAssociations : IDataRepositoryAssociations
    {
        public Task<IReadOnlyList<DataRepositoryLink>> ListAsync(RegionCode region, CancellationToken cancellationToken) =>
            region.Value == "us-east-1"
                ? throw new CloudOperationException("AccessDeniedException", "not allowed")
                : Task.FromResult<IReadOnlyList<DataRepositoryLink>>([]);
    }

    private void SignIn(string name, params string[] roles)
    {
        _auth.SetAuthorized(name);
        _auth.SetRoles(roles);
        _auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, "local:" + name));
    }

    private static void Confirm(IRenderedComponent<MudDialogProvider> dialogs, string button)
    {
        dialogs.WaitForAssertion(() => Assert.NotEmpty(dialogs.FindAll(".mud-dialog button")));
        dialogs.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == button).Click();
    }

    private sealed class ReapedLog : IReapedResourceLog
    {
        public List<ReapedResource> Items { get; } = [];

        public Task AddAsync(ReapedResource resource, CancellationToken cancellationToken)
        {
            Items.Add(resource);
            return Task.CompletedTask;
        }

        public Task<IReadOnlyList<ReapedResource>> ListAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<ReapedResource>>([.. Items]);
    }
}
