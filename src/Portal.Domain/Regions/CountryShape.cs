namespace Portal.Domain.Regions;

/// <summary>One country of the world map, ready to render as <c>&lt;path d="…"&gt;</c>.</summary>
/// <param name="Id">The ISO 3166-1 numeric code such as <c>"826"</c>; <see langword="null"/> for the few
/// Natural Earth units without one (N. Cyprus, Somaliland, Kosovo).</param>
/// <param name="Name">The Natural Earth short name, such as <c>"United Kingdom"</c>.</param>
/// <param name="PathData">SVG path data in the map's view box, one subpath per ring; draw with <c>fill-rule="evenodd"</c>.</param>
public sealed record CountryShape(string? Id, string Name, string PathData);
