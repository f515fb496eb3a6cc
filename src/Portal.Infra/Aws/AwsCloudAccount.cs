using Amazon.Runtime;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Domain.Cloud;
using Portal.Domain.Regions;
using Portal.Infra.Aws.Runtime;

namespace Portal.Infra.Aws;

/// <summary>
/// <see cref="ICloudAccount"/> through the served AWSSDK.SecurityToken package (STS GetCallerIdentity), against the
/// home region's endpoint (or the configured override) and in the SDK's standard retry mode.
/// </summary>
internal sealed class AwsCloudAccount(
    AWSCredentials credentials,
    AwsEndpointResolver endpoints,
    IOptions<AwsOptions> options,
    ILogger<AwsCloudAccount> logger) : ICloudAccount
{
    public async Task<CloudIdentity> GetCallerIdentityAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var region = RegionCode.Parse(settings.HomeRegion);
        var config = new AmazonSecurityTokenServiceConfig
        {
            ServiceURL = endpoints.Resolve(AwsService.Sts, region).ToString(),
            AuthenticationRegion = region.Value,
            RetryMode = RequestRetryMode.Standard,
            MaxErrorRetry = settings.Retry.MaxAttempts - 1,
        };
        using var client = new AmazonSecurityTokenServiceClient(credentials, config);
        try
        {
            var response = await client.GetCallerIdentityAsync(new GetCallerIdentityRequest(), cancellationToken);
            return new CloudIdentity(response.Account, response.Arn, response.UserId);
        }
        catch (AmazonServiceException ex)
        {
            AwsLog.OperationFailed(logger, "GetCallerIdentity", region.Value, ex.ErrorCode ?? "Unknown", ex.RequestId);
            var translated = new AwsServiceException(ex.ErrorCode ?? "Unknown", ex.Message, ex.RequestId, ex.StatusCode, ex)
            {
                Operation = "GetCallerIdentity",
                Region = region.Value,
            };
            throw AwsErrorTranslator.Translate(translated);
        }
        catch (AmazonClientException ex)
        {
            throw new CloudOperationException("NoCredentials", $"No AWS credentials could be resolved: {ex.Message}", null, ex);
        }
    }
}
