using Amazon.CDK;
using Amazon.CDK.Assertions;
using Portal.Cdk.Settings;

namespace Portal.Cdk.Tests.Support;

/// <summary>The whole app synthesized once, exactly as <c>cdk synth</c> does, into a temporary folder.</summary>
public sealed class SynthesizedApp : IDisposable
{
    private readonly DirectoryInfo _folder;
    private readonly Dictionary<string, CfnTemplate> _templates = [];
    private readonly Dictionary<string, Template> _assertions = [];

    public SynthesizedApp()
    {
        Settings = new PortalSettings { RepositoryRoot = RepositoryPaths.Root };
        _folder = Directory.CreateTempSubdirectory("portal-cdk-tests-");
        PublishedTemplates = Path.Combine(_folder.FullName, "published");
        PortalTemplates.WriteTo(PublishedTemplates, Settings);

        var app = new App(new AppProps { Outdir = Path.Combine(_folder.FullName, "cdk.out") });
        PortalApp.AddStacks(app, Settings, PublishedTemplates);
        var assembly = app.Synth();
        foreach (var stack in assembly.Stacks)
        {
            var json = JsonNode.Parse(File.ReadAllText(Path.Combine(assembly.Directory, stack.TemplateFile)))!.AsObject();
            _templates[stack.Id] = new CfnTemplate(stack.Id, json);
        }

        AssemblyDirectory = assembly.Directory;
    }

    public static readonly string[] StackNames = ["PortalStack", "HomeFoundation", "RegionFoundation", "SessionScheduler", "SessionWorkers"];

    internal PortalSettings Settings { get; }

    public string PublishedTemplates { get; }

    public string AssemblyDirectory { get; }

    public IReadOnlyCollection<string> Synthesized => _templates.Keys;

    public CfnTemplate this[string stack] => _templates[stack];

    /// <summary>The same template for Amazon.CDK.Assertions (made on first use: each goes through jsii).</summary>
    public Template Assertions(string stack)
    {
        lock (_assertions)
        {
            if (!_assertions.TryGetValue(stack, out var template))
            {
                template = Template.FromString(_templates[stack].Json.ToJsonString());
                _assertions[stack] = template;
            }

            return template;
        }
    }

    public void Dispose() => _folder.Delete(recursive: true);
}
