using Microsoft.Extensions.Options;
using Portal.Domain.Sessions;
using Portal.Infra.Persistence;
using Portal.Infra.Sandbox;

namespace Portal.Infra.Compute;

/// <summary>
/// The folders of real compute under the portal's data folder: <c>compute/data/&lt;region&gt;/&lt;bucket&gt;</c> holds each
/// region's sample data (laid out like the FSx mounts), <c>compute/sessions/&lt;id&gt;</c> each session's processes, and
/// <c>compute/python</c> the notebook helper the processes import.
/// </summary>
internal sealed class LocalComputePaths(IOptions<StorageOptions> storage, IOptions<SandboxOptions> sandbox)
{
    public string Root => Path.Combine(storage.Value.ResolveDataDirectory(), "compute");

    public string DataRoot => Path.Combine(Root, "data");

    public string Python => sandbox.Value.Python;

    /// <summary>The folder holding the <c>portal_dask</c> package shipped with the portal (copied beside its binaries).</summary>
    public static string HelperPath => Path.Combine(AppContext.BaseDirectory, "python");

    public LocalSessionFolder Session(SessionId id) => new(Root, id);

    /// <summary>Every session folder there is, live or not.</summary>
    public IEnumerable<LocalSessionFolder> Sessions()
    {
        var folder = Path.Combine(Root, "sessions");
        return Directory.Exists(folder)
            ? Directory.EnumerateDirectories(folder)
                .Select(Path.GetFileName)
                .Where(name => SessionId.TryParse(name, out _))
                .Select(name => Session(SessionId.Parse(name!)))
            : [];
    }
}
