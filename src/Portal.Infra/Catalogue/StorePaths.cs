namespace Portal.Infra.Catalogue;

/// <summary>Which store locations a catalogue may give: an S3 or GCS URL, or a path relative to the catalogue.</summary>
internal static class StorePaths
{
    public static bool IsStorePath(string path)
    {
        if (path.StartsWith("s3://", StringComparison.Ordinal) || path.StartsWith("gs://", StringComparison.Ordinal))
        {
            return path.Length > "s3://".Length && !path.Any(char.IsWhiteSpace);
        }

        // Relative: no scheme or drive (no ':' before the first '/'), not rooted, not the home folder.
        var slash = path.IndexOfAny(['/', '\\']);
        var beforeSlash = slash < 0 ? path : path[..slash];
        return path.Length > 0
            && !beforeSlash.Contains(':', StringComparison.Ordinal)
            && path[0] is not ('/' or '\\' or '~')
            && !path.Any(char.IsControl);
    }
}
