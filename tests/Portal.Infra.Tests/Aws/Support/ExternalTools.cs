using System.Diagnostics;

namespace Portal.Infra.Tests.Aws.Support;

/// <summary>
/// The reference clients: python3 with boto3/botocore, and the AWS CLI. Missing ones skip the wire tests on a
/// developer machine, and fail them when <c>CI=true</c>, so CI cannot go green without the proof.
/// </summary>
public static class ExternalTools
{
    public const string AccessKey = "AKIAPORTALTEST000001";
    public const string SecretKey = "portal/test/secret+key/0000000000000000000";

    /// <summary>python3 on PATH first; <c>PORTAL_AWS_PYTHON</c> overrides it, <c>/usr/bin/python3</c> (Debian's python3-boto3) is the fallback.</summary>
    private static readonly Lazy<string?> Python = new(() => FirstWorking(
        [Environment.GetEnvironmentVariable("PORTAL_AWS_PYTHON"), "python3", "/usr/bin/python3"], ["-c", "import boto3, botocore"]));

    /// <summary>aws on PATH first; <c>PORTAL_AWS_CLI</c> overrides it, <c>/usr/bin/aws</c> (Debian's awscli) is the fallback.</summary>
    private static readonly Lazy<string?> Cli = new(() => FirstWorking(
        [Environment.GetEnvironmentVariable("PORTAL_AWS_CLI"), "aws", "/usr/bin/aws"], ["--version"]));

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string RequirePython() => Python.Value ?? Missing("python3 with boto3 (pip install boto3)");

    public static string RequireAwsCli() => Cli.Value ?? Missing("the AWS CLI (pip install awscli)");

    /// <summary>Runs a tool with fake credentials and no AWS configuration of the machine.</summary>
    public static async Task<string> RunAsync(string file, IEnumerable<string> arguments, string? stdin, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("AWS_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["AWS_ACCESS_KEY_ID"] = AccessKey;
        start.Environment["AWS_SECRET_ACCESS_KEY"] = SecretKey;
        start.Environment["AWS_CONFIG_FILE"] = "/dev/null";
        start.Environment["AWS_SHARED_CREDENTIALS_FILE"] = "/dev/null";
        start.Environment["AWS_EC2_METADATA_DISABLED"] = "true";
        start.Environment["AWS_MAX_ATTEMPTS"] = "1";
        start.Environment["AWS_RETRY_MODE"] = "standard";
        start.Environment["AWS_PAGER"] = string.Empty;

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin.AsMemory(), cancellationToken);
        }

        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', start.ArgumentList)} exited {process.ExitCode}: {await error}");
        }

        return await output;
    }

    private static string Missing(string what)
    {
        var message = $"The AWS wire tests need {what}.";
        if (IsCi)
        {
            Assert.Fail(message + " CI=true, so this is a failure, not a skip.");
        }

        Assert.Skip(message);
        return string.Empty;
    }

    private static string? FirstWorking(string?[] candidates, string[] arguments) =>
        candidates.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => Probe(c!, arguments)).FirstOrDefault(found => found is not null);

    private static string? Probe(string file, string[] arguments)
    {
        try
        {
            var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start);
            if (process is null)
            {
                return null;
            }

            process.WaitForExit(30_000);
            return process.HasExited && process.ExitCode == 0 ? file : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
