using Portal.Domain.Cloud;
using Portal.Domain.Regions;

namespace Portal.Infra.Tests.Cloud;

/// <summary>
/// The behaviour every <see cref="INotebookService"/> must show. A provider's test class derives from this, builds the
/// service in <see cref="CreateServiceAsync"/> on <see cref="CloudContract.Time"/>, and inherits every test.
/// </summary>
public abstract class NotebookServiceContract : CloudContract
{
    private INotebookService? _service;

    protected INotebookService Notebooks => _service ?? throw new InvalidOperationException("Not initialised.");

    /// <summary>The home region. Defaults to eu-west-2.</summary>
    protected virtual RegionCode Region => RegionCode.Parse("eu-west-2");

    public override async ValueTask InitializeAsync() => _service = await CreateServiceAsync();

    /// <summary>Builds the provider's notebook service, taking its time from <see cref="CloudContract.Time"/>.</summary>
    protected abstract ValueTask<INotebookService> CreateServiceAsync();

    protected NotebookInstanceRequest Request(string name) => new(
        Region,
        name,
        "ml.t3.2xlarge",
        new Dictionary<string, string> { ["portal-session"] = name },
        new NotebookDocument("session.ipynb", """{"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}"""));

    protected Task<NotebookInstanceDescription> WaitForStatusAsync(string name, string status) =>
        WaitForAsync(
            async () => (await Notebooks.DescribeNotebookInstanceAsync(Region, name, TestContext.Current.CancellationToken))!,
            d => d is not null && d.Status == status,
            status)!;

    [Fact]
    public async Task Create_starts_pending_and_becomes_in_service()
    {
        var ct = TestContext.Current.CancellationToken;
        var outcome = await Notebooks.CreateNotebookInstanceAsync(Request("portal-n1"), ct);

        Assert.False(outcome.AlreadyExisted);
        var first = await Notebooks.DescribeNotebookInstanceAsync(Region, "portal-n1", ct);
        Assert.Equal(NotebookStatuses.Pending, first!.Status);
        Assert.Equal("portal-n1", first.Name);
        Assert.Equal(outcome.ResourceId, first.Arn);

        var ready = await WaitForStatusAsync("portal-n1", NotebookStatuses.InService);
        Assert.Null(ready.FailureReason);
    }

    [Fact]
    public async Task Create_again_reports_already_existed()
    {
        var ct = TestContext.Current.CancellationToken;
        var first = await Notebooks.CreateNotebookInstanceAsync(Request("portal-n2"), ct);

        var second = await Notebooks.CreateNotebookInstanceAsync(Request("portal-n2"), ct);

        Assert.True(second.AlreadyExisted);
        Assert.Equal(first.ResourceId, second.ResourceId);
    }

    [Fact]
    public async Task An_in_service_instance_gives_a_presigned_url()
    {
        var ct = TestContext.Current.CancellationToken;
        await Notebooks.CreateNotebookInstanceAsync(Request("portal-n3"), ct);
        await WaitForStatusAsync("portal-n3", NotebookStatuses.InService);

        var url = await Notebooks.CreatePresignedUrlAsync(Region, "portal-n3", TimeSpan.FromHours(2), ct);

        Assert.NotNull(url);
        Assert.False(string.IsNullOrWhiteSpace(url.OriginalString));
    }

    [Fact]
    public async Task Stop_then_delete_makes_the_instance_gone()
    {
        var ct = TestContext.Current.CancellationToken;
        await Notebooks.CreateNotebookInstanceAsync(Request("portal-n4"), ct);
        await WaitForStatusAsync("portal-n4", NotebookStatuses.InService);

        await Notebooks.StopNotebookInstanceAsync(Region, "portal-n4", ct);
        await WaitForStatusAsync("portal-n4", NotebookStatuses.Stopped);
        await Notebooks.DeleteNotebookInstanceAsync(Region, "portal-n4", ct);

        var gone = await WaitForAsync(
            () => Notebooks.DescribeNotebookInstanceAsync(Region, "portal-n4", ct),
            d => d is null,
            "the instance to be gone");
        Assert.Null(gone);
    }

    [Fact]
    public async Task Stop_on_a_pending_instance_is_accepted_and_a_later_pass_stops_it()
    {
        var ct = TestContext.Current.CancellationToken;
        await Notebooks.CreateNotebookInstanceAsync(Request("portal-n5"), ct);
        Assert.Equal(NotebookStatuses.Pending, (await Notebooks.DescribeNotebookInstanceAsync(Region, "portal-n5", ct))!.Status);

        await Notebooks.StopNotebookInstanceAsync(Region, "portal-n5", ct);

        // As the orchestrator's passes do: stop while it is Pending or InService, until it is Stopped.
        var stopped = await WaitForAsync(
            async () =>
            {
                var description = await Notebooks.DescribeNotebookInstanceAsync(Region, "portal-n5", ct);
                if (description?.Status is NotebookStatuses.Pending or NotebookStatuses.InService)
                {
                    await Notebooks.StopNotebookInstanceAsync(Region, "portal-n5", ct);
                }

                return description;
            },
            d => d?.Status == NotebookStatuses.Stopped,
            NotebookStatuses.Stopped);
        Assert.NotNull(stopped);
    }

    [Fact]
    public async Task Stop_on_a_stopping_or_stopped_instance_changes_nothing()
    {
        var ct = TestContext.Current.CancellationToken;
        await Notebooks.CreateNotebookInstanceAsync(Request("portal-n6"), ct);
        await WaitForStatusAsync("portal-n6", NotebookStatuses.InService);
        await Notebooks.StopNotebookInstanceAsync(Region, "portal-n6", ct);
        Assert.Equal(NotebookStatuses.Stopping, (await Notebooks.DescribeNotebookInstanceAsync(Region, "portal-n6", ct))!.Status);

        await Notebooks.StopNotebookInstanceAsync(Region, "portal-n6", ct);
        Assert.Equal(NotebookStatuses.Stopping, (await Notebooks.DescribeNotebookInstanceAsync(Region, "portal-n6", ct))!.Status);
        await WaitForStatusAsync("portal-n6", NotebookStatuses.Stopped);
        await Notebooks.StopNotebookInstanceAsync(Region, "portal-n6", ct);

        Assert.Equal(NotebookStatuses.Stopped, (await Notebooks.DescribeNotebookInstanceAsync(Region, "portal-n6", ct))!.Status);
    }

    [Fact]
    public async Task Delete_of_an_in_service_instance_is_refused_and_leaves_it_running()
    {
        var ct = TestContext.Current.CancellationToken;
        await Notebooks.CreateNotebookInstanceAsync(Request("portal-n7"), ct);
        await WaitForStatusAsync("portal-n7", NotebookStatuses.InService);

        var error = await Assert.ThrowsAsync<CloudOperationException>(() => Notebooks.DeleteNotebookInstanceAsync(Region, "portal-n7", ct));

        Assert.Contains("portal-n7", error.Message, StringComparison.Ordinal);
        Assert.Equal(NotebookStatuses.InService, (await Notebooks.DescribeNotebookInstanceAsync(Region, "portal-n7", ct))!.Status);
    }

    [Fact]
    public async Task Stop_and_delete_of_a_deleting_instance_change_nothing()
    {
        var ct = TestContext.Current.CancellationToken;
        await Notebooks.CreateNotebookInstanceAsync(Request("portal-n8"), ct);
        await WaitForStatusAsync("portal-n8", NotebookStatuses.InService);
        await Notebooks.StopNotebookInstanceAsync(Region, "portal-n8", ct);
        await WaitForStatusAsync("portal-n8", NotebookStatuses.Stopped);
        await Notebooks.DeleteNotebookInstanceAsync(Region, "portal-n8", ct);
        Assert.Equal(NotebookStatuses.Deleting, (await Notebooks.DescribeNotebookInstanceAsync(Region, "portal-n8", ct))!.Status);

        await Notebooks.DeleteNotebookInstanceAsync(Region, "portal-n8", ct);
        await Notebooks.StopNotebookInstanceAsync(Region, "portal-n8", ct);

        Assert.Equal(NotebookStatuses.Deleting, (await Notebooks.DescribeNotebookInstanceAsync(Region, "portal-n8", ct))!.Status);
        Assert.Null(await WaitForAsync(() => Notebooks.DescribeNotebookInstanceAsync(Region, "portal-n8", ct), d => d is null, "the instance to be gone"));
    }

    [Fact]
    public async Task Describe_of_a_missing_instance_is_null()
    {
        var description = await Notebooks.DescribeNotebookInstanceAsync(Region, "portal-never-created", TestContext.Current.CancellationToken);

        Assert.Null(description);
    }

    [Fact]
    public async Task Deleting_a_missing_instance_succeeds()
    {
        await Notebooks.DeleteNotebookInstanceAsync(Region, "portal-never-created", TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task List_returns_the_instances_whose_names_start_with_the_prefix_with_the_tags_given_at_create()
    {
        var ct = TestContext.Current.CancellationToken;
        var createdAt = Time.GetUtcNow();
        var aliceTags = new Dictionary<string, string> { ["portal-session"] = "nl1-a", ["portal-owner"] = "alice" };
        var alice = await Notebooks.CreateNotebookInstanceAsync(Request("portal-nl1-a") with { Tags = aliceTags }, ct);
        await Notebooks.CreateNotebookInstanceAsync(Request("portal-nl1-b"), ct);
        await Notebooks.CreateNotebookInstanceAsync(Request("portal-nl2-c"), ct);
        await Notebooks.CreateNotebookInstanceAsync(Request("other-portal-nl1-d"), ct);
        await Notebooks.CreateNotebookInstanceAsync(Request("portal-nl1-e") with { Region = RegionCode.Parse("us-east-1") }, ct);

        var listed = await Notebooks.ListNotebookInstancesAsync(Region, "portal-nl1-", ct);

        Assert.Equal(["portal-nl1-a", "portal-nl1-b"], listed.Select(i => i.Name).Order(StringComparer.Ordinal));
        var a = Assert.Single(listed, i => i.Name == "portal-nl1-a");
        Assert.Equal(alice.ResourceId, a.Arn);
        Assert.Equal(NotebookStatuses.Pending, a.Status);
        Assert.Equal(createdAt, a.CreatedAt);
        Assert.All(aliceTags, tag => Assert.Equal(tag.Value, Assert.Contains(tag.Key, a.Tags)));
        var b = Assert.Single(listed, i => i.Name == "portal-nl1-b");
        Assert.Equal("portal-nl1-b", Assert.Contains("portal-session", b.Tags));
        Assert.Equal(4, (await Notebooks.ListNotebookInstancesAsync(Region, string.Empty, ct)).Count);
        Assert.Empty(await Notebooks.ListNotebookInstancesAsync(Region, "Portal-nl1-", ct));
    }

    [Fact]
    public async Task List_shows_an_instance_being_deleted_and_leaves_it_out_once_it_is_gone()
    {
        var ct = TestContext.Current.CancellationToken;
        await Notebooks.CreateNotebookInstanceAsync(Request("portal-nl3-keep"), ct);
        await Notebooks.CreateNotebookInstanceAsync(Request("portal-nl3-gone"), ct);
        await WaitForStatusAsync("portal-nl3-gone", NotebookStatuses.InService);
        await Notebooks.StopNotebookInstanceAsync(Region, "portal-nl3-gone", ct);
        await WaitForStatusAsync("portal-nl3-gone", NotebookStatuses.Stopped);

        await Notebooks.DeleteNotebookInstanceAsync(Region, "portal-nl3-gone", ct);

        var deleting = await Notebooks.ListNotebookInstancesAsync(Region, "portal-nl3-", ct);
        Assert.Equal(NotebookStatuses.Deleting, Assert.Single(deleting, i => i.Name == "portal-nl3-gone").Status);
        await WaitForAsync(() => Notebooks.DescribeNotebookInstanceAsync(Region, "portal-nl3-gone", ct), d => d is null, "the instance to be gone");
        var listed = await Notebooks.ListNotebookInstancesAsync(Region, "portal-nl3-", ct);
        var kept = Assert.Single(listed);
        Assert.Equal("portal-nl3-keep", kept.Name);
        Assert.Equal(NotebookStatuses.InService, kept.Status);
    }

    [Fact]
    public async Task List_returns_every_instance_however_many_pages_it_takes()
    {
        var ct = TestContext.Current.CancellationToken;
        var names = Enumerable.Range(1, 5).Select(i => $"portal-nl5-n{i}").ToList();
        foreach (var name in names)
        {
            var tags = new Dictionary<string, string> { ["portal-session"] = name, ["portal-owner"] = "owner-" + name, ["portal-step"] = "notebook" };
            await Notebooks.CreateNotebookInstanceAsync(Request(name) with { Tags = tags }, ct);
        }

        var listed = await Notebooks.ListNotebookInstancesAsync(Region, "portal-nl5-", ct);

        Assert.Equal(names, listed.Select(i => i.Name).Order(StringComparer.Ordinal));
        Assert.All(listed, i =>
        {
            Assert.Equal(i.Name, i.Tags["portal-session"]);
            Assert.Equal("owner-" + i.Name, i.Tags["portal-owner"]);
            Assert.Equal("notebook", i.Tags["portal-step"]);
        });
    }
}
