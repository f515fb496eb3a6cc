namespace Portal.Web.Diagnostics;

/// <summary>The memory and circuit figures a capacity run reads from the portal (issue 16).</summary>
public sealed class LoadDiagnosticsOptions
{
    public const string SectionName = "LoadDiagnostics";

    /// <summary>
    /// Maps <c>GET /_diagnostics/load</c>, answered to loopback callers only: managed heap, working set, CPU time and
    /// open circuits. For load runs on the operator's own machine; a full garbage collection on request makes it costly.
    /// </summary>
    /// <remarks>Defaults to <c>false</c>: the endpoint does not exist.</remarks>
    public bool Enabled { get; set; }
}
