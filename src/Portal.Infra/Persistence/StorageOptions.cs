namespace Portal.Infra.Persistence;

/// <summary>Where the portal keeps its state.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>
    /// The folder for the SQLite database and the data-protection keys.
    /// </summary>
    /// <remarks>Defaults to <c>Portal</c> under the user's local application data folder (~/.local/share/Portal on Linux).</remarks>
    public string? DataDirectory { get; set; }

    public string ResolveDataDirectory() =>
        string.IsNullOrWhiteSpace(DataDirectory)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "Portal")
            : Path.GetFullPath(DataDirectory);
}
