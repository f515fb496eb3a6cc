using Microsoft.Extensions.Options;
using Portal.Web.Hosting;
using Portal.Web.Security;

namespace Portal.Web.Tests.Hosting;

public sealed class ConfigurationErrorTests
{
    [Fact]
    public void A_data_annotation_failure_is_said_with_its_key()
    {
        var error = new OptionsValidationException(Options.DefaultName, typeof(SecurityOptions),
            ["DataAnnotation validation failed for 'SecurityOptions' members: 'LaunchesPerMinute' with the error: 'The field LaunchesPerMinute must be between 1 and 10000.'."]);

        Assert.Equal("Security:LaunchesPerMinute: The field LaunchesPerMinute must be between 1 and 10000.", ConfigurationError.Describe(error, composing: false));
    }

    [Fact]
    public void A_failure_that_names_its_key_already_is_said_as_it_is()
    {
        var error = new OptionsValidationException(Options.DefaultName, typeof(SecurityOptions),
        [
            "DataAnnotation validation failed for 'SecurityOptions' members: 'SignInsPerMinute' with the error: 'Security:SignInsPerMinute must be at least 1.'.",
            "Security:AllowedOrigins holds an entry that is not an origin.",
        ]);

        Assert.Equal("Security:SignInsPerMinute must be at least 1.; Security:AllowedOrigins holds an entry that is not an origin.", ConfigurationError.Describe(error, composing: false));
    }

    [Fact]
    public void A_value_the_binder_cannot_convert_is_a_configuration_error_whenever_it_is_found()
    {
        var error = new InvalidOperationException(
            "Failed to convert configuration value 'soon' at 'Orchestration:PollInterval' to type 'System.TimeSpan'.", new FormatException("soon is not a valid value for TimeSpan."));

        Assert.Equal(error.Message, ConfigurationError.Describe(error, composing: false));
    }

    [Fact]
    public void Composing_refuses_settings_with_invalid_operation_exceptions_that_name_the_key()
    {
        var error = new InvalidOperationException("Configuration 'Cloud:Provider' is 'Azure'; use 'Sandbox' or 'Aws'.");

        Assert.Equal(error.Message, ConfigurationError.Describe(error, composing: true));
        Assert.Null(ConfigurationError.Describe(error, composing: false));
    }

    [Fact]
    public void Several_options_failing_together_are_said_together()
    {
        var error = new AggregateException(
            new OptionsValidationException(Options.DefaultName, typeof(SecurityOptions), ["Security:LaunchesPerMinute must be at least 1."]),
            new OptionsValidationException(Options.DefaultName, typeof(SecurityOptions), ["Security:SignInsPerMinute must be at least 1."]));

        Assert.Equal("Security:LaunchesPerMinute must be at least 1.; Security:SignInsPerMinute must be at least 1.", ConfigurationError.Describe(error, composing: false));
    }

    [Fact]
    public void The_service_providers_own_validation_is_a_bug_not_a_setting()
    {
        // What Build() throws in Development when a service cannot be constructed.
        var error = new AggregateException(
            "Some services are not able to be constructed",
            new InvalidOperationException("Error while validating the service descriptor: Unable to resolve service for type 'IClock'."));

        Assert.Null(ConfigurationError.Describe(error, composing: true));
    }

    [Fact]
    public void Other_exceptions_are_not_configuration_errors()
    {
        Assert.Null(ConfigurationError.Describe(new ArgumentNullException("settings"), composing: true));
        Assert.Null(ConfigurationError.Describe(new IOException("Failed to bind to address"), composing: false));
    }

    [Fact]
    public void The_reason_is_one_line()
    {
        var error = new InvalidOperationException("Configuration 'Sandbox:Compute' is Local, but\nthe packages are missing.");

        Assert.Equal("Configuration 'Sandbox:Compute' is Local, but the packages are missing.", ConfigurationError.Describe(error, composing: true));
    }
}
