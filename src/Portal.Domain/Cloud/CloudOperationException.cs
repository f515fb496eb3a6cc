namespace Portal.Domain.Cloud;

/// <summary>
/// A cloud call that failed for a reason the user should read (quota reached, name taken, access denied).
/// <see cref="Exception.Message"/> says what happened and what to do; <see cref="ErrorCode"/> is the provider's code.
/// </summary>
public sealed class CloudOperationException : Exception
{
    public CloudOperationException()
    {
        ErrorCode = "Unknown";
    }

    public CloudOperationException(string message)
        : base(message)
    {
        ErrorCode = "Unknown";
    }

    public CloudOperationException(string message, Exception innerException)
        : base(message, innerException)
    {
        ErrorCode = "Unknown";
    }

    public CloudOperationException(string errorCode, string message, string? requestId = null, Exception? innerException = null)
        : base(message, innerException)
    {
        ErrorCode = errorCode;
        RequestId = requestId;
    }

    public string ErrorCode { get; }

    public string? RequestId { get; }
}
