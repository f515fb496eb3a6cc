using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using Portal.Domain;
using Portal.Domain.Cloud;
using Portal.Domain.Quotas;
using Portal.Web.Auth;

namespace Portal.Web.Components.Pages.Admin;

/// <summary>
/// Portal limits (add, edit, delete; each save and delete audited by the quota service) and the AWS service quotas of
/// every region with the portal's use and headroom. Admins only, on the page and again in every handler; the quota
/// service checks the actor too. A region whose quotas cannot be read says why; the rest are still shown.
/// </summary>
public sealed partial class QuotasPage : IDisposable
{
    internal const string AdminsOnly = "Only a Portal.Admin can change portal limits. Sign in again as an admin.";

    private readonly CancellationTokenSource _lifetime = new();
    private IReadOnlyList<PortalLimits>? _limits;
    private IReadOnlyList<RegionServiceQuotas>? _serviceQuotas;
    private LimitForm _form = new();
    private bool _editing;
    private bool _saving;
    private string? _formError;
    private string? _message;

    [Inject]
    private IQuotaService Quotas { get; set; } = default!;

    [Inject]
    private CloudInfo Cloud { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    public void Dispose()
    {
        _lifetime.Cancel();
        _lifetime.Dispose();
    }

    protected override async Task OnInitializedAsync()
    {
        if (await AuthenticationState.ToAdminAsync() is not { } admin)
        {
            _limits = [];
            _serviceQuotas = [];
            _message = AdminsOnly;
            return;
        }

        _limits = await Quotas.ListLimitsAsync(admin, _lifetime.Token);
        _serviceQuotas = await Quotas.ReadServiceQuotasAsync(admin, _lifetime.Token);
    }

    private static string Show(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "–";

    private static string Number(double value) => value.ToString("#,##0.##", CultureInfo.InvariantCulture);

    private void Edit(PortalLimits limits)
    {
        _form = LimitForm.From(limits);
        _editing = true;
        _formError = null;
    }

    private void CancelEdit()
    {
        _form = new LimitForm();
        _editing = false;
        _formError = null;
    }

    private async Task SaveAsync()
    {
        if (await AuthenticationState.ToAdminAsync() is not { } admin)
        {
            Refuse();
            return;
        }

        PortalLimits limits;
        try
        {
            limits = _form.ToLimits();
        }
        catch (DomainException ex)
        {
            _formError = ex.Message;
            return;
        }

        _saving = true;
        try
        {
            var result = await Quotas.SaveLimitsAsync(admin, limits, _lifetime.Token);
            Report(result);
            if (result.Succeeded)
            {
                CancelEdit();
                _limits = await Quotas.ListLimitsAsync(admin, _lifetime.Token);
            }
        }
        finally
        {
            _saving = false;
        }
    }

    private async Task DeleteAsync(LimitScope scope)
    {
        if (await AuthenticationState.ToAdminAsync() is not { } admin)
        {
            Refuse();
            return;
        }

        var result = await Quotas.DeleteLimitsAsync(admin, scope, _lifetime.Token);
        Report(result);
        _limits = await Quotas.ListLimitsAsync(admin, _lifetime.Token);
        if (_editing && _form.Scope == scope.ToString())
        {
            CancelEdit();
        }
    }

    private void Report(QuotaCommandResult result)
    {
        _message = result.Message;
        Snackbar.Add(result.Message, result.Succeeded ? Severity.Success : Severity.Warning);
    }

    private void Refuse()
    {
        _message = AdminsOnly;
        Snackbar.Add(AdminsOnly, Severity.Error);
    }
}
