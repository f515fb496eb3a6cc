using System.Diagnostics;
using System.Text;
using Portal.Domain.Cloud;
using Portal.Domain.Datasets;
using Portal.Domain.Sessions;
using Portal.Infra.Aws;
using Portal.Infra.Tests.Aws.Fake;
using Portal.Infra.Tests.Notebooks;

namespace Portal.Infra.Tests.Aws.Adapters;

public sealed class NotebookLifecycleScriptTests
{
    [Fact]
    public async Task The_script_writes_the_notebook_byte_for_byte_when_bash_runs_it()
    {
        var notebook = new NotebookDocument("analysis.ipynb", "{\"cells\": [{\"source\": \"print('héllo $HOME `x` \\\\n')\"}]}\n");
        var script = Encoding.UTF8.GetString(Convert.FromBase64String(NotebookLifecycleScript.BuildContent(notebook)));
        var home = Directory.CreateTempSubdirectory("portal-nb-");
        try
        {
            var start = new ProcessStartInfo("bash") { RedirectStandardInput = true, RedirectStandardError = true, UseShellExecute = false };
            start.Environment["PORTAL_NOTEBOOK_HOME"] = home.FullName;
            using var bash = Process.Start(start)!;
            await bash.StandardInput.WriteAsync(script);
            bash.StandardInput.Close();
            await bash.WaitForExitAsync(TestContext.Current.CancellationToken);

            Assert.True(bash.ExitCode == 0, await bash.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken));
            Assert.Equal(notebook.Content, await File.ReadAllTextAsync(Path.Combine(home.FullName, "analysis.ipynb"), TestContext.Current.CancellationToken));
        }
        finally
        {
            home.Delete(recursive: true);
        }
    }

    /// <summary>The numbers docs/aws.md states: the written sample notebooks, measured.</summary>
    [Theory]
    [InlineData(DataType.Both, new[] { "era5", "cmip6" }, 19_156, 11_252)]
    [InlineData(DataType.Historical, new[] { "era5" }, 13_984, 8_972)]
    [InlineData(DataType.Predictive, new[] { "cmip6" }, 15_557, 9_564)]
    public void The_sample_sessions_notebooks_fit_with_a_quarter_to_spare(DataType dataType, string[] datasets, int characters, int encoded)
    {
        var notebook = SampleSessions.Notebook(SampleSessions.FirstRun(dataType, [.. datasets.Select(DatasetId.Parse)]));

        var content = NotebookLifecycleScript.BuildContent(notebook);

        // Within 5 % of the documented sizes, and at most three quarters of SageMaker's limit (the activity cell took the
        // largest sample from 63 % to 69 %).
        Assert.InRange(notebook.Content.Length, characters * 0.95, characters * 1.05);
        Assert.InRange(content.Length, encoded * 0.95, encoded * 1.05);
        Assert.True(content.Length <= NotebookLifecycleScript.MaxContentLength * 3 / 4, $"{content.Length} of {NotebookLifecycleScript.MaxContentLength}");
    }

    [Fact]
    public void The_largest_selection_of_analysed_datasets_still_fits()
    {
        // NCAR's ERA5 with all three projections: a section per projection (issue 10), the longest notebook the form can ask for.
        var notebook = SampleSessions.Notebook(SampleSessions.FirstRun(DataType.Both,
            [DatasetCatalog.Era5Ncar, DatasetCatalog.Cmip6, DatasetCatalog.NexGddpCmip6, DatasetCatalog.Cesm2Lens]));

        var content = NotebookLifecycleScript.BuildContent(notebook);

        Assert.InRange(notebook.Content.Length, 26_208 * 0.95, 26_208 * 1.05);
        Assert.True(content.Length <= NotebookLifecycleScript.MaxContentLength * 9 / 10, $"{content.Length} of {NotebookLifecycleScript.MaxContentLength}");
    }

    [Fact]
    public void A_repetitive_notebook_far_over_the_limit_fits_once_compressed()
    {
        var cells = string.Join(",", Enumerable.Range(0, 400).Select(i => $"{{\"cell_type\": \"code\", \"source\": [\"ds_{i} = open_dataset('/fsx/us-east-1/era5-pds/2020/{i % 12 + 1:00}/data/air_temperature_at_2_metres.nc')\"]}}"));
        var notebook = new NotebookDocument("session.ipynb", $"{{\"cells\": [{cells}], \"nbformat\": 4}}");

        var content = NotebookLifecycleScript.BuildContent(notebook);

        Assert.True(notebook.Content.Length > 40_000);
        Assert.True(content.Length <= 16_384, $"{content.Length} characters");
        Assert.Equal(notebook.Content, FakeSageMaker.NotebookInScript(Encoding.UTF8.GetString(Convert.FromBase64String(content))));
    }

    [Fact]
    public void A_notebook_too_large_even_compressed_is_refused_with_a_clear_message()
    {
        var random = new byte[20_000];
        new Random(7).NextBytes(random);
        var notebook = new NotebookDocument("big.ipynb", Convert.ToBase64String(random));

        var error = Assert.Throws<CloudOperationException>(() => NotebookLifecycleScript.BuildContent(notebook));

        Assert.Equal("NotebookTooLarge", error.ErrorCode);
        Assert.Contains("big.ipynb is too large", error.Message, StringComparison.Ordinal);
        Assert.Contains("16,384", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("session.ipynb", "session.ipynb")]
    [InlineData("../../etc/profile", "profile")]
    [InlineData("my notebook's \"copy\".ipynb", "my_notebook_s__copy_.ipynb")]
    [InlineData(".hidden", "hidden")]
    [InlineData("", "session.ipynb")]
    public void File_names_cannot_escape_the_home_folder_or_the_shell(string given, string expected)
    {
        Assert.Equal(expected, NotebookLifecycleScript.SafeFileName(given));
    }
}
