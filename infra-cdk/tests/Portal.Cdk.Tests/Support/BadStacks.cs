using Amazon.CDK;
using Constructs;

namespace Portal.Cdk.Tests.Support;

/// <summary>Small stacks built inside a test to show that a guardrail fails on what it forbids.</summary>
internal static class BadStacks
{
    public static CfnTemplate Synthesize(Action<Stack> build)
    {
        var folder = Directory.CreateTempSubdirectory("portal-cdk-bad-");
        try
        {
            var app = new App(new AppProps { Outdir = folder.FullName });
            var stack = new Stack(app, "Bad", new StackProps { Env = new Amazon.CDK.Environment { Region = "eu-west-2" } });
            build(stack);
            var assembly = app.Synth();
            var file = Path.Combine(assembly.Directory, assembly.GetStackByName("Bad").TemplateFile);
            return new CfnTemplate("Bad", JsonNode.Parse(File.ReadAllText(file))!.AsObject());
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>The names of the rules a stack breaks.</summary>
    public static IReadOnlySet<string> Broken(Action<Construct> build) =>
        Guardrails.Guardrail.Check(Synthesize(build)).Select(v => v.Rule).ToHashSet();
}
