using Microsoft.AspNetCore.Components;
using Portal.Domain.Sessions;

namespace Portal.Web.Components.Sessions;

/// <summary>The session form: every question of the sample notebook as a labelled control, with messages at the fields.</summary>
public partial class SessionForm
{
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

    private Task ChangedAsync() => OnChanged.InvokeAsync();

    private Task CategoryChangedAsync()
    {
        Model.CategoryChanged();
        return OnChanged.InvokeAsync();
    }

    private string Invalid(SessionRequestField field) => Errors.Any(e => e.Field == field) ? "true" : "false";

    private string? DescribedBy(SessionRequestField field, string? hintId = null)
    {
        var ids = new List<string>();
        if (hintId is not null)
        {
            ids.Add(hintId);
        }

        if (Errors.Any(e => e.Field == field))
        {
            ids.Add(FieldMessage.IdFor(field));
        }

        return ids.Count == 0 ? null : string.Join(' ', ids);
    }
}
