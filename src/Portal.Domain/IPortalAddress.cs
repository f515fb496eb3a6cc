namespace Portal.Domain;

/// <summary>The portal's own address as written into notebooks (their cost cell calls it back).</summary>
public interface IPortalAddress
{
    Uri BaseUri { get; }

    /// <summary>The server listens at <paramref name="address"/>; used unless an address is configured.</summary>
    void ServerListening(Uri address);
}
