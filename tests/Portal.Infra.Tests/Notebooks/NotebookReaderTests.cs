using Portal.Domain.Cloud;
using Portal.Infra.Notebooks;

namespace Portal.Infra.Tests.Notebooks;

public sealed class NotebookReaderTests
{
    [Fact]
    public void Reads_back_the_cells_the_writer_wrote()
    {
        var cells = NotebookReader.Read(SampleSessions.Notebook(SampleSessions.FirstRun()).Content);

        var parameters = cells.Single(c => c.Id == "parameters");
        Assert.Equal(NotebookCellType.Code, parameters.Type);
        Assert.Equal(["parameters"], parameters.Tags);
        Assert.Contains("VARIABLE = \"air_temperature_at_2_metres\"\n", parameters.Source, StringComparison.Ordinal);
        Assert.Equal(NotebookCells.Connect.Source, cells.Single(c => c.Id == "connect").Source);
        Assert.Equal(NotebookCellType.Markdown, cells[0].Type);
    }

    [Fact]
    public void Accepts_older_notebooks_with_one_string_sources_and_no_ids()
    {
        var cells = NotebookReader.Read("""
            {"cells": [
              {"cell_type": "markdown", "metadata": {}, "source": "# Old\nnotebook"},
              {"cell_type": "code", "metadata": {"tags": ["parameters", 3]}, "source": ["a = 1\n", "b = 2"], "outputs": []},
              {"cell_type": "raw", "metadata": {}, "source": []}
            ], "metadata": {}, "nbformat": 4, "nbformat_minor": 2}
            """);

        Assert.Equal(
            [
                new NotebookCell("cell-0", NotebookCellType.Markdown, "# Old\nnotebook", []),
                new NotebookCell("cell-1", NotebookCellType.Code, "a = 1\nb = 2", ["parameters"]),
                new NotebookCell("cell-2", NotebookCellType.Raw, string.Empty, []),
            ],
            cells,
            (a, b) => a.Id == b.Id && a.Type == b.Type && a.Source == b.Source && a.Tags.SequenceEqual(b.Tags));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("{\"metadata\": {}}")]
    [InlineData("{\"cells\": [42]}")]
    public void Refuses_text_that_is_not_a_notebook(string text)
    {
        var error = Assert.Throws<InvalidDataException>(() => NotebookReader.Read(text));

        Assert.StartsWith("This is not a notebook", error.Message, StringComparison.Ordinal);
    }
}
