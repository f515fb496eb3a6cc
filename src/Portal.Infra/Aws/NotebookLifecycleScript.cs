using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using Portal.Domain.Cloud;

namespace Portal.Infra.Aws;

/// <summary>
/// The OnCreate lifecycle script that puts the session's notebook into the instance's home folder.
/// <para>
/// SageMaker allows at most 16384 characters of base64 per script, so the notebook travels gzip-compressed inside the
/// script. gzip shrinks a generated notebook about 3 times and the two base64 encodings add back about 1.8, so a
/// notebook of 17,409 characters (the sample session's, both datasets) takes 10,336. A notebook that is still too large is
/// refused with a clear message rather than staged elsewhere: that would need write access to a bucket, which the
/// portal's policy deliberately does not grant.
/// </para>
/// </summary>
internal static partial class NotebookLifecycleScript
{
    public const int MaxContentLength = SageMaker.NotebookInstanceLifecycleHook.MaxContentLength;

    /// <summary>The folder Jupyter opens on a SageMaker notebook instance.</summary>
    public const string HomeFolder = "/home/ec2-user/SageMaker";

    /// <summary>The script, base64-encoded as the API takes it.</summary>
    public static string BuildContent(NotebookDocument notebook)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        var fileName = SafeFileName(notebook.FileName);
        var script = Script(fileName, Compress(notebook.Content));
        var content = Convert.ToBase64String(Encoding.UTF8.GetBytes(script));
        if (content.Length > MaxContentLength)
        {
            throw new CloudOperationException(
                "NotebookTooLarge",
                $"The notebook {fileName} is too large to place on the instance ({notebook.Content.Length:N0} characters, "
                + $"{content.Length:N0} after compression and encoding; SageMaker allows {MaxContentLength:N0}). "
                + "Choose fewer datasets or variables.");
        }

        return content;
    }

    /// <summary>The file name as it will be written: path and shell-unsafe characters replaced.</summary>
    public static string SafeFileName(string fileName)
    {
        var name = UnsafeCharacters().Replace(Path.GetFileName(fileName ?? string.Empty), "_").TrimStart('.');
        return name.Length == 0 ? "session.ipynb" : name;
    }

    private static string Script(string fileName, string payload) =>
        "#!/bin/bash\n"
        + "# Written by the portal: places the session's notebook in the home folder.\n"
        + "set -euo pipefail\n"
        + $"target=\"${{PORTAL_NOTEBOOK_HOME:-{HomeFolder}}}\"\n"
        + "mkdir -p \"$target\"\n"
        + $"base64 -d <<'PORTAL_NOTEBOOK' | gunzip > \"$target/{fileName}\"\n"
        + payload + "\n"
        + "PORTAL_NOTEBOOK\n"
        + "if id ec2-user >/dev/null 2>&1; then\n"
        + $"  chown ec2-user:ec2-user \"$target/{fileName}\"\n"
        + "fi\n";

    private static string Compress(string content)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(content));
        }

        return Convert.ToBase64String(buffer.ToArray(), Base64FormattingOptions.InsertLineBreaks).Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    [GeneratedRegex("[^A-Za-z0-9._-]")]
    private static partial Regex UnsafeCharacters();
}
