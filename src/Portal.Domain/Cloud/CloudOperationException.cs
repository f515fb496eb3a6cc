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

    public CloudOperationException(string errorCode, string message, string? requestId = null, Exception? innerException = null, bool isTransient = false)
        : base(message, innerException)
    {
        ErrorCode = errorCode;
        RequestId = requestId;
        IsTransient = isTransient;
    }

    /// <summary>
    /// True when the same call may well succeed later (throttling, a server error, a timeout): the portal waits and asks
    /// again instead of failing what it was doing.
    /// </summary>
    public bool IsTransient { get; }

    public string ErrorCode { get; }

    public string? RequestId { get; }
}
