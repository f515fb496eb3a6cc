using Amazon.CDK;
using Portal.Cdk;
using Portal.Cdk.Settings;

// cdk.json runs this from infra-cdk/: the repository root is where docker/dask/requirements.txt is.
var root = RepositoryRoot.Find(Directory.GetCurrentDirectory());
var app = new App();
var settings = PortalSettings.FromContext(app.Node, root);
var templates = Path.Combine(Path.GetTempPath(), "portal-cdk-templates", Guid.NewGuid().ToString("N"));
try
{
    PortalTemplates.WriteTo(templates, settings);
    PortalApp.AddStacks(app, settings, templates);
    _ = app.Synth();
}
finally
{
    if (Directory.Exists(templates))
    {
        Directory.Delete(templates, recursive: true);
    }
}
