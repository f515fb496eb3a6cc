using Microsoft.Extensions.Options;
using Portal.Domain;

namespace Portal.Infra.Orchestration;

/// <summary>The portal's own base address: <see cref="OrchestrationOptions.PublicBaseUrl"/>, or the first address the server listens on.</summary>
internal sealed class PortalUrls(IOptions<OrchestrationOptions> options) : IPortalAddress
{
    private Uri _baseUri = WithSlash(options.Value.PublicBaseUrl ?? new Uri("http://localhost/"));

    public Uri BaseUri => Volatile.Read(ref _baseUri);

    public void ServerListening(Uri address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (options.Value.PublicBaseUrl is null)
        {
            Volatile.Write(ref _baseUri, WithSlash(address));
        }
    }

    private static Uri WithSlash(Uri uri)
    {
        var text = uri.AbsoluteUri;
        return new Uri(text.EndsWith('/') ? text : text + "/");
    }
}
