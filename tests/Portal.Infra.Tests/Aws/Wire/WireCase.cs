using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Regions;
using Portal.Infra.Aws.Runtime;

namespace Portal.Infra.Tests.Aws.Wire;

/// <summary>
/// One operation called twice with the same parameters: by boto3 (<see cref="BotoOperation"/> with
/// <see cref="Parameters"/>) and by our client (<see cref="Ours"/>). Both requests land on the same capture server.
/// </summary>
public sealed record WireCase(
    string Name,
    string BotoService,
    string Region,
    string BotoOperation,
    string Parameters,
    Func<IServiceProvider, CancellationToken, Task> Ours,
    string SigningService)
{
    public bool IsQuery => BotoService is "cloudformation" or "sts";

    /// <summary>The AWS CLI command for the same call (<c>aws &lt;service&gt; &lt;command&gt; --cli-input-json</c>).</summary>
    public string CliCommand => string.Concat(BotoOperation.Split('_').Select((part, i) => i == 0 ? part : "-" + part));

    public static TClient Client<TClient>(IServiceProvider services, string region) =>
        services.GetRequiredService<IAwsClientFactory<TClient>>().ForRegion(RegionCode.Parse(region));

    public override string ToString() => Name;
}
