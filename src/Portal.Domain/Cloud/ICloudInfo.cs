namespace Portal.Domain.Cloud;

/// <summary>Which cloud the portal acts in, for the badge and the admin pages.</summary>
/// <param name="Provider">Sandbox or Aws.</param>
/// <param name="IsSandbox">True when nothing real is created.</param>
public sealed record CloudInfo(string Provider, bool IsSandbox);
