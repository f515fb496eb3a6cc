using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Portal.Cli.Tests;

/// <summary>The CLI is a client of the HTTP API only: it ships without the portal's own assemblies.</summary>
public sealed class CliAssemblyTests
{
    [Fact]
    public void The_cli_references_no_assembly_of_the_portal()
    {
        using var pe = new PEReader(File.OpenRead(Path.Combine(AppContext.BaseDirectory, "Portal.Cli.dll")));
        var metadata = pe.GetMetadataReader();

        var references = metadata.AssemblyReferences.Select(h => metadata.GetString(metadata.GetAssemblyReference(h).Name)).ToList();

        Assert.Contains("System.CommandLine", references);
        Assert.DoesNotContain(references, r => r.StartsWith("Portal.", StringComparison.Ordinal) || r.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
    }
}
