using System.CommandLine;
using System.Text;
using System.Text.Json;
using Portal.Cli.Api;
using Portal.Cli.Configuration;

namespace Portal.Cli.Commands;

/// <summary>
/// <c>portal login --url … --token …</c>: checks the token with one call to the API, and only then saves the address and
/// token in the configuration file. Without <c>--token</c> the token is read from <c>PORTAL_TOKEN</c> or standard input
/// (typed without echo), so it need not stay in the shell's history.
/// </summary>
internal static class LoginCommand
{
    public static Command Create()
    {
        var url = new Option<string?>("--url") { Description = "The portal's address, as you open it in the browser (https://…; http only on this machine). Default: PORTAL_URL." };
        var token = new Option<string?>("--token") { Description = "A personal API token (portal_pat_…) made on the portal's API tokens page. Default: PORTAL_TOKEN, else read from standard input." };
        var command = new Command("login", "Check an API token against the portal and save the address and token in the configuration file (mode 600).") { url, token };
        command.SetHandler(async (call, cancellationToken) =>
        {
            var address = call.Value(url) ?? Environment.GetEnvironmentVariable(Login.UrlVariable);
            if (string.IsNullOrWhiteSpace(address))
            {
                throw new CliFailure(ExitCodes.Usage, "Give the portal's address with --url (such as https://portal.example.org).");
            }

            var portal = PortalUrl.Parse(address);
            var secret = call.Value(token) ?? Environment.GetEnvironmentVariable(Login.TokenVariable) ?? ReadToken(call.Parse.InvocationConfiguration.Error);
            if (string.IsNullOrWhiteSpace(secret))
            {
                throw new CliFailure(ExitCodes.Usage, $"Give the token with --token, {Login.TokenVariable} or on standard input: make one at {new Uri(portal, "account/tokens")}.");
            }

            secret = secret.Trim();
            using var api = new PortalApi(new Login(portal, secret));
            var total = await VerifyAsync(api, cancellationToken);
            call.Config.Write(new StoredLogin(portal.ToString(), secret));

            call.Out.Line($"Signed in to {portal}: the token works ({total} session(s) of yours). Saved to {call.Config.Path}.");
            call.Out.Result(new { url = portal.ToString(), configFile = call.Config.Path, sessions = total });
            return ExitCodes.Ok;
        });
        return command;
    }

    private static async Task<int> VerifyAsync(PortalApi api, CancellationToken cancellationToken)
    {
        JsonElement page;
        try
        {
            page = await api.GetAsync("sessions?pageSize=1", cancellationToken);
        }
        catch (CliFailure failure) when (failure.ExitCode == ExitCodes.NotFound)
        {
            throw new CliFailure(ExitCodes.Usage, $"There is no portal API at {api.Portal} (HTTP 404 for /api/v1/sessions): check the address. Nothing was saved.", failure.Problem);
        }
        catch (CliFailure failure)
        {
            throw new CliFailure(failure.ExitCode, failure.Message + Environment.NewLine + "Nothing was saved.", failure.Problem);
        }

        if (page.ValueKind != JsonValueKind.Object || !page.TryGetProperty("total", out var total) || total.ValueKind != JsonValueKind.Number)
        {
            throw new CliFailure(ExitCodes.Usage, $"{api.Portal} answered, but not as the portal's API does: check the address. Nothing was saved.");
        }

        return total.GetInt32();
    }

    /// <summary>The token from standard input: typed without echo at a terminal, else the first line of what is piped in.</summary>
    private static string? ReadToken(TextWriter prompt)
    {
        if (Console.IsInputRedirected)
        {
            return Console.In.ReadLine();
        }

        prompt.Write("API token: ");
        var typed = new StringBuilder();
        while (Console.ReadKey(intercept: true) is var key && key.Key != ConsoleKey.Enter)
        {
            if (key.Key == ConsoleKey.Backspace)
            {
                typed.Length = Math.Max(0, typed.Length - 1);
            }
            else if (!char.IsControl(key.KeyChar))
            {
                typed.Append(key.KeyChar);
            }
        }

        prompt.WriteLine();
        return typed.ToString();
    }
}
