using MudBlazor;

namespace Portal.Web.Components.Sessions;

/// <summary>
/// The one confirmation before a session is stopped or cancelled, worded the same on every page (<see cref="StopSessionDialog"/>):
/// focus starts on the safe choice, and Esc or a click beside the dialog keeps the session running.
/// </summary>
public static class SessionDialogs
{
    /// <summary>Esc and a click outside close it; focus starts on its first button, "Keep running" (the dialog says so too).</summary>
    public static DialogOptions StopOptions { get; } = new()
    {
        CloseOnEscapeKey = true,
        BackdropClick = true,
        DefaultFocus = DefaultFocus.FirstChild,
        MaxWidth = MaxWidth.ExtraSmall,
        FullWidth = true,
    };

    /// <summary>True only when the user chose to stop; Esc, "Keep running" or a click outside give false.</summary>
    /// <param name="dialogs">The page's dialog service.</param>
    /// <param name="cancelling">A session that is still starting is cancelled; one that runs is stopped.</param>
    public static async Task<bool> ConfirmStopAsync(this IDialogService dialogs, bool cancelling)
    {
        ArgumentNullException.ThrowIfNull(dialogs);
        var parameters = new DialogParameters<StopSessionDialog> { { d => d.Cancelling, cancelling } };
        var dialog = await dialogs.ShowAsync<StopSessionDialog>(
            cancelling ? "Cancel this session?" : "Stop this session?", parameters, StopOptions);
        var result = await dialog.Result;
        return result is { Canceled: false, Data: true };
    }
}
