using Portal.Domain.Cloud;
using Portal.Domain.Regions;

namespace Portal.Infra.Tests.Orchestration;

/// <summary>Passes every call to the real notebook service, with hooks around instance creation.</summary>
internal sealed class InterceptingNotebookService(INotebookService inner) : INotebookService
{
    /// <summary>Runs before the create reaches the cloud; throwing stops it there.</summary>
    public Func<NotebookInstanceRequest, Task>? BeforeCreate { get; set; }

    /// <summary>Runs after the cloud accepted the create, before the caller sees the answer.</summary>
    public Func<NotebookInstanceRequest, Task>? AfterCreate { get; set; }

    public async Task<CreateOutcome> CreateNotebookInstanceAsync(NotebookInstanceRequest request, CancellationToken cancellationToken)
    {
        if (BeforeCreate is not null)
        {
            await BeforeCreate(request);
        }

        var outcome = await inner.CreateNotebookInstanceAsync(request, cancellationToken);
        if (AfterCreate is not null)
        {
            await AfterCreate(request);
        }

        return outcome;
    }

    public Task<NotebookInstanceDescription?> DescribeNotebookInstanceAsync(RegionCode region, string instanceName, CancellationToken cancellationToken) =>
        inner.DescribeNotebookInstanceAsync(region, instanceName, cancellationToken);

    public Task<Uri> CreatePresignedUrlAsync(RegionCode region, string instanceName, TimeSpan sessionExpiry, CancellationToken cancellationToken) =>
        inner.CreatePresignedUrlAsync(region, instanceName, sessionExpiry, cancellationToken);

    public Task StopNotebookInstanceAsync(RegionCode region, string instanceName, CancellationToken cancellationToken) =>
        inner.StopNotebookInstanceAsync(region, instanceName, cancellationToken);

    public Task DeleteNotebookInstanceAsync(RegionCode region, string instanceName, CancellationToken cancellationToken) =>
        inner.DeleteNotebookInstanceAsync(region, instanceName, cancellationToken);

    public Task<IReadOnlyList<NotebookInstanceSummary>> ListNotebookInstancesAsync(RegionCode region, string namePrefix, CancellationToken cancellationToken) =>
        inner.ListNotebookInstancesAsync(region, namePrefix, cancellationToken);
}
