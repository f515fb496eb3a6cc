using Portal.Domain.Datasets;

namespace Portal.Domain.Regions;

/// <summary>The RegionFoundation stack the portal creates for one worker region.</summary>
/// <param name="Region">Where the stack is created.</param>
/// <param name="StackName"><c>portal-region-&lt;region&gt;</c>.</param>
/// <param name="Template">The logical template name, <c>RegionFoundation</c>.</param>
/// <param name="Parameters">Every parameter the template declares, with its value.</param>
/// <param name="Datasets">The region's datasets, in the order of the two dataset lists.</param>
public sealed record RegionFoundationSpec(
    RegionCode Region,
    string StackName,
    string Template,
    IReadOnlyDictionary<string, string> Parameters,
    IReadOnlyList<Dataset> Datasets);
