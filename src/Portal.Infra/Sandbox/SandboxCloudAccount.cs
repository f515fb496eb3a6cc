using Portal.Domain.Cloud;

namespace Portal.Infra.Sandbox;

/// <summary>The sandbox acts in no AWS account: its identity says so plainly, and asking never fails.</summary>
internal sealed class SandboxCloudAccount : ICloudAccount
{
    /// <summary>What the sandbox answers in place of STS GetCallerIdentity.</summary>
    public static readonly CloudIdentity Identity = new(
        Account: "Sandbox cloud: no AWS account",
        Arn: "None: the sandbox's in-process control plane creates nothing real",
        UserId: "sandbox");

    public Task<CloudIdentity> GetCallerIdentityAsync(CancellationToken cancellationToken) => Task.FromResult(Identity);
}
