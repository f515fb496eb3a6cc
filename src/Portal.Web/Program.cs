using Portal.Infra;
using Portal.Web;
using Portal.Web.Hosting;

// A bad setting stops the portal with one line naming the key and exit code 78 (PortalStartup), not a crash.
return await PortalStartup.RunAsync(
    args,
    compose: builder =>
    {
        builder.AddPortalInfra();
        builder.AddPortalWeb();
    },
    configure: app => app.UsePortalWeb());

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
