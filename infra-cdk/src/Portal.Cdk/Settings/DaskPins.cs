using System.Text.RegularExpressions;

namespace Portal.Cdk.Settings;

/// <summary>
/// The pinned Python packages of <c>docker/dask/requirements.txt</c> and the Python version of
/// <c>docker/dask/Dockerfile</c>: the one list the Dask image and the notebook client both install.
/// </summary>
internal sealed partial record DaskPins(IReadOnlyList<string> Requirements, string DaskVersion, string PythonVersion)
{
    public const string RequirementsPath = "docker/dask/requirements.txt";
    public const string DockerfilePath = "docker/dask/Dockerfile";

    /// <summary>A name for the notebook's conda environment that changes whenever a pin does, so environments never drift.</summary>
    public string EnvironmentName =>
        $"dask-{DaskVersion}-py{PythonVersion}-{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(string.Join('\n', Requirements))))[..8]}";

    public static DaskPins Read(string repositoryRoot) =>
        Parse(
            File.ReadAllText(Path.Combine(repositoryRoot, RequirementsPath)),
            File.ReadAllText(Path.Combine(repositoryRoot, DockerfilePath)));

    public static DaskPins Parse(string requirements, string dockerfile)
    {
        ArgumentNullException.ThrowIfNull(requirements);
        ArgumentNullException.ThrowIfNull(dockerfile);
        var pins = new List<string>();
        foreach (var raw in requirements.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (!ExactPin().IsMatch(line))
            {
                throw new InvalidOperationException($"'{line}' in {RequirementsPath} is not an exact pin (name==version).");
            }

            pins.Add(line);
        }

        string Version(string package) =>
            pins.Select(p => p.Split("==")).FirstOrDefault(p => string.Equals(p[0], package, StringComparison.OrdinalIgnoreCase))?[1]
            ?? throw new InvalidOperationException($"{RequirementsPath} does not pin {package}.");

        var dask = Version("dask");
        if (Version("distributed") != dask)
        {
            throw new InvalidOperationException($"{RequirementsPath} pins dask {dask} but distributed {Version("distributed")}: they ship together.");
        }

        var python = PythonArg().Match(dockerfile);
        if (!python.Success)
        {
            throw new InvalidOperationException($"{DockerfilePath} has no 'ARG PYTHON_VERSION=x.y'.");
        }

        return new DaskPins(pins, dask, python.Groups["version"].Value);
    }

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]*==[0-9][A-Za-z0-9.+!-]*$")]
    private static partial Regex ExactPin();

    [GeneratedRegex(@"^ARG PYTHON_VERSION=(?<version>[0-9]+\.[0-9]+)\s*$", RegexOptions.Multiline)]
    private static partial Regex PythonArg();
}
