namespace Portal.Web.Components;

/// <summary>
/// Which of a component's MudSelects is open (at most one is: opening one closes the others), so that a closed select
/// renders only its chosen items. MudSelect keeps every item it is given as a component twice over (a hidden copy to look
/// values up, and the list when open), and a Blazor Server circuit keeps each component's render tree in server memory:
/// the explore page's selects held about 210 items per circuit, a third of its components (issue 16). Closed, a select
/// needs only its chosen items (their text is what the field shows); open, it gets them all.
/// </summary>
internal sealed class ClosedSelects
{
    private string? _open;

    public bool IsOpen(string inputId) => _open == inputId;

    /// <summary>For a select's <c>OpenChanged</c>.</summary>
    public void Set(string inputId, bool open)
    {
        if (open)
        {
            _open = inputId;
        }
        else if (_open == inputId)
        {
            _open = null;
        }
    }

    /// <summary>Every item while the select is open, else only the chosen ones.</summary>
    public IEnumerable<T> Items<T>(string inputId, IEnumerable<T> all, Func<T, bool> chosen) =>
        IsOpen(inputId) ? all : all.Where(chosen);
}
