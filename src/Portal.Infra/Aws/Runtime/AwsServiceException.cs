using System.Net;

namespace Portal.Infra.Aws.Runtime;

/// <summary>
/// An AWS call that failed, with the service's own error code, message and request id (the counterpart of the SDK's
/// <c>AmazonServiceException</c>). Adapters turn it into a <see cref="Portal.Domain.Cloud.CloudOperationException"/>.
/// </summary>
public sealed class AwsServiceException : Exception
{
    public AwsServiceException()
        : this("Unknown", "AWS call failed.", null, 0)
    {
    }

    public AwsServiceException(string message)
        : this("Unknown", message, null, 0)
    {
    }

    public AwsServiceException(string message, Exception innerException)
        : this("Unknown", message, null, 0, innerException)
    {
    }

    public AwsServiceException(string errorCode, string message, string? requestId, HttpStatusCode statusCode, Exception? innerException = null)
        : base(message, innerException)
    {
        ErrorCode = errorCode;
        RequestId = requestId;
        StatusCode = statusCode;
    }

    /// <summary>The service's code, e.g. <c>ValidationError</c>, <c>ThrottlingException</c>; <c>RequestTimeout</c> or <c>NetworkFailure</c> when no answer came.</summary>
    public string ErrorCode { get; }

    public string? RequestId { get; }

    /// <summary>The HTTP status, or 0 when no answer came.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The operation that failed, e.g. <c>CreateStack</c>.</summary>
    public string Operation { get; init; } = "Unknown";

    public string Region { get; init; } = "unknown";
}
