using Microsoft.Extensions.Logging;

namespace Portal.Infra.Aws.Runtime;

/// <summary>The AWS provider's log events. None of them takes a header, a body or a URL.</summary>
internal static partial class AwsLog
{
    [LoggerMessage(EventId = 3100, Level = LogLevel.Information,
        Message = "AWS {Operation} in {Region}: HTTP {StatusCode} in {ElapsedMs} ms (request id {RequestId})")]
    public static partial void CallSucceeded(ILogger logger, string operation, string region, int statusCode, long elapsedMs, string requestId);

    [LoggerMessage(EventId = 3101, Level = LogLevel.Warning,
        Message = "AWS {Operation} in {Region}: HTTP {StatusCode} in {ElapsedMs} ms (request id {RequestId})")]
    public static partial void CallFailed(ILogger logger, string operation, string region, int statusCode, long elapsedMs, string requestId);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Warning,
        Message = "AWS {Operation} in {Region}: no answer after {ElapsedMs} ms ({Failure})")]
    public static partial void CallGotNoAnswer(ILogger logger, string operation, string region, long elapsedMs, string failure);

    [LoggerMessage(EventId = 3103, Level = LogLevel.Information,
        Message = "AWS {Operation} in {Region} failed with {ErrorCode}; attempt {NextAttempt} of {MaxAttempts} in {DelayMs} ms")]
    public static partial void Retrying(ILogger logger, string operation, string region, string errorCode, int nextAttempt, int maxAttempts, long delayMs);

    [LoggerMessage(EventId = 3104, Level = LogLevel.Warning,
        Message = "AWS {Operation} in {Region} failed with {ErrorCode} on attempt {Attempt}, the last one")]
    public static partial void RetriesExhausted(ILogger logger, string operation, string region, string errorCode, int attempt);

    [LoggerMessage(EventId = 3105, Level = LogLevel.Warning,
        Message = "AWS {Operation} in {Region} failed with {ErrorCode}; the retry quota is spent, not retrying")]
    public static partial void RetryQuotaExhausted(ILogger logger, string operation, string region, string errorCode);

    [LoggerMessage(EventId = 3110, Level = LogLevel.Warning,
        Message = "AWS {Operation} in {Region} failed: {ErrorCode} (request id {RequestId})")]
    public static partial void OperationFailed(ILogger logger, string operation, string region, string errorCode, string? requestId);

    [LoggerMessage(EventId = 3111, Level = LogLevel.Information,
        Message = "{Resource} {Name} in {Region} already existed; the create was a retry")]
    public static partial void AlreadyExisted(ILogger logger, string resource, string name, string region);

    [LoggerMessage(EventId = 3112, Level = LogLevel.Warning,
        Message = "Could not delete lifecycle configuration {Name} in {Region}: {ErrorCode}")]
    public static partial void LifecycleConfigNotDeleted(ILogger logger, string name, string region, string errorCode);
}
