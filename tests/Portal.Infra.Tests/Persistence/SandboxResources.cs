using Portal.Infra.Sandbox;

namespace Portal.Infra.Tests.Persistence;

/// <summary>Sandbox resource rows written straight to the database, to test its constraints without the sandbox's own checks.</summary>
internal static class SandboxResources
{
    public static SandboxResource Stack(string name, bool isGone) => new()
    {
        Kind = SandboxResourceKind.Stack,
        Region = "us-east-1",
        Name = name,
        ResourceId = $"arn:aws:cloudformation:us-east-1:000000000000:stack/{name}/{Guid.NewGuid()}",
        Shape = "SessionWorkers",
        CreatedAt = Support.InfraTestHost.Start,
        IsGone = isGone,
    };
}
