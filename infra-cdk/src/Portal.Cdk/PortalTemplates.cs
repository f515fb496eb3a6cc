using Amazon.CDK;
using Portal.Cdk.Naming;
using Portal.Cdk.Settings;

namespace Portal.Cdk;

/// <summary>
/// Synthesizes the portal-deployed templates on their own first, so that PortalStack can publish the files (an asset
/// must exist when the stack is constructed). The same stacks are added to the main app too, where <c>cdk synth</c>
/// lists them; both copies come from the same code and settings.
/// </summary>
internal static class PortalTemplates
{
    public static readonly string[] Names = [PortalNames.RegionFoundation, PortalNames.SessionScheduler, PortalNames.SessionWorkers];

    /// <summary>Writes <c>&lt;Name&gt;.template.json</c> for each of <see cref="Names"/> into <paramref name="directory"/>.</summary>
    public static void WriteTo(string directory, PortalSettings settings, IDictionary<string, object>? context = null)
    {
        var scratch = Directory.CreateTempSubdirectory("portal-templates-");
        try
        {
            var app = new App(new AppProps { Outdir = scratch.FullName, Context = context });
            PortalApp.AddPortalTemplates(app, settings);
            var assembly = app.Synth();
            Directory.CreateDirectory(directory);
            foreach (var name in Names)
            {
                var stack = assembly.GetStackArtifact(name);
                File.Copy(Path.Combine(assembly.Directory, stack.TemplateFile), Path.Combine(directory, name + ".template.json"), overwrite: true);
            }
        }
        finally
        {
            scratch.Delete(recursive: true);
        }
    }
}
