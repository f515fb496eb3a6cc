using Portal.Cdk.Tests.Support;
using Portal.Domain.Datasets;
using Portal.Domain.LaunchPlans;
using Portal.Domain.Regions;
using Portal.Domain.Sessions;

namespace Portal.Cdk.Tests.Contract;

/// <summary>The parameters the portal passes when it creates session stacks are exactly the ones the templates declare.</summary>
public sealed class SessionContractTests(SynthesizedApp app)
{
    private static readonly SessionId Session = SessionId.Parse("s-4k7q2m9x1z");

    public static TheoryData<string> Templates => [.. SessionStackParameters.ByTemplate.Keys];

    [Theory]
    [MemberData(nameof(Templates))]
    public void The_template_declares_exactly_the_portals_parameter_names(string template) =>
        Assert.Equal(SessionStackParameters.ByTemplate[template].Order(), app[template].ParameterNames.Order());

    [Theory]
    [MemberData(nameof(Templates))]
    public void Every_parameter_takes_a_plain_value(string template) =>
        Assert.All(app[template].Parameters, p => Assert.Contains(p.Value!["Type"].AsText(), new[] { "String", "Number" }));

    [Fact]
    public void Every_stack_of_a_launch_plan_passes_the_templates_constraints()
    {
        var plan = Planner().Plan(Session, SampleRequests.FirstRun);

        Assert.Equal(3, plan.Stacks.Count);
        foreach (var stack in plan.Stacks)
        {
            var template = app[stack.Template];
            Assert.Empty(template.Parameters.Where(p => p.Value!["Default"] is null && !stack.Parameters.ContainsKey(p.Key)).Select(p => p.Key));
            Assert.Empty(stack.Parameters.SelectMany(p => ParameterConstraints.Problems(template.Parameters[p.Key]!, p.Key, p.Value)));
            Assert.Empty(ParameterConstraints.RuleProblems(template, stack.Parameters));
        }
    }

    [Fact]
    public void A_worker_size_the_regions_do_not_offer_is_refused_by_the_template()
    {
        var request = SampleRequests.FirstRun with { WorkerSize = "t2.nano" };
        var workers = Planner().Plan(Session, request).Stacks.First(s => s.Template == SessionStackParameters.WorkersTemplate);

        var problems = ParameterConstraints.Problems(app[workers.Template].Parameters["WorkerSize"]!, "WorkerSize", workers.Parameters["WorkerSize"]);

        Assert.NotEmpty(problems);
    }

    [Fact]
    public void The_scheduler_registers_under_the_address_the_planner_gives_workers_and_notebook()
    {
        var imports = app["HomeFoundation"].Exports.ToDictionary(e => e.Key, e => e.Value.AsText() ?? "(computed)");
        var intrinsics = new Intrinsics(new Dictionary<string, JsonNode> { ["SessionId"] = Session.Value }, imports);

        var registered = intrinsics.Text(app["SessionScheduler"].Outputs["SchedulerAddress"]!["Value"]);

        Assert.Equal(Planner().SchedulerAddressFor(Session), registered);
    }

    [Fact]
    public void Every_stack_the_planner_names_is_one_the_portals_policy_allows()
    {
        var plan = Planner().Plan(Session, SampleRequests.FirstRun);

        Assert.All(plan.Stacks, s => Assert.StartsWith(Naming.PortalNames.PortalStackPrefix, s.StackName, StringComparison.Ordinal));
    }

    [Fact]
    public void The_portals_default_dask_image_carries_the_pinned_dask_and_python_versions()
    {
        var pins = app.Settings.Pins;

        Assert.EndsWith($":{pins.DaskVersion}-py{pins.PythonVersion}", LaunchSettings.Default.DaskImage, StringComparison.Ordinal);
    }

    private static LaunchPlanner Planner() => new(RegionCatalog.Default, DatasetCatalog.Default, LaunchSettings.Default);
}
