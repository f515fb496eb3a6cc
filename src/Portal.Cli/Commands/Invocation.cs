using System.CommandLine;
using Portal.Cli.Api;
using Portal.Cli.Configuration;
using Portal.Cli.Output;

namespace Portal.Cli.Commands;

/// <summary>What a command's action works with: its parsed options, where to write, and the configuration file.</summary>
internal sealed record Invocation(ParseResult Parse, Terminal Out, ConfigFile Config)
{
    /// <summary>A client for the configured portal, or a failure saying how to sign in.</summary>
    public PortalApi Connect() => new(Login.Resolve(Config));

    public T? Value<T>(Option<T> option) => Parse.GetValue(option);

    public T Value<T>(Argument<T> argument) => Parse.GetValue(argument)!;
}

/// <summary>Runs a command's action with its failures turned into a message and an exit code.</summary>
internal static class CommandActions
{
    public static void SetHandler(this Command command, Func<Invocation, CancellationToken, Task<int>> action) =>
        command.SetAction(async (parse, cancellationToken) =>
        {
            var terminal = new Terminal(parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, parse.GetValue(GlobalOptions.Json));
            try
            {
                return await action(new Invocation(parse, terminal, ConfigFile.At(parse.GetValue(GlobalOptions.Config))), cancellationToken);
            }
            catch (CliFailure failure)
            {
                return terminal.Fail(failure);
            }
        });

    /// <summary>A session id as a path segment: escaped, so that no id can reach another endpoint.</summary>
    public static string Segment(string id) => Uri.EscapeDataString(id.Trim());
}
