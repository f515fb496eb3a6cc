using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using Portal.Domain.Accounts;
using Portal.Web.Auth;

namespace Portal.Web.Components.Pages.Account;

/// <summary>"API tokens": create a personal token (shown once), list and revoke yours; admins list and revoke anyone's.</summary>
public sealed partial class ApiTokens
{
    private string? _name;
    private ApiTokenScope _scope = ApiTokenScope.Read;
    private int _days = 30;
    private string? _problem;
    private CreatedApiToken? _created;
    private bool _everyone;
    private IReadOnlyList<ApiToken> _tokens = [];

    [Inject]
    private IApiTokens Tokens { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    protected override Task OnInitializedAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        if (await AuthenticationState.ToActorAsync() is { } actor)
        {
            _tokens = await Tokens.ListAsync(actor, _everyone && actor.IsAdmin, CancellationToken.None);
        }
    }

    private async Task CreateAsync()
    {
        // The actor again, inside the handler: the page check ran when the circuit started.
        if (await AuthenticationState.ToActorAsync() is not { } actor)
        {
            _problem = "Your sign-in has expired. Sign in again to create a token.";
            return;
        }

        var result = await Tokens.CreateAsync(actor, _name ?? string.Empty, _scope, _days, CancellationToken.None);
        _problem = result.Problem;
        _created = result.Created;
        if (_created is not null)
        {
            _name = null;
        }

        await LoadAsync();
    }

    private async Task RevokeAsync(ApiToken token)
    {
        if (await AuthenticationState.ToActorAsync() is not { } actor)
        {
            _problem = "Your sign-in has expired. Sign in again to revoke a token.";
            return;
        }

        if (await Tokens.RevokeAsync(actor, token.Id, CancellationToken.None))
        {
            Snackbar.Add($"Revoked '{token.Name}': programs using it are refused from now on.", Severity.Success);
        }
        else
        {
            Snackbar.Add("That token is not yours to revoke.", Severity.Error);
        }

        await LoadAsync();
    }

    private async Task ShowEveryoneAsync(bool everyone)
    {
        _everyone = everyone;
        await LoadAsync();
    }

    private string State(ApiToken token) =>
        token.RevokedAt is not null ? "Revoked" : token.IsActive(Clock.GetUtcNow()) ? "Active" : "Expired";
}
