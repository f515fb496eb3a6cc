using System.Net;

namespace Portal.Infra.Aws.Runtime;

/// <summary>What both protocols share: send, and turn a failure of any kind into an <see cref="AwsServiceException"/>.</summary>
internal static class AwsTransport
{
    public static async Task<HttpResponseMessage> SendAsync(
        HttpClient http, HttpRequestMessage message, string operation, string region, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(message, HttpCompletionOption.ResponseContentRead, cancellationToken);
        }
        catch (TimeoutException ex)
        {
            throw new AwsServiceException("RequestTimeout", ex.Message, null, 0, ex) { Operation = operation, Region = region };
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new AwsServiceException("RequestTimeout", $"{operation} in {region} got no answer in time.", null, 0, ex)
            {
                Operation = operation,
                Region = region,
            };
        }
        catch (Amazon.Runtime.AmazonClientException ex)
        {
            // The default credential chain found nothing usable (or its source failed).
            throw new AwsServiceException("NoCredentials", $"No AWS credentials could be resolved: {ex.Message}", null, 0, ex)
            {
                Operation = operation,
                Region = region,
            };
        }
        catch (HttpRequestException ex)
        {
            throw new AwsServiceException("NetworkFailure", $"{operation} in {region} could not reach AWS: {ex.Message}", null, 0, ex)
            {
                Operation = operation,
                Region = region,
            };
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            var error = AwsError.Parse((int)response.StatusCode, body, response.Headers);
            throw new AwsServiceException(error.Code, error.Message, error.RequestId, response.StatusCode)
            {
                Operation = operation,
                Region = region,
            };
        }
    }

    public static string? RequestId(HttpResponseMessage response) =>
        response.Headers.TryGetValues("x-amzn-RequestId", out var values) ||
        response.Headers.TryGetValues("x-amz-request-id", out values)
            ? values.FirstOrDefault()
            : null;

    public static bool IsNotFound(this AwsServiceException ex) => ex.StatusCode == HttpStatusCode.NotFound;
}
