using Amazon.Runtime;
using Amazon.Runtime.Credentials;

namespace Portal.Infra.Aws.Runtime;

/// <summary>
/// Credentials from the SDK's default chain (environment, profile, SSO, container and instance roles), resolved on
/// first use rather than at startup so the portal starts even when the chain is empty and reports it on the first call.
/// </summary>
internal sealed class DefaultChainCredentials : AWSCredentials, IDisposable
{
    private readonly DefaultAWSCredentialsIdentityResolver _resolver = new();

    public override ImmutableCredentials GetCredentials() => Resolve().GetCredentials();

    public override async Task<ImmutableCredentials> GetCredentialsAsync()
    {
        var credentials = await _resolver.ResolveIdentityAsync(clientConfig: null, CancellationToken.None);
        return await credentials.GetCredentialsAsync();
    }

    public void Dispose() => _resolver.Dispose();

    private AWSCredentials Resolve() => _resolver.ResolveIdentity(clientConfig: null);
}
