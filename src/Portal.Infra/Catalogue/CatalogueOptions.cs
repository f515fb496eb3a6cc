namespace Portal.Infra.Catalogue;

/// <summary>The dataset catalogue's settings (section <c>Catalogue</c>).</summary>
public sealed class CatalogueOptions
{
    public const string SectionName = "Catalogue";

    /// <summary>
    /// Whether a portal whose catalogue table is empty (a new database) imports the registry catalogue it ships with at
    /// start. Off, a new portal offers the curated datasets only until an admin imports a catalogue; test hosts that start
    /// the app hundreds of times turn it off.
    /// </summary>
    /// <remarks>Defaults to <c>true</c>.</remarks>
    public bool ImportAtStart { get; set; } = true;
}
