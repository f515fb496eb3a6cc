using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Hosting;

/// <summary>One portal per SQLite data folder: a second one is refused, naming the first.</summary>
public sealed class DataFolderLockTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static string Refusal(string folder) =>
        $"Another portal (process {Environment.ProcessId}) uses {folder}; stop it or set Storage:DataDirectory.";

    [Fact]
    public async Task A_second_portal_on_the_same_data_folder_is_refused_naming_the_first()
    {
        await using var first = new WebHost();
        _ = first.Services;
        await using var second = new WebHost(new Dictionary<string, string?> { ["Storage:DataDirectory"] = first.DataDirectory });

        var error = Assert.ThrowsAny<Exception>(() => second.Services);

        Assert.Contains(Refusal(first.DataDirectory), error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Once_the_first_portal_stops_the_folder_is_free_for_the_next()
    {
        var folder = Path.Combine(Path.GetTempPath(), "portal-web-" + Guid.NewGuid().ToString("N")[..12]);
        var settings = new Dictionary<string, string?> { ["Storage:DataDirectory"] = folder };
        try
        {
            await using (var first = new WebHost(settings))
            {
                _ = first.Services;
            }

            await using var next = new WebHost(settings);
            using var client = next.CreateClient();

            var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative), Cancel);

            Assert.True(response.IsSuccessStatusCode, $"/healthz answered {response.StatusCode}.");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Run_as_a_program_beside_a_running_portal_it_stops_with_the_reason_and_exit_code_78()
    {
        await using var first = new WebHost();
        _ = first.Services;

        var exit = await PortalProcess.RunUntilExitAsync(
            new Dictionary<string, string> { ["Storage__DataDirectory"] = first.DataDirectory }, ["--urls", "http://127.0.0.1:0"], Cancel);

        Assert.Equal($"Portal cannot start: {Refusal(first.DataDirectory)}", exit.StandardError.Trim());
        Assert.Equal(78, exit.Code);
    }
}
