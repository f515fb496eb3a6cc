using Portal.Domain.Cloud;
using Portal.Infra.Tests.Cloud;
using Portal.Infra.Tests.Support;

namespace Portal.Infra.Tests.Sandbox;

/// <summary>The sandbox cloud keeps the same port contract as the AWS provider.</summary>
public sealed class SandboxStackDeployerContractTests : StackDeployerContract
{
    private InfraTestHost? _host;

    protected override async ValueTask<IStackDeployer> CreateDeployerAsync()
    {
        _host = await InfraTestHost.CreateAsync(TestContext.Current.CancellationToken, clock: Time);
        return _host.Sandbox;
    }

    public override async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        await base.DisposeAsync();
    }
}

/// <summary>The sandbox's notebook instances keep the same port contract as SageMaker's.</summary>
public sealed class SandboxNotebookServiceContractTests : NotebookServiceContract
{
    private InfraTestHost? _host;

    protected override async ValueTask<INotebookService> CreateServiceAsync()
    {
        _host = await InfraTestHost.CreateAsync(TestContext.Current.CancellationToken, clock: Time);
        return _host.Sandbox;
    }

    public override async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        await base.DisposeAsync();
    }
}
