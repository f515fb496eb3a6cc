using System.Diagnostics;
using System.Text.RegularExpressions;
using Portal.Cdk.Tests.Support;

namespace Portal.Cdk.Tests.Contract;

/// <summary>
/// AWS's own linter finds nothing in the synthesized templates but the warnings infra-cdk/README.md accepts
/// (.cfnlintrc.yaml), and that file never silences an error. .ci/run lints cdk.out the same way.
/// </summary>
public sealed partial class CfnLintTests(SynthesizedApp app)
{
    private static readonly string InfraCdk = Path.Combine(RepositoryPaths.Root, "infra-cdk");

    [Fact]
    public void Only_warnings_are_ignored_and_the_readme_gives_each_a_reason()
    {
        var ignored = IgnoredChecks();
        var readme = File.ReadAllText(Path.Combine(InfraCdk, "README.md"));

        Assert.NotEmpty(ignored);
        Assert.All(ignored, check =>
        {
            Assert.Matches("^W[0-9]{4}$", check);
            Assert.Matches($@"\| `{check}` \| [^|]+ \| [^|]{{20,}} \|", readme);
        });
    }

    [Fact]
    public async Task The_synthesized_templates_have_no_finding_but_the_accepted_warnings()
    {
        var templates = Directory.GetFiles(app.AssemblyDirectory, "*.template.json");
        Assert.Equal(SynthesizedApp.StackNames.Length, templates.Length);

        var info = new ProcessStartInfo("cfn-lint") { WorkingDirectory = InfraCdk, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "--format", "parseable", "--" }.Concat(templates))
        {
            info.ArgumentList.Add(argument);
        }

        Process? lint;
        try
        {
            lint = Process.Start(info);
        }
        catch (System.ComponentModel.Win32Exception) when (Environment.GetEnvironmentVariable("CI") != "true")
        {
            Assert.Skip("cfn-lint is not installed (pip install cfn-lint); CI requires it.");
            return;
        }

        using (lint)
        {
            var ct = TestContext.Current.CancellationToken;
            var output = lint!.StandardOutput.ReadToEndAsync(ct);
            var errors = lint.StandardError.ReadToEndAsync(ct);
            await lint.WaitForExitAsync(ct);

            Assert.True(lint.ExitCode == 0, $"cfn-lint exit code {lint.ExitCode}:\n{await output}\n{await errors}");
        }
    }

    private static List<string> IgnoredChecks() =>
        [.. IgnoredCheck().Matches(File.ReadAllText(Path.Combine(InfraCdk, ".cfnlintrc.yaml"))).Select(m => m.Groups[1].Value)];

    [GeneratedRegex(@"^\s+-\s+([A-Z][0-9]+)", RegexOptions.Multiline)]
    private static partial Regex IgnoredCheck();
}
