using System.Globalization;
using Portal.Domain.Audit;
using Portal.Domain.Datasets;
using Portal.Domain.Sessions;
using Portal.Infra.Audit;
using Portal.Infra.Persistence;

namespace Portal.Infra.Catalogue;

/// <summary>
/// The Datasets page's use cases: enabling, disabling and editing datasets (stored in <c>DatasetOverrides</c>, then put
/// in front of users), and imports with a preview. Each call checks the actor again: the page's attribute guards the
/// page, this guards every handler behind it. Every change is audited.
/// </summary>
internal sealed class DatasetAdministration(
    DatasetCatalog catalog,
    EfDatasetOverrideStore overrides,
    DatasetCatalogue catalogue,
    AuditTrail audit,
    TimeProvider clock) : IDatasetAdministration, IDisposable
{
    private const string ObjectType = "dataset";
    private const string AdminsOnly = "Only a Portal.Admin can manage datasets.";
    private const int MaxAuditDetail = 2000;

    // One admin change at a time in this instance, so two edits of one dataset do not lose one another's fields.
    private readonly SemaphoreSlim _changing = new(1, 1);

    public void Dispose() => _changing.Dispose();

    public async Task<DatasetEditResult> SetEnabledAsync(Actor actor, DatasetId id, bool enabled, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsAdmin)
        {
            return DatasetEditResult.Refused(AdminsOnly);
        }

        await _changing.WaitAsync(cancellationToken);
        try
        {
            if (Find(id) is not { } dataset)
            {
                return DatasetEditResult.Refused($"There is no dataset '{id}' in the catalogue.");
            }

            var current = catalog.Overrides.GetValueOrDefault(id);
            if ((current?.Enabled ?? true) == enabled)
            {
                return DatasetEditResult.Done($"'{dataset.Name}' is {(enabled ? "enabled" : "disabled")} already.");
            }

            var change = (current ?? Unchanged(id, actor)) with { Enabled = enabled, UpdatedBy = actor.Name, UpdatedAt = clock.GetUtcNow() };
            await overrides.UpsertAsync(change, cancellationToken);
            catalog.Override(change);
            await audit.RecordAsync(actor, enabled ? AuditActions.DatasetEnable : AuditActions.DatasetDisable, ObjectType, id.Value, dataset.DisplayName, cancellationToken);
            return DatasetEditResult.Done(enabled
                ? $"'{dataset.Name}' is enabled: users can pick it again."
                : $"'{dataset.Name}' is disabled: users no longer see it, and launches naming it are refused.");
        }
        finally
        {
            _changing.Release();
        }
    }

    public async Task<DatasetEditResult> UpdateDisplayAsync(Actor actor, DatasetId id, DatasetDisplayDraft draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(draft);
        if (!actor.IsAdmin)
        {
            return DatasetEditResult.Refused(AdminsOnly);
        }

        var (display, errors) = draft.Check();
        if (display is null)
        {
            return DatasetEditResult.Refused("The dataset was not saved: correct the fields marked.", errors);
        }

        await _changing.WaitAsync(cancellationToken);
        try
        {
            if (Find(id) is not { } before)
            {
                return DatasetEditResult.Refused($"There is no dataset '{id}' in the catalogue.");
            }

            var current = catalog.Overrides.GetValueOrDefault(id) ?? Unchanged(id, actor);
            var change = current with
            {
                Title = display.Title,
                Description = display.Description,
                Tags = display.Tags,
                UpdatedBy = actor.Name,
                UpdatedAt = clock.GetUtcNow(),
            };
            var after = change.ApplyTo(before);
            var fields = CatalogueDiff.Fields(before, after);
            if (fields.Count == 0)
            {
                return DatasetEditResult.Done($"'{before.Name}' is unchanged.");
            }

            await overrides.UpsertAsync(change, cancellationToken);
            catalog.Override(change);
            var detail = string.Join("; ", fields.Select(f => $"{f.Field}: '{f.Before}' -> '{f.After}'"));
            await audit.RecordAsync(actor, AuditActions.DatasetUpdate, ObjectType, id.Value, Shorten(detail), cancellationToken);
            return DatasetEditResult.Done($"'{after.Name}' saved.");
        }
        finally
        {
            _changing.Release();
        }
    }

    public Task<ImportPreview> PreviewImportAsync(Actor actor, byte[] content, string fileName, CatalogueSource source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(content);
        if (!actor.IsAdmin)
        {
            return Task.FromResult(ImportPreview.Refused(AdminsOnly));
        }

        if (CheckFile(content, fileName, source) is { } refusal)
        {
            return Task.FromResult(ImportPreview.Refused(refusal));
        }

        using var stream = new MemoryStream(content, writable: false);
        var (datasets, problems, message) = catalogue.Preview(stream, fileName, source, cancellationToken);
        if (datasets is null)
        {
            return Task.FromResult(ImportPreview.Refused(message, problems));
        }

        var diff = CatalogueDiff.Between(catalog.Imported, datasets);
        return Task.FromResult(new ImportPreview(true, message, diff.Added, diff.Changed, diff.Removed, diff.Unchanged, problems));
    }

    public async Task<DatasetEditResult> ApplyImportAsync(Actor actor, byte[] content, string fileName, CatalogueSource source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(content);
        if (!actor.IsAdmin)
        {
            return DatasetEditResult.Refused(AdminsOnly);
        }

        if (CheckFile(content, fileName, source) is { } refusal)
        {
            return DatasetEditResult.Refused(refusal);
        }

        var before = catalog.Imported;
        using var stream = new MemoryStream(content, writable: false);
        var result = await catalogue.ImportAsync(stream, fileName, source, actor.Name, cancellationToken);
        if (!result.Succeeded)
        {
            return DatasetEditResult.Refused(result.Message) with { Problems = result.Problems };
        }

        var diff = CatalogueDiff.Between(before, catalog.Imported);
        var counts = string.Create(CultureInfo.InvariantCulture,
            $"{Path.GetFileName(fileName)} ({source}): {diff.Added.Count} added, {diff.Changed.Count} changed, {diff.Removed.Count} removed, {diff.Unchanged} unchanged, {result.Problems.Count} problem(s); {result.Total} in the catalogue");
        await audit.RecordAsync(actor, AuditActions.DatasetImport, ObjectType, Path.GetFileName(fileName), counts, cancellationToken);
        return DatasetEditResult.Done(result.Message) with { Problems = result.Problems };
    }

    private static string? CheckFile(byte[] content, string fileName, CatalogueSource source)
    {
        if (string.IsNullOrWhiteSpace(fileName))
        {
            return "Choose a file to import.";
        }

        if (!Enum.IsDefined(source))
        {
            return "Choose the file's format: registry YAML or facts CSV.";
        }

        if (content.Length == 0)
        {
            return $"{Path.GetFileName(fileName)} is empty.";
        }

        if (content.Length > IDatasetAdministration.MaxImportBytes)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"{Path.GetFileName(fileName)} is {content.Length:N0} bytes; the largest file an import takes is 1 MB ({IDatasetAdministration.MaxImportBytes:N0} bytes).");
        }

        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        var expected = source == CatalogueSource.RegistryYaml ? [".yaml", ".yml"] : new[] { ".csv" };
        return expected.Contains(extension)
            ? null
            : $"{Path.GetFileName(fileName)} is not a {(source == CatalogueSource.RegistryYaml ? "registry YAML file (.yaml or .yml)" : "facts CSV file (.csv)")}.";
    }

    private Dataset? Find(DatasetId id) => catalog.Everything.FirstOrDefault(d => d.Id == id);

    private static DatasetOverride Unchanged(DatasetId id, Actor actor) => new(id, true, null, null, null, actor.Name, default);

    private static string Shorten(string text) => text.Length <= MaxAuditDetail ? text : text[..(MaxAuditDetail - 1)] + "…";
}
