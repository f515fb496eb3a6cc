using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using Portal.Domain.Cloud;
using Portal.Domain.Regions;
using Portal.Domain.Sessions;
using Portal.Infra.Notebooks;
using Portal.Infra.Sandbox;

namespace Portal.Infra.Compute;

/// <summary>
/// Notebook links for sessions with real compute. The presigned URL is the portal's (<c>/sandbox/jupyter/…</c>): it
/// expires, works once and only for the session's owner; redeeming it answers with the Jupyter server's address and
/// token, which never pass through a log. Sessions launched without real compute get the sandbox's viewer, as before.
/// </summary>
internal sealed class LocalNotebookGate(
    SandboxCloud sandbox,
    LocalComputePaths paths,
    ISessionStore store,
    IOptions<SandboxOptions> options,
    TimeProvider clock,
    IDataProtectionProvider dataProtection) : INotebookService, ILocalNotebookGate
{
    private const string Purpose = "Portal.Sandbox.JupyterLink";
    private const string InstancePrefix = "portal-";
    private readonly ConcurrentDictionary<string, DateTimeOffset> _used = new(StringComparer.Ordinal);

    public Task<CreateOutcome> CreateNotebookInstanceAsync(NotebookInstanceRequest request, CancellationToken cancellationToken) =>
        sandbox.CreateNotebookInstanceAsync(request, cancellationToken);

    public Task<NotebookInstanceDescription?> DescribeNotebookInstanceAsync(RegionCode region, string instanceName, CancellationToken cancellationToken) =>
        sandbox.DescribeNotebookInstanceAsync(region, instanceName, cancellationToken);

    public Task StopNotebookInstanceAsync(RegionCode region, string instanceName, CancellationToken cancellationToken) =>
        sandbox.StopNotebookInstanceAsync(region, instanceName, cancellationToken);

    public Task DeleteNotebookInstanceAsync(RegionCode region, string instanceName, CancellationToken cancellationToken) =>
        sandbox.DeleteNotebookInstanceAsync(region, instanceName, cancellationToken);

    public Task<IReadOnlyList<NotebookInstanceSummary>> ListNotebookInstancesAsync(RegionCode region, string namePrefix, CancellationToken cancellationToken) =>
        sandbox.ListNotebookInstancesAsync(region, namePrefix, cancellationToken);

    public async Task<Uri> CreatePresignedUrlAsync(RegionCode region, string instanceName, TimeSpan sessionExpiry, CancellationToken cancellationToken)
    {
        if (await LocalNotebookAsync(instanceName, cancellationToken) is null)
        {
            return await sandbox.CreatePresignedUrlAsync(region, instanceName, sessionExpiry, cancellationToken);
        }

        var expires = clock.GetUtcNow() + options.Value.PresignedUrlLifetime;
        var nonce = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
        var token = Protector().Protect(string.Join('|', instanceName, expires.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture), nonce));
        return new Uri($"/sandbox/jupyter/{Uri.EscapeDataString(instanceName)}?authToken={Uri.EscapeDataString(token)}", UriKind.Relative);
    }

    public async Task<Uri?> RedeemAsync(Actor actor, string instanceName, string? authToken, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (string.IsNullOrEmpty(authToken) || authToken.Length > 4096)
        {
            return null;
        }

        string payload;
        try
        {
            payload = Protector().Unprotect(authToken);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var parts = payload.Split('|');
        if (parts.Length != 3 || parts[0] != instanceName
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var expiresAt)
            || now >= DateTimeOffset.FromUnixTimeMilliseconds(expiresAt))
        {
            return null;
        }

        if (await LocalNotebookAsync(instanceName, cancellationToken) is not var (session, folder, port) || session.Owner != actor.Id)
        {
            return null;
        }

        // Once: a second use of the same link (a copied URL, a replay) opens nothing.
        foreach (var (used, until) in _used)
        {
            if (until <= now)
            {
                _used.TryRemove(used, out _);
            }
        }

        if (!_used.TryAdd(parts[2], DateTimeOffset.FromUnixTimeMilliseconds(expiresAt)))
        {
            return null;
        }

        var file = Uri.EscapeDataString(NotebookWriter.FileName(session.Id));
        var token = Uri.EscapeDataString(folder.Secret(JupyterFiles.TokenName));
        return new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/notebooks/{file}?token={token}");
    }

    /// <summary>The session, its folder and Jupyter's port when <paramref name="instanceName"/> is a live session's local notebook.</summary>
    private async Task<(Session Session, LocalSessionFolder Folder, int Port)?> LocalNotebookAsync(string instanceName, CancellationToken cancellationToken)
    {
        if (!instanceName.StartsWith(InstancePrefix, StringComparison.Ordinal)
            || !SessionId.TryParse(instanceName[InstancePrefix.Length..], out var id)
            || await store.FindAsync(id, cancellationToken) is not { } session
            || session.Steps.FirstOrDefault(s => s.Kind == StepKind.Notebook) is not { } step
            || !LocalCompute.IsLocal(step.Spec) || step.ResourceName != instanceName)
        {
            return null;
        }

        var folder = paths.Session(id);
        return JupyterFiles.Port(folder, step.ResourceName) is { } port
               && LocalProcess.Read(folder.PidFile(step.ResourceName)) is { } record && LocalProcess.IsRunning(record)
            ? (session, folder, port)
            : null;
    }

    private IDataProtector Protector() => dataProtection.CreateProtector(Purpose);
}
