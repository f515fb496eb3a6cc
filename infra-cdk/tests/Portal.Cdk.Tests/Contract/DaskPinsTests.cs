using Portal.Cdk.Settings;
using Portal.Cdk.Tests.Support;

namespace Portal.Cdk.Tests.Contract;

public sealed class DaskPinsTests
{
    private const string Dockerfile = "ARG PYTHON_VERSION=3.12\nFROM python:${PYTHON_VERSION}-slim\n";

    [Fact]
    public void The_repository_list_pins_dask_and_distributed_together()
    {
        var pins = DaskPins.Read(RepositoryPaths.Root);

        Assert.Contains($"distributed=={pins.DaskVersion}", pins.Requirements);
        Assert.Equal("3.12", pins.PythonVersion);
    }

    [Fact]
    public void The_dask_image_installs_the_same_list()
    {
        var dockerfile = File.ReadAllText(Path.Combine(RepositoryPaths.Root, DaskPins.DockerfilePath));

        Assert.Contains("COPY docker/dask/requirements.txt /tmp/requirements.txt", dockerfile, StringComparison.Ordinal);
        Assert.Contains("pip install --requirement /tmp/requirements.txt", dockerfile, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("dask>=2024.1\ndistributed==2024.12.1\n", "not an exact pin")]
    [InlineData("dask==2024.12.1\ndistributed==2024.11.2\n", "ship together")]
    [InlineData("distributed==2024.12.1\n", "does not pin dask")]
    public void A_loose_or_inconsistent_list_is_refused(string requirements, string message)
    {
        var error = Assert.Throws<InvalidOperationException>(() => DaskPins.Parse(requirements, Dockerfile));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_dockerfile_without_the_python_version_is_refused() =>
        Assert.Throws<InvalidOperationException>(() => DaskPins.Parse("dask==1.0\ndistributed==1.0\n", "FROM python:3.12\n"));

    [Fact]
    public void The_notebook_environment_name_changes_with_any_pin()
    {
        var a = DaskPins.Parse("dask==1.0\ndistributed==1.0\nxarray==1\n", Dockerfile);
        var b = DaskPins.Parse("dask==1.0\ndistributed==1.0\nxarray==2\n", Dockerfile);

        Assert.NotEqual(a.EnvironmentName, b.EnvironmentName);
        Assert.StartsWith("dask-1.0-py3.12-", a.EnvironmentName, StringComparison.Ordinal);
    }
}
