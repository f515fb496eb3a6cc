using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Signing;

namespace Portal.Infra.Aws.Runtime;

/// <summary>
/// Signs every request with SigV4 through AWSSDK.Core's <see cref="SigV4SigningHandler"/>. That handler owns its
/// transport when built alone, which <c>IHttpClientFactory</c> forbids, so it is wrapped here with an inner handler
/// that forwards to this handler's own <see cref="DelegatingHandler.InnerHandler"/>. Region and service come from
/// each request's options (<see cref="AwsRequestOptions"/>).
/// </summary>
internal sealed class AwsSigningHandler : DelegatingHandler
{
    private readonly HttpMessageInvoker _signer;

    public AwsSigningHandler(AWSCredentials credentials, DateTime? signedAt = null)
    {
        var parameters = new AWSSigV4Parameters
        {
            Credentials = credentials,
            Region = RegionEndpoint.USEast1,
            Service = "execute-api",
            SignedAt = signedAt,
        };
        _signer = new HttpMessageInvoker(new SigV4SigningHandler(parameters, new Forwarder(this)), disposeHandler: true);
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        _signer.SendAsync(request, cancellationToken);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _signer.Dispose();
        }

        base.Dispose(disposing);
    }

    private Task<HttpResponseMessage> ForwardAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        base.SendAsync(request, cancellationToken);

    private sealed class Forwarder(AwsSigningHandler owner) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            owner.ForwardAsync(request, cancellationToken);
    }
}
