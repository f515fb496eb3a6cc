namespace Portal.Infra.Map;

/// <summary>
/// One decoded TopoJSON geometry: its polygons, each a list of closed rings (the first is the outer ring,
/// the others are holes), every ring's last position equal to its first.
/// </summary>
internal sealed record TopoFeature(string? Id, string Name, IReadOnlyList<IReadOnlyList<LonLat[]>> Polygons);
