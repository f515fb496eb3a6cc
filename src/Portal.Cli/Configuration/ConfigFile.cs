using System.Text.Json;
using System.Text.Json.Serialization;

namespace Portal.Cli.Configuration;

/// <summary>
/// The one place the CLI keeps the token: <c>$XDG_CONFIG_HOME/portal/config.json</c> (else
/// <c>~/.config/portal/config.json</c>), or the file <c>--config</c> names. On Unix the file is created readable by its
/// owner only (mode 600, its folder 700), before the token is written into it, so it is never readable by others.
/// </summary>
internal sealed class ConfigFile(string path)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public string Path { get; } = path;

    /// <summary>The file <c>--config</c> names, else the user's default.</summary>
    public static ConfigFile At(string? explicitPath) => new(string.IsNullOrWhiteSpace(explicitPath) ? DefaultPath() : System.IO.Path.GetFullPath(explicitPath));

    public static string DefaultPath()
    {
        var configHome = Environment.GetEnvironmentVariable("XDG_CONFIG_HOME");
        if (string.IsNullOrWhiteSpace(configHome) || !System.IO.Path.IsPathRooted(configHome))
        {
            configHome = System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".config");
        }

        return System.IO.Path.Combine(configHome, "portal", "config.json");
    }

    /// <summary>What the file holds, or nothing when there is no file yet.</summary>
    public StoredLogin? Read()
    {
        if (!File.Exists(Path))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<StoredLogin>(File.ReadAllText(Path), Json);
        }
        catch (JsonException)
        {
            throw new CliFailure(ExitCodes.NotSignedIn, $"The configuration file {Path} is not valid JSON: run 'portal login' again to rewrite it.");
        }
    }

    public void Write(StoredLogin login)
    {
        try
        {
            WriteOwnerOnly(login);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliFailure(ExitCodes.Usage, $"Could not save the login in {Path}: {ex.Message} Choose another file with --config.");
        }
    }

    private void WriteOwnerOnly(StoredLogin login)
    {
        var folder = System.IO.Path.GetDirectoryName(Path)!;
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
        }
        else
        {
            Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var stream = new FileStream(Path, options);

        // UnixCreateMode applies to a new file only: an older file keeps its mode, so it is set before the token is written.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(stream.SafeFileHandle, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        JsonSerializer.Serialize(stream, login, Json);
    }
}

/// <summary>The contents of the configuration file.</summary>
internal sealed record StoredLogin(
    [property: JsonPropertyName("url")] string Url,
    [property: JsonPropertyName("token")] string Token);
