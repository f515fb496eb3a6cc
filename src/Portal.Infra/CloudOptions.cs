namespace Portal.Infra;

/// <summary>Which cloud the portal acts in.</summary>
public sealed class CloudOptions
{
    public const string SectionName = "Cloud";
    public const string Sandbox = "Sandbox";
    public const string Aws = "Aws";

    /// <summary><c>Sandbox</c> (an in-process imitation, no account needed) or <c>Aws</c>.</summary>
    /// <remarks>Defaults to <c>Sandbox</c>.</remarks>
    public string Provider { get; set; } = Sandbox;
}
