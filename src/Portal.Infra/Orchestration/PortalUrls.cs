namespace Portal.Infra.Orchestration;

/// <summary>The portal's own base address, known once the server listens (or configured).</summary>
public sealed class PortalUrls
{
    private Uri _baseUri = new("http://localhost/");

    public Uri BaseUri => Volatile.Read(ref _baseUri);

    public void Set(Uri baseUri)
    {
        ArgumentNullException.ThrowIfNull(baseUri);
        var text = baseUri.AbsoluteUri;
        Volatile.Write(ref _baseUri, new Uri(text.EndsWith('/') ? text : text + "/"));
    }
}
