using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Portal.Domain.Budgets;
using Portal.Domain.Sessions;
using Portal.Web.Auth;

namespace Portal.Web.Components.Pages.Admin;

/// <summary>
/// Every budget with its spend this month and in the months before, and creating, editing and deleting them. The page
/// is for admins (its attribute); each handler asks again who is signed in, and the use case checks once more.
/// </summary>
public sealed partial class BudgetsPage : IDisposable
{
    /// <summary>This month and the five before it.</summary>
    public const int Months = 6;

    private readonly CancellationTokenSource _lifetime = new();
    private IReadOnlyList<BudgetHistory>? _budgets;
    private (bool IsError, string Text)? _message;
    private IReadOnlyDictionary<string, string> _errors = new Dictionary<string, string>();
    private BudgetDraft? _draft;
    private bool _isNew;
    private bool _busy;
    private string? _confirmDelete;
    private string? _id;
    private string? _name;
    private string? _scope;
    private string? _limit;
    private string? _thresholds;
    private bool _exemptAdmins;

    [Inject]
    private IBudgetAdministration Budgets { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    public void Dispose()
    {
        _lifetime.Cancel();
        _lifetime.Dispose();
    }

    protected override Task OnInitializedAsync() => LoadAsync();

    private bool HasError(string field) => _errors.ContainsKey(field);

    private string? ErrorOf(string field) => _errors.TryGetValue(field, out var error) ? error : null;

    private static string Thresholds(Budget budget) =>
        string.Join(", ", budget.Thresholds.Select(t => $"{t.Percent} % {t.Action} ({Money.Usd(budget.AmountAt(t))})"));

    private async Task LoadAsync()
    {
        if (await AuthenticationState.ToAdminAsync() is not { } admin)
        {
            _budgets = [];
            _message = (true, "Only a Portal.Admin can manage budgets.");
            return;
        }

        _budgets = await Budgets.ListAsync(admin, Months, _lifetime.Token);
    }

    private void StartNew() => Open(new BudgetDraft { Thresholds = BudgetThreshold.Format(BudgetThreshold.Defaults) }, isNew: true);

    private void StartEdit(Budget budget) => Open(BudgetDraft.From(budget), isNew: false);

    private void Open(BudgetDraft draft, bool isNew)
    {
        _draft = draft;
        _isNew = isNew;
        _errors = new Dictionary<string, string>();
        _message = null;
        (_id, _name, _scope, _limit, _thresholds, _exemptAdmins) = (draft.Id, draft.Name, draft.Scope, draft.MonthlyLimitUsd, draft.Thresholds, draft.ExemptAdmins);
    }

    private void Cancel()
    {
        _draft = null;
        _errors = new Dictionary<string, string>();
    }

    private async Task SaveAsync()
    {
        var draft = new BudgetDraft { Id = _id, Name = _name, Scope = _scope, MonthlyLimitUsd = _limit, Thresholds = _thresholds, ExemptAdmins = _exemptAdmins };
        var result = await RunAsync(admin => Budgets.SaveAsync(admin, draft, _isNew, _lifetime.Token));
        _errors = result.Errors;
        if (result.Succeeded)
        {
            _draft = null;
        }
    }

    private async Task DeleteAsync(string id)
    {
        _confirmDelete = null;
        await RunAsync(admin => Budgets.DeleteAsync(admin, id, _lifetime.Token));
    }

    private async Task<BudgetEditResult> RunAsync(Func<Actor, Task<BudgetEditResult>> command)
    {
        if (await AuthenticationState.ToAdminAsync() is not { } admin)
        {
            var refused = BudgetEditResult.Refused("Only a Portal.Admin can manage budgets.");
            _message = (true, refused.Message);
            return refused;
        }

        _busy = true;
        try
        {
            var result = await command(admin);
            _message = (!result.Succeeded, result.Message);
            if (result.Succeeded)
            {
                await LoadAsync();
            }

            return result;
        }
        finally
        {
            _busy = false;
        }
    }
}
