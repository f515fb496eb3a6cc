using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Domain.Cloud;
using Portal.Domain.Regions;
using Portal.Infra.Persistence;

namespace Portal.Infra.Sandbox;

/// <summary>
/// The sandbox cloud: an in-process control plane that answers like CloudFormation and SageMaker. Requests are
/// stored in the portal's database and statuses follow from them and the clock (see <see cref="SandboxStackTimeline"/>).
/// </summary>
internal sealed class SandboxCloud(
    IDbContextFactory<PortalDbContext> factory,
    IOptions<SandboxOptions> options,
    TimeProvider clock,
    IDataProtectionProvider dataProtection) : IStackDeployer, INotebookService, ISandboxNotebookViewer
{
    internal const string AccountId = "000000000000";
    private const string PresignPurpose = "Portal.Sandbox.PresignedNotebookUrl";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private SandboxOptions Options => options.Value;

    public async Task<CreateOutcome> CreateStackAsync(StackCreateRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var existing = await FindLiveAsync(db, SandboxResourceKind.Stack, request.Region, request.StackName, cancellationToken);
        if (existing is not null)
        {
            return SameStackRequest(existing, request);
        }

        var resource = new SandboxResource
        {
            Kind = SandboxResourceKind.Stack,
            Region = request.Region.Value,
            Name = request.StackName,
            ResourceId = $"arn:aws:cloudformation:{request.Region}:{AccountId}:stack/{request.StackName}/{Guid.NewGuid()}",
            Shape = request.Template,
            ParametersJson = JsonSerializer.Serialize(request.Parameters, Json),
            TagsJson = JsonSerializer.Serialize(request.Tags, Json),
            ClientRequestToken = request.ClientRequestToken,
            CreatedAt = clock.GetUtcNow(),
        };
        return await InsertAsync(db, resource, cancellationToken);
    }

    public async Task<StackDescription?> DescribeStackAsync(RegionCode region, string stackName, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var stack = await FindLiveAsync(db, SandboxResourceKind.Stack, region, stackName, cancellationToken);
        if (stack is null)
        {
            return null;
        }

        var (status, reason) = SandboxStackTimeline.Status(SandboxStackTimeline.Events(stack, Options, clock.GetUtcNow()), stack.Name);
        var outputs = StackStatuses.IsCreated(status)
            ? JsonSerializer.Deserialize<Dictionary<string, string>>(stack.ParametersJson, Json) ?? []
            : [];
        return new StackDescription(stack.ResourceId, stack.Name, status, reason, stack.CreatedAt, outputs);
    }

    public async Task<IReadOnlyList<StackEvent>> DescribeStackEventsAsync(RegionCode region, string stackName, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var stack = await FindLiveAsync(db, SandboxResourceKind.Stack, region, stackName, cancellationToken)
                    ?? throw new CloudOperationException("ValidationError", $"Stack with id {stackName} does not exist");
        return SandboxStackTimeline.Events(stack, Options, clock.GetUtcNow());
    }

    public async Task DeleteStackAsync(RegionCode region, string stackName, string clientRequestToken, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var stack = await FindLiveAsync(db, SandboxResourceKind.Stack, region, stackName, cancellationToken);
        if (stack is null || stack.DeleteRequestedAt is not null)
        {
            return;
        }

        stack.DeleteRequestedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<CreateOutcome> CreateNotebookInstanceAsync(NotebookInstanceRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var existing = await FindLiveAsync(db, SandboxResourceKind.NotebookInstance, request.Region, request.InstanceName, cancellationToken);
        if (existing is not null)
        {
            return new CreateOutcome(existing.ResourceId, AlreadyExisted: true);
        }

        var resource = new SandboxResource
        {
            Kind = SandboxResourceKind.NotebookInstance,
            Region = request.Region.Value,
            Name = request.InstanceName,
            ResourceId = $"arn:aws:sagemaker:{request.Region}:{AccountId}:notebook-instance/{request.InstanceName}",
            Shape = request.InstanceType,
            TagsJson = JsonSerializer.Serialize(request.Tags, Json),
            CreatedAt = clock.GetUtcNow(),
            DocumentFileName = request.Notebook.FileName,
            DocumentContent = request.Notebook.Content,
        };
        return await InsertAsync(db, resource, cancellationToken);
    }

    public async Task<NotebookInstanceDescription?> DescribeNotebookInstanceAsync(RegionCode region, string instanceName, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var instance = await FindLiveAsync(db, SandboxResourceKind.NotebookInstance, region, instanceName, cancellationToken);
        return instance is null
            ? null
            : new NotebookInstanceDescription(instance.Name, instance.ResourceId, NotebookStatus(instance), null);
    }

    public async Task<Uri> CreatePresignedUrlAsync(RegionCode region, string instanceName, TimeSpan sessionExpiry, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var instance = await FindLiveAsync(db, SandboxResourceKind.NotebookInstance, region, instanceName, cancellationToken)
                       ?? throw new CloudOperationException("ValidationException", $"RecordNotFound: notebook instance {instanceName} does not exist.");
        // The expiry travels inside the protected payload and is checked against the portal's clock: the time-limited
        // protector of ASP.NET Core reads the machine clock, which a sandbox on a fake or shifted clock does not follow.
        var expires = clock.GetUtcNow() + Options.PresignedUrlLifetime;
        var token = Protector().Protect(string.Join('|', region.Value, instance.Name, expires.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)));
        return new Uri($"/sandbox/notebooks/{Uri.EscapeDataString(region.Value)}/{Uri.EscapeDataString(instance.Name)}?authToken={Uri.EscapeDataString(token)}", UriKind.Relative);
    }

    public async Task StopNotebookInstanceAsync(RegionCode region, string instanceName, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var instance = await FindLiveAsync(db, SandboxResourceKind.NotebookInstance, region, instanceName, cancellationToken)
                       ?? throw new CloudOperationException("ValidationException", $"RecordNotFound: notebook instance {instanceName} does not exist.");
        var status = NotebookStatus(instance);
        if (status is not (NotebookStatuses.InService or NotebookStatuses.Pending))
        {
            return;
        }

        instance.StopRequestedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task DeleteNotebookInstanceAsync(RegionCode region, string instanceName, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var instance = await FindLiveAsync(db, SandboxResourceKind.NotebookInstance, region, instanceName, cancellationToken);
        if (instance is null || instance.DeleteRequestedAt is not null)
        {
            return;
        }

        var status = NotebookStatus(instance);
        if (status is not (NotebookStatuses.Stopped or NotebookStatuses.Failed))
        {
            throw new CloudOperationException(
                "ValidationException",
                $"Status ({status}) not in ([Stopped, Failed]). Unable to transition to (Deleting) for Notebook Instance ({instance.ResourceId}).");
        }

        instance.DeleteRequestedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Opens a notebook through a URL from <see cref="CreatePresignedUrlAsync"/>; null when the token is wrong, expired, or the instance is gone.</summary>
    public async Task<NotebookView?> OpenPresignedAsync(string region, string instanceName, string? authToken, CancellationToken cancellationToken) =>
        await OpenPresignedDocumentAsync(region, instanceName, authToken, cancellationToken) is { } document
            ? new NotebookView(document, Notebooks.NotebookReader.Read(document.Content))
            : null;

    private async Task<NotebookDocument?> OpenPresignedDocumentAsync(string region, string instanceName, string? authToken, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(authToken) || !RegionCode.TryParse(region, out var regionCode))
        {
            return null;
        }

        string payload;
        try
        {
            payload = Protector().Unprotect(authToken);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }

        var parts = payload.Split('|');
        if (parts.Length != 3
            || parts[0] != regionCode.Value
            || parts[1] != instanceName
            || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var expiresAt)
            || clock.GetUtcNow() >= DateTimeOffset.FromUnixTimeMilliseconds(expiresAt))
        {
            return null;
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var instance = await FindLiveAsync(db, SandboxResourceKind.NotebookInstance, regionCode, instanceName, cancellationToken);
        return instance is { DocumentFileName: { } fileName, DocumentContent: { } content }
               && NotebookStatus(instance) == NotebookStatuses.InService
            ? new NotebookDocument(fileName, content)
            : null;
    }

    public async Task<IReadOnlyList<StackSummary>> ListStacksAsync(RegionCode region, string namePrefix, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var stacks = await ListLiveAsync(SandboxResourceKind.Stack, region, namePrefix, cancellationToken);
        return [.. stacks
            .Select(stack => (Stack: stack, SandboxStackTimeline.Status(SandboxStackTimeline.Events(stack, Options, now), stack.Name).Status))
            .Where(listed => !StackStatuses.IsDeleted(listed.Status))
            .Select(listed => new StackSummary(listed.Stack.ResourceId, listed.Stack.Name, listed.Status, listed.Stack.CreatedAt, TagsOf(listed.Stack)))];
    }

    public async Task<IReadOnlyList<NotebookInstanceSummary>> ListNotebookInstancesAsync(
        RegionCode region, string namePrefix, CancellationToken cancellationToken)
    {
        var instances = await ListLiveAsync(SandboxResourceKind.NotebookInstance, region, namePrefix, cancellationToken);
        return [.. instances.Select(instance => new NotebookInstanceSummary(
            instance.Name, instance.ResourceId, NotebookStatus(instance), instance.CreatedAt, TagsOf(instance)))];
    }

    /// <summary>
    /// As CloudFormation: a create repeated with the same client request token is the same request and answers with
    /// the existing stack; another request for a name that is taken is refused.
    /// </summary>
    private static CreateOutcome SameStackRequest(SandboxResource existing, StackCreateRequest request) =>
        string.Equals(existing.ClientRequestToken, request.ClientRequestToken, StringComparison.Ordinal)
            ? new CreateOutcome(existing.ResourceId, AlreadyExisted: true)
            : throw new CloudOperationException("AlreadyExistsException", $"Stack [{request.StackName}] already exists");

    private IDataProtector Protector() => dataProtection.CreateProtector(PresignPurpose);

    private string NotebookStatus(SandboxResource instance)
    {
        var now = clock.GetUtcNow();
        if (instance.DeleteRequestedAt is not null)
        {
            return NotebookStatuses.Deleting;
        }

        if (instance.StopRequestedAt is { } stopAt)
        {
            return now < stopAt + Options.NotebookStopDuration ? NotebookStatuses.Stopping : NotebookStatuses.Stopped;
        }

        return now < instance.CreatedAt + Options.NotebookCreateDuration ? NotebookStatuses.Pending : NotebookStatuses.InService;
    }

    private bool IsGoneNow(SandboxResource resource)
    {
        if (resource.DeleteRequestedAt is not { } deleteAt)
        {
            return false;
        }

        var duration = resource.Kind == SandboxResourceKind.Stack ? Options.StackDeleteDuration : Options.NotebookStopDuration;
        return clock.GetUtcNow() >= deleteAt + duration;
    }

    /// <summary>The live resource of that name; a resource whose delete has finished is marked gone on the way.</summary>
    private async Task<SandboxResource?> FindLiveAsync(PortalDbContext db, SandboxResourceKind kind, RegionCode region, string name, CancellationToken cancellationToken)
    {
        var resource = await db.SandboxResources.FirstOrDefaultAsync(
            r => r.Kind == kind && r.Region == region.Value && r.Name == name && !r.IsGone, cancellationToken);
        if (resource is not null && IsGoneNow(resource))
        {
            resource.IsGone = true;
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }

        return resource;
    }

    private static async Task<CreateOutcome> InsertAsync(PortalDbContext db, SandboxResource resource, CancellationToken cancellationToken)
    {
        db.SandboxResources.Add(resource);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return new CreateOutcome(resource.ResourceId, AlreadyExisted: false);
        }
        catch (DbUpdateException)
        {
            // Another caller created the same name at the same moment (unique index): theirs stands.
            db.ChangeTracker.Clear();
            var winner = await db.SandboxResources.AsNoTracking().FirstAsync(
                r => r.Kind == resource.Kind && r.Region == resource.Region && r.Name == resource.Name && !r.IsGone, cancellationToken);
            return new CreateOutcome(winner.ResourceId, AlreadyExisted: true);
        }
    }

    /// <summary>The resources of a kind in a region whose names start with the prefix (ordinal) and whose delete has not finished, by name.</summary>
    private async Task<List<SandboxResource>> ListLiveAsync(
        SandboxResourceKind kind, RegionCode region, string namePrefix, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(namePrefix);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var candidates = await db.SandboxResources.AsNoTracking()
            .Where(r => r.Kind == kind && r.Region == region.Value && !r.IsGone)
            .ToListAsync(cancellationToken);
        return [.. candidates
            .Where(r => r.Name.StartsWith(namePrefix, StringComparison.Ordinal) && !IsGoneNow(r))
            .OrderBy(r => r.Name, StringComparer.Ordinal)];
    }

    private static Dictionary<string, string> TagsOf(SandboxResource resource) =>
        new(JsonSerializer.Deserialize<Dictionary<string, string>>(resource.TagsJson, Json) ?? [], StringComparer.Ordinal);
}
