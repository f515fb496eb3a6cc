namespace Portal.Cdk.Settings;

/// <summary>Finds the repository root: the nearest folder up from a start that holds the pinned Dask requirements.</summary>
internal static class RepositoryRoot
{
    public static string Find(string start)
    {
        for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, DaskPins.RequirementsPath)))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No folder above {start} holds {DaskPins.RequirementsPath}.");
    }
}
