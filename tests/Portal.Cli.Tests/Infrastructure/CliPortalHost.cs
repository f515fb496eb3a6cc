namespace Portal.Cli.Tests.Infrastructure;

/// <summary>The shared <see cref="PortalHost"/> in a temporary folder of its own, removed with the host.</summary>
public sealed class CliPortalHost(IDictionary<string, string?>? settings = null)
    : PortalHost(NewDataDirectory("portal-cli-"), settings)
{
    public new CliPortalHost Start()
    {
        base.Start();
        return this;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file the portal still held: the temporary folder is cleaned up by the system.
        }
    }
}
