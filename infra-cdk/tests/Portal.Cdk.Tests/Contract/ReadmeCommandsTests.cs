using System.Text.RegularExpressions;
using Portal.Cdk.Naming;
using Portal.Cdk.Tests.Support;

namespace Portal.Cdk.Tests.Contract;

/// <summary>The operator copies the README's deploy command: it must give every PortalStack parameter, to that stack only.</summary>
public sealed partial class ReadmeCommandsTests(SynthesizedApp app)
{
    [Fact]
    public void The_deploy_command_names_the_stack_of_each_parameter_and_gives_them_all()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "infra-cdk", "README.md"));
        var start = readme.IndexOf("npx cdk deploy PortalStack", StringComparison.Ordinal);
        var command = readme[start..readme.IndexOf("```", start, StringComparison.Ordinal)];
        var given = DeployParameter().Matches(command).Select(m => m.Groups["value"].Value).ToList();

        // `cdk deploy PortalStack` deploys HomeFoundation too and hands it every unprefixed parameter (CLI 2.160.0).
        Assert.All(given, p => Assert.StartsWith(PortalNames.PortalStackName + ":", p, StringComparison.Ordinal));
        var names = given.Select(p => p[(p.IndexOf(':', StringComparison.Ordinal) + 1)..p.IndexOf('=', StringComparison.Ordinal)]);
        Assert.Equal(app["PortalStack"].ParameterNames.Where(p => p != "BootstrapVersion").Order(), names.Order());
    }

    [GeneratedRegex(@"--parameters (?<value>\S+)")]
    private static partial Regex DeployParameter();
}
