using Microsoft.AspNetCore.Components;
using System.Globalization;
using Portal.Domain.Datasets;
using Portal.Domain.Datasets.Stores;
using Portal.Domain.Sessions;

namespace Portal.Web.Components.Sessions;

/// <summary>
/// The session form: every question of the sample notebook as a labelled MudBlazor control, with the domain's messages at
/// the fields (each control is marked invalid and described by its <see cref="FieldMessage"/>).
/// </summary>
public partial class SessionForm
{
    /// <summary>The format dates are shown in and typed in.</summary>
    public const string IsoDate = "yyyy-MM-dd";

    /// <summary>The state the inputs are bound to.</summary>
    [Parameter, EditorRequired]
    public required SessionFormModel Model { get; set; }

    /// <summary>The current messages; each is shown at its field.</summary>
    [Parameter, EditorRequired]
    public required IReadOnlyList<FieldError> Errors { get; set; }

    /// <summary>Raised after any input changed.</summary>
    [Parameter]
    public EventCallback OnChanged { get; set; }

    /// <summary>Disables every input (before the circuit is interactive, and while launching).</summary>
    /// <remarks>Defaults to <c>false</c>.</remarks>
    [Parameter]
    public bool Disabled { get; set; }

    /// <summary>The CMIP6 store catalogue: each CMIP6 choice shows how many stores it matches, and the form how many match in all.</summary>
    /// <remarks>Defaults to none (no counts).</remarks>
    [Parameter]
    public Cmip6StoreCatalogue? Stores { get; set; }

    private static readonly DataType[] DataTypes = [DataType.Historical, DataType.Predictive, DataType.Both];

    private readonly ClosedSelects _selects = new();
    private StoreQueryResult? _storeResult;

    protected override void OnParametersSet() => _storeResult = Stores is { Index.Count: > 0 } stores ? stores.Index.Query(Cmip6StoreCatalogue.QueryFor(Model.ToRequest())) : null;

    /// <summary>The terms to offer for a facet: the catalogue's values (with a meaning where the vocabulary has one), then vocabulary terms it lacks.</summary>
    private IEnumerable<Term> Offered(StoreFacet facet, IReadOnlyList<Term> vocabulary)
    {
        var values = Stores?.Index.Values(facet) ?? [];
        var meanings = vocabulary.ToDictionary(t => t.Id, t => t.Meaning, StringComparer.Ordinal);
        return [.. values.Select(v => new Term(v, meanings.GetValueOrDefault(v, string.Empty))), .. vocabulary.Where(t => !values.Contains(t.Id, StringComparer.Ordinal))];
    }

    /// <summary>"· 1,234 stores" beside a choice: what the catalogue holds for it, the other CMIP6 choices as they are.</summary>
    private string? StoreCount(StoreFacet facet, string value)
    {
        if (_storeResult is null)
        {
            return null;
        }

        var count = _storeResult.Counts(facet).Where(c => c.Value == value).Select(c => c.Count).FirstOrDefault();
        return string.Create(CultureInfo.InvariantCulture, $" · {count:N0} {(count == 1 ? "store" : "stores")}");
    }

    private string? StoreSummary =>
        _storeResult is null
            ? null
            : string.Create(CultureInfo.InvariantCulture, $"{_storeResult.Matches:N0} of {Stores!.Index.Count:N0} CMIP6 stores in the catalogue match these choices (with historical when CMIP is chosen).");

    /// <summary>The CMIP6 facets only matter when the analysis uses projections.</summary>
    private bool UsesProjections => Model.ToRequest().UsesProjections;

    private bool FacetsDisabled => Disabled || !UsesProjections;

    private bool Has(SessionRequestField field) => Errors.Any(e => e.Field == field);

    /// <summary>
    /// Whether a control is invalid and what describes it (its helper text, then its message), as attributes of its input.
    /// Both are always given: MudBlazor keeps attributes it was once given, so an absent one would not clear the old value.
    /// </summary>
    /// <param name="field">The field the control edits.</param>
    /// <param name="helperOf">The input id of a control that has helper text (MudBlazor names it <c>{id}-helper-text</c>).</param>
    private Dictionary<string, object?> Describe(SessionRequestField field, string? helperOf = null)
    {
        var ids = new List<string>();
        if (helperOf is not null)
        {
            ids.Add(helperOf + "-helper-text");
        }

        if (Has(field))
        {
            ids.Add(FieldMessage.IdFor(field));
        }

        return new()
        {
            ["aria-invalid"] = Has(field) ? "true" : "false",
            ["aria-describedby"] = ids.Count == 0 ? null : string.Join(' ', ids),
        };
    }

    /// <summary>
    /// A field's cell in MudBlazor's grid (its classes, as MudItem writes them: a plain element is not a component kept per
    /// circuit), drawn in MudBlazor's error colours when the field is wrong (app.css <c>.portal-invalid</c>).
    /// </summary>
    private string ItemClass(SessionRequestField field, bool wide = false) =>
        "mud-grid-item mud-grid-item-xs-12" + (wide ? null : " mud-grid-item-sm-6") + (Has(field) ? " portal-invalid" : null);

    private static DateTime? ToDateTime(DateOnly? date) => date?.ToDateTime(TimeOnly.MinValue);

    private static DateOnly? ToDateOnly(DateTime? date) => date is { } d ? DateOnly.FromDateTime(d) : null;

    private Task ChangedAsync() => OnChanged.InvokeAsync();

    private Task DataTypeChangedAsync(DataType value)
    {
        Model.DataType = value;
        return ChangedAsync();
    }

    private Task CategoryChangedAsync(VariableCategory value)
    {
        Model.VariableCategory = value;
        Model.CategoryChanged();
        return ChangedAsync();
    }

    private Task VariableChangedAsync(string value)
    {
        Model.Variable = value;
        return ChangedAsync();
    }

    private Task StartDateChangedAsync(DateTime? value)
    {
        Model.StartDate = ToDateOnly(value);
        return ChangedAsync();
    }

    private Task EndDateChangedAsync(DateTime? value)
    {
        Model.EndDate = ToDateOnly(value);
        return ChangedAsync();
    }

    private Task ActivityIdsChangedAsync(IEnumerable<string> values)
    {
        Model.ActivityIds = InVocabularyOrder(values, Cmip6Vocabulary.ActivityIds);
        return ChangedAsync();
    }

    private Task VariableIdsChangedAsync(IEnumerable<string> values)
    {
        Model.VariableIds = InVocabularyOrder(values, Cmip6Vocabulary.VariableIds);
        return ChangedAsync();
    }

    private Task InstitutionIdsChangedAsync(IEnumerable<string> values)
    {
        Model.InstitutionIds = [.. values.Order(StringComparer.Ordinal)];
        return ChangedAsync();
    }

    private Task SourceIdsChangedAsync(IEnumerable<string> values)
    {
        Model.SourceIds = [.. values.Order(StringComparer.Ordinal)];
        return ChangedAsync();
    }

    private Task RemoveInstitutionIdAsync(string value) => InstitutionIdsChangedAsync(Model.InstitutionIds.Where(v => v != value));

    private Task RemoveSourceIdAsync(string value) => SourceIdsChangedAsync(Model.SourceIds.Where(v => v != value));

    /// <summary>The values the store catalogue holds for an optional facet (institutions, models).</summary>
    private IReadOnlyList<string> CatalogueValues(StoreFacet facet) => Stores?.Index.Values(facet) ?? [];

    private Task RemoveActivityIdAsync(string value) => ActivityIdsChangedAsync(Model.ActivityIds.Where(v => v != value));

    private Task RemoveVariableIdAsync(string value) => VariableIdsChangedAsync(Model.VariableIds.Where(v => v != value));

    private Task TableIdChangedAsync(string value)
    {
        Model.TableId = value;
        return ChangedAsync();
    }

    private Task ExperimentChangedAsync(string value)
    {
        Model.Experiment = value;
        return ChangedAsync();
    }

    private Task WorkersChangedAsync(int? value)
    {
        Model.WorkersPerRegion = value;
        return ChangedAsync();
    }

    private Task HoursChangedAsync(int? value)
    {
        Model.MaximumHours = value;
        return ChangedAsync();
    }

    /// <summary>A multi-select reports a set; the request keeps the vocabulary's order (as the native select did).</summary>
    private static string[] InVocabularyOrder(IEnumerable<string> values, IReadOnlyList<Term> vocabulary)
    {
        var chosen = values.ToHashSet(StringComparer.Ordinal);
        return [.. vocabulary.Select(t => t.Id).Where(chosen.Contains), .. chosen.Where(v => !vocabulary.Any(t => t.Id == v))];
    }
}
