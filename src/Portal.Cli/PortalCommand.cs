using System.CommandLine;
using System.CommandLine.Help;
using Portal.Cli.Commands;

namespace Portal.Cli;

/// <summary>The <c>portal</c> command and its subcommands, as the issue names them; the exit codes close the help text.</summary>
internal static class PortalCommand
{
    public static RootCommand Create()
    {
        var root = new RootCommand(
            "The portal's command-line client: find datasets, estimate, launch, follow, open and stop Dask sessions through the portal's API (/api/v1).")
        {
            GlobalOptions.Json,
            GlobalOptions.Config,
            LoginCommand.Create(),
            DatasetsCommand.Create(),
            EstimateCommand.Create(),
            LaunchCommand.Create(),
            SessionsCommand.Create(),
            SessionsCommand.CreateShow("status"),
            SessionCommands.Open(),
            SessionCommands.Stop(),
            SessionCommands.Extend(),
        };

        foreach (var option in root.Options)
        {
            if (option is HelpOption help)
            {
                help.Action = new ExitCodesHelp((HelpAction)help.Action!);
            }
        }

        return root;
    }

    /// <summary>The standard help, then the exit codes and where the token comes from.</summary>
    private sealed class ExitCodesHelp(HelpAction standard) : System.CommandLine.Invocation.SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            var result = standard.Invoke(parseResult);
            var output = parseResult.InvocationConfiguration.Output;
            output.WriteLine(ExitCodes.Help);
            output.WriteLine();
            output.WriteLine("""
                Sign in once with 'portal login --url <address> --token <token>' (a token from the portal's API tokens page);
                PORTAL_URL and PORTAL_TOKEN override the saved address and token.
                """);
            return result;
        }
    }
}
