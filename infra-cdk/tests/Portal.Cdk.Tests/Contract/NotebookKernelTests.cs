using Portal.Cdk.Naming;
using Portal.Domain.LaunchPlans;

namespace Portal.Cdk.Tests.Contract;

public sealed class NotebookKernelTests
{
    [Fact]
    public void The_lifecycle_configuration_installs_the_kernel_generated_notebooks_ask_for() =>
        Assert.Equal(LaunchSettings.NotebookKernelName, PortalNames.NotebookKernel);
}
