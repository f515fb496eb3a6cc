using System.Reflection;
using Microsoft.Extensions.Options;

namespace Portal.Web.Hosting;

/// <summary>
/// Composes and runs the portal. A configuration error (see <see cref="ConfigurationError"/>) stops it with one line that
/// names the key, on standard error and in the log, and exit code 78, instead of an unhandled exception (exit code 134
/// and a stack trace).
/// </summary>
public static partial class PortalStartup
{
    /// <summary>The exit code after a configuration error: EX_CONFIG of sysexits.h, as the loopback guard's refusal.</summary>
    public const int ConfigurationErrorExitCode = 78;

    /// <summary>Builds the app with <paramref name="compose"/>, wires it with <paramref name="configure"/>, runs it, and returns the exit code.</summary>
    public static async Task<int> RunAsync(string[] args, Action<WebApplicationBuilder> compose, Action<WebApplication> configure)
    {
        ArgumentNullException.ThrowIfNull(compose);
        ArgumentNullException.ThrowIfNull(configure);
        WebApplicationBuilder? builder = null;
        WebApplication app;
        try
        {
            builder = WebApplication.CreateBuilder(args);
            compose(builder);
            app = builder.Build();
            configure(app);
        }
        catch (Exception ex) when (IsTheProgram && ConfigurationError.Describe(ex, composing: true) is { } reason)
        {
            // No host, so no log yet: one made from the same Logging settings writes the line where the log would go.
            using var loggers = LoggerFactory.Create(logging =>
            {
                if (builder is not null)
                {
                    logging.AddConfiguration(builder.Configuration.GetSection("Logging"));
                }

                logging.AddConsole();
            });
            return Refuse(loggers.CreateLogger(typeof(PortalStartup)), reason);
        }

        try
        {
            // Settings are checked before the host starts (options validation, and the hosted services, whose
            // constructors read options and take the data folder): a bad one is reported here, once, rather than also
            // as "Hosting failed to start" with a stack trace.
            app.Services.GetService<IStartupValidator>()?.Validate();
            _ = app.Services.GetServices<IHostedService>();
        }
        catch (Exception ex) when (IsTheProgram && ConfigurationError.Describe(ex, composing: false) is { } reason)
        {
            await using (app)
            {
                return Refuse(app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(PortalStartup)), reason);
            }
        }

        // Under WebApplicationFactory the exception above leaves with the app undisposed: the factory owns the host and
        // disposes it, and disposing it here first let the factory meet a disposed provider instead of the refusal.
        await using (app)
        {
            try
            {
                await app.RunAsync();
            }
            catch (Exception ex) when (IsTheProgram && ConfigurationError.Describe(ex, composing: false) is { } reason)
            {
                return Refuse(app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(PortalStartup)), reason);
            }
        }

        // A guard that stopped the portal after it started (the loopback guard) has set the exit code.
        return Environment.ExitCode;
    }

    /// <summary>
    /// Whether the portal runs as its own program. WebApplicationFactory calls the entry point from a test process:
    /// there the exception goes back to the test, which asserts on it.
    /// </summary>
    private static bool IsTheProgram => Assembly.GetEntryAssembly() == typeof(PortalStartup).Assembly;

    private static int Refuse(ILogger logger, string reason)
    {
        LogCannotStart(logger, reason);
        Console.Error.WriteLine($"Portal cannot start: {reason}");
        return ConfigurationErrorExitCode;
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "Portal cannot start: {Reason}")]
    private static partial void LogCannotStart(ILogger logger, string reason);
}
