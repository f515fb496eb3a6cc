using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Forms;
using Portal.Domain.Datasets;
using Portal.Domain.Sessions;
using Portal.Web.Auth;

namespace Portal.Web.Components.Pages.Admin;

/// <summary>
/// Every dataset of the catalogue with its state, enabling and disabling them, editing their display fields, and
/// importing a registry file after a preview. The page is for admins (its attribute); each handler asks again who is
/// signed in, and the use case checks once more.
/// </summary>
public sealed partial class DatasetsPage : IDisposable
{
    /// <summary>Rows per page.</summary>
    public const int PageSize = 50;

    /// <summary>The most datasets, changes or problems a preview lists of each kind.</summary>
    public const int MaxListed = 50;

    private const string AdminsOnly = "Only a Portal.Admin can manage datasets.";

    private readonly CancellationTokenSource _lifetime = new();
    private string? _query;
    private int _page = 1;
    private (bool IsError, string Text)? _message;
    private bool _busy;
    private DatasetId? _editing;
    private string? _title;
    private string? _description;
    private string? _tags;
    private IReadOnlyDictionary<string, string> _errors = new Dictionary<string, string>();
    private ImportPreview? _preview;
    private byte[]? _content;
    private string? _fileName;
    private CatalogueSource _source;

    [Inject]
    private DatasetCatalog Catalog { get; set; } = default!;

    [Inject]
    private IDatasetAdministration Datasets { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    private IReadOnlyList<Dataset> Matches => string.IsNullOrWhiteSpace(_query)
        ? Catalog.Everything
        : [.. Catalog.Everything.Where(d => IsMatch(d, _query.Trim()))];

    private int PageCount => Math.Max(1, (Matches.Count + PageSize - 1) / PageSize);

    private string Showing
    {
        get
        {
            var count = Matches.Count;
            if (count == 0)
            {
                return "No dataset matches.";
            }

            var first = ((_page - 1) * PageSize) + 1;
            return $"Datasets {first} to {Math.Min(count, _page * PageSize)} of {count}.";
        }
    }

    public void Dispose()
    {
        _lifetime.Cancel();
        _lifetime.Dispose();
    }

    private IEnumerable<Dataset> PageOf(IReadOnlyList<Dataset> all) => all.Skip((_page - 1) * PageSize).Take(PageSize);

    private void SearchChanged(string? query)
    {
        _query = query;
        _page = 1;
    }

    private static bool IsMatch(Dataset dataset, string query) =>
        dataset.Id.Value.Contains(query, StringComparison.OrdinalIgnoreCase)
        || dataset.Name.Contains(query, StringComparison.OrdinalIgnoreCase)
        || dataset.Location.Region.Value.Contains(query, StringComparison.OrdinalIgnoreCase)
        || dataset.Tags.Any(t => t.Contains(query, StringComparison.OrdinalIgnoreCase));

    private bool HasError(string field) => _errors.ContainsKey(field);

    private string? ErrorOf(string field) => _errors.TryGetValue(field, out var error) ? error : null;

    private async Task SetEnabledAsync(DatasetId id, bool enabled) =>
        await RunAsync(admin => Datasets.SetEnabledAsync(admin, id, enabled, _lifetime.Token));

    private void StartEdit(Dataset dataset)
    {
        var draft = DatasetDisplayDraft.From(dataset);
        (_editing, _title, _description, _tags) = (dataset.Id, draft.Title, draft.Description, draft.Tags);
        _errors = new Dictionary<string, string>();
        _message = null;
    }

    private void CancelEdit()
    {
        _editing = null;
        _errors = new Dictionary<string, string>();
    }

    private async Task SaveAsync()
    {
        if (_editing is not { } id)
        {
            return;
        }

        var draft = new DatasetDisplayDraft(_title, _description, _tags);
        var result = await RunAsync(admin => Datasets.UpdateDisplayAsync(admin, id, draft, _lifetime.Token));
        _errors = result.Errors;
        if (result.Succeeded)
        {
            _editing = null;
        }
    }

    private async Task FileChosenAsync(InputFileChangeEventArgs e)
    {
        ClearImport();
        if (await AuthenticationState.ToAdminAsync() is not { } admin)
        {
            _message = (true, AdminsOnly);
            return;
        }

        var file = e.File;
        var name = Path.GetFileName(file.Name);
        if (SourceOf(name) is not { } source)
        {
            _message = (true, $"{name} is neither a registry YAML file (.yaml, .yml) nor a facts CSV file (.csv).");
            return;
        }

        if (file.Size > IDatasetAdministration.MaxImportBytes)
        {
            _message = (true, $"{name} is {file.Size:N0} bytes; the largest file an import takes is 1 MB ({IDatasetAdministration.MaxImportBytes:N0} bytes).");
            return;
        }

        _busy = true;
        try
        {
            using var buffer = new MemoryStream();
            await using (var stream = file.OpenReadStream(IDatasetAdministration.MaxImportBytes, _lifetime.Token))
            {
                await stream.CopyToAsync(buffer, _lifetime.Token);
            }

            var content = buffer.ToArray();
            _preview = await Datasets.PreviewImportAsync(admin, content, name, source, _lifetime.Token);
            (_content, _fileName, _source) = (content, name, source);
        }
        catch (IOException ex)
        {
            _message = (true, $"{name} could not be read: {ex.Message}");
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task ApplyImportAsync()
    {
        if (_content is not { } content || _fileName is not { } name)
        {
            return;
        }

        var result = await RunAsync(admin => Datasets.ApplyImportAsync(admin, content, name, _source, _lifetime.Token));
        if (result.Succeeded)
        {
            ClearImport();
        }
        else if (result.Problems.Count > 0)
        {
            // The file was refused when applied (the catalogue changed meanwhile, or the database failed): show why.
            _preview = ImportPreview.Refused(result.Message, result.Problems);
        }
    }

    private void ClearImport() => (_preview, _content, _fileName) = (null, null, null);

    private static CatalogueSource? SourceOf(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".yaml" or ".yml" => CatalogueSource.RegistryYaml,
        ".csv" => CatalogueSource.RegistryFacts,
        _ => null,
    };

    private async Task<DatasetEditResult> RunAsync(Func<Actor, Task<DatasetEditResult>> command)
    {
        if (await AuthenticationState.ToAdminAsync() is not { } admin)
        {
            var refused = DatasetEditResult.Refused(AdminsOnly);
            _message = (true, refused.Message);
            return refused;
        }

        _busy = true;
        try
        {
            var result = await command(admin);
            _message = (!result.Succeeded, result.Message);
            return result;
        }
        finally
        {
            _busy = false;
        }
    }
}
