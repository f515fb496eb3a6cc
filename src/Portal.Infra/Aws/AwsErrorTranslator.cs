using System.Net;
using Portal.Domain.Cloud;
using Portal.Infra.Aws.Runtime;

namespace Portal.Infra.Aws;

/// <summary>Turns what AWS said into a message a portal user can act on.</summary>
internal static class AwsErrorTranslator
{
    public static CloudOperationException Translate(AwsServiceException ex, string? message = null)
    {
        ArgumentNullException.ThrowIfNull(ex);
        var text = message ?? DefaultMessage(ex);
        return new CloudOperationException(ex.ErrorCode, text, ex.RequestId, ex, IsTransient(ex));
    }

    /// <summary>Errors the SDK's standard retries gave up on that may pass with time: throttling, 429, 5xx, timeouts.</summary>
    public static bool IsTransient(AwsServiceException ex) =>
        ex.IsThrottling()
        || ex.StatusCode == HttpStatusCode.TooManyRequests
        || (int)ex.StatusCode >= 500
        || ex.ErrorCode is "RequestTimeout" or "NetworkFailure";

    public static bool IsThrottling(this AwsServiceException ex) => StandardRetryRules.ThrottlingCodes.Contains(ex.ErrorCode);

    /// <summary>AWS refused the request's signature or credentials (the SDKs' "auth" errors, in both protocols' spellings).</summary>
    public static bool IsCredentialProblem(string errorCode) => errorCode is
        "InvalidSignatureException" or "SignatureDoesNotMatch" or "IncompleteSignature" or "IncompleteSignatureException"
        or "MissingAuthenticationToken" or "MissingAuthenticationTokenException" or "UnrecognizedClientException"
        or "InvalidClientTokenId" or "ExpiredToken" or "ExpiredTokenException";

    private static string DefaultMessage(AwsServiceException ex)
    {
        var where = $"{ex.Operation} in {ex.Region}";
        return ex.ErrorCode switch
        {
            _ when ex.IsThrottling() =>
                $"AWS is throttling the portal's calls ({where}) and did not recover after retries. Try again in a minute.",
            _ when ex.StatusCode == HttpStatusCode.TooManyRequests =>
                $"{where} was answered with HTTP 429 Too Many Requests. Try again in a minute.",
            "AccessDenied" or "AccessDeniedException" or "UnauthorizedOperation" or "AuthorizationError" =>
                $"The portal's AWS identity is not allowed to do {where}: {ex.Message} Check the IAM policy in deploy/iam/portal-policy.json.",
            _ when IsCredentialProblem(ex.ErrorCode) =>
                $"AWS did not accept the portal's credentials ({where}): {ex.Message} Check the credentials the portal runs with "
                + "(the key and secret, an expired session or SSO login) and the server's clock.",
            "NoCredentials" =>
                $"AWS did not accept the portal's credentials ({where}): {ex.Message} Check the credentials the portal runs with.",
            "RequestTimeout" or "NetworkFailure" =>
                $"AWS did not answer {where} in time, after retries. Try again; if it persists, check the network and endpoint settings.",
            _ when (int)ex.StatusCode >= 500 =>
                $"AWS had an internal error in {where} and did not recover after retries. Try again in a few minutes.",
            _ => $"{where} failed: {ex.Message}",
        };
    }
}
