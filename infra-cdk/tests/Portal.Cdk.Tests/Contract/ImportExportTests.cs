using Portal.Cdk.Tests.Support;

namespace Portal.Cdk.Tests.Contract;

/// <summary>Stacks find each other through exports: every import must name something its foundation exports.</summary>
public sealed class ImportExportTests(SynthesizedApp app)
{
    [Theory]
    [InlineData("SessionScheduler", "HomeFoundation")]
    [InlineData("PortalStack", "HomeFoundation")]
    [InlineData("SessionWorkers", "RegionFoundation")]
    public void Every_import_is_exported_by_the_foundation(string importer, string exporter)
    {
        var imports = app[importer].Imports;

        Assert.NotEmpty(imports);
        Assert.Empty(imports.Except(app[exporter].Exports.Keys));
    }

    [Theory]
    [InlineData("HomeFoundation")]
    [InlineData("RegionFoundation")]
    public void Foundations_import_nothing(string foundation) => Assert.Empty(app[foundation].Imports);

    [Fact]
    public void Home_and_region_exports_never_collide_in_the_home_region() =>
        Assert.Empty(app["HomeFoundation"].Exports.Keys.Intersect(app["RegionFoundation"].Exports.Keys));
}
