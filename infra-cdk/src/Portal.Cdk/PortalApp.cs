using Amazon.CDK;
using Portal.Cdk.Home;
using Portal.Cdk.Naming;
using Portal.Cdk.Portal;
using Portal.Cdk.Region;
using Portal.Cdk.Session;
using Portal.Cdk.Settings;
using Portal.Cdk.Shared;

namespace Portal.Cdk;

/// <summary>
/// The five stacks. PortalStack and HomeFoundation are deployed by the operator with <c>cdk deploy</c> (home region,
/// bootstrapped). RegionFoundation, SessionScheduler and SessionWorkers are templates the portal deploys itself through
/// the CloudFormation API: environment-agnostic, without assets or bootstrap parameters, their only parameters
/// being the contract with the portal.
/// </summary>
internal static class PortalApp
{
    public static void AddStacks(App app, PortalSettings settings, string templatesDirectory)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var home = new Amazon.CDK.Environment { Region = settings.HomeRegion };
        var homeFoundation = new HomeFoundationStack(app, PortalNames.HomeFoundation, new HomeFoundationStackProps
        {
            Env = home,
            StackName = PortalNames.HomeFoundationStackName,
            Description = "Portal home foundation: VPC, Transit Gateway hub, Cloud Map, scheduler cluster, notebooks",
            Settings = settings,
        });
        var portal = new PortalStack(app, PortalNames.PortalStack, new PortalStackProps
        {
            Env = home,
            StackName = PortalNames.PortalStackName,
            Description = "Portal: the web application, its database and its permissions",
            Settings = settings,
            TemplatesDirectory = templatesDirectory,
        });
        // PortalStack imports HomeFoundation's exports by name.
        portal.AddDependency(homeFoundation);

        AddPortalTemplates(app, settings);
    }

    /// <summary>The three templates the portal deploys (also written to the artifacts bucket by PortalStack).</summary>
    public static void AddPortalTemplates(App app, PortalSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var region = new RegionFoundationStack(app, PortalNames.RegionFoundation, new RegionFoundationStackProps
        {
            Synthesizer = new BootstraplessSynthesizer(new BootstraplessSynthesizerProps()),
            Description = "Portal worker region: VPC, Transit Gateway peering, FSx for Lustre with the datasets, ECS capacity",
            WorkerSizes = settings.WorkerSizes,
            DefaultWorkerSize = settings.DefaultWorkerSize,
            WorkerCidrs = [.. settings.WorkerRegions.Select(r => r.Cidr)],
            HomeCidr = settings.HomeCidr,
            PortalCidr = settings.PortalCidr,
        });
        var scheduler = new SessionSchedulerStack(app, PortalNames.SessionScheduler, new StackProps
        {
            Synthesizer = new BootstraplessSynthesizer(new BootstraplessSynthesizerProps()),
            Description = "Portal session: Dask scheduler (home region)",
        });
        var workers = new SessionWorkersStack(app, PortalNames.SessionWorkers, new SessionWorkersStackProps
        {
            Synthesizer = new BootstraplessSynthesizer(new BootstraplessSynthesizerProps()),
            Description = "Portal session: Dask workers of one region",
            WorkerSizes = settings.WorkerSizes,
            DefaultWorkerSize = settings.DefaultWorkerSize,
        });
        foreach (var stack in new Stack[] { region, scheduler, workers })
        {
            PortalManagedStack.Apply(stack);
        }
    }
}
