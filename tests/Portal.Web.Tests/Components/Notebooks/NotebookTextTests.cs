using Portal.Web.Components.Notebooks;

namespace Portal.Web.Tests.Components.Notebooks;

public sealed class NotebookTextTests
{
    [Fact]
    public void The_cost_token_is_masked_and_every_other_parameter_kept()
    {
        var parameters = "SESSION_ID = \"s-abcdefgh12\"\nPORTAL_COST_URL = \"https://portal/api\"\nPORTAL_COST_TOKEN = \"CfDJ8secret-value\"\nMAXIMUM_HOURS = 4";

        var shown = NotebookText.MaskSecrets(parameters);

        Assert.DoesNotContain("CfDJ8secret-value", shown, StringComparison.Ordinal);
        Assert.Contains("PORTAL_COST_TOKEN = \"•••• (hidden)\"", shown, StringComparison.Ordinal);
        Assert.Contains("SESSION_ID = \"s-abcdefgh12\"", shown, StringComparison.Ordinal);
        Assert.Contains("MAXIMUM_HOURS = 4", shown, StringComparison.Ordinal);
    }

    [Fact]
    public void Code_that_only_uses_the_token_is_left_alone()
    {
        var code = "headers = {\"Authorization\": \"Bearer \" + PORTAL_COST_TOKEN}\nif PORTAL_COST_TOKEN == \"\":\n    pass";

        Assert.Equal(code, NotebookText.MaskSecrets(code));
    }

    [Fact]
    public void The_session_comes_from_the_portal_metadata()
    {
        var json = """{"cells": [], "metadata": {"portal": {"sessionId": "s-abcdefgh12"}}}""";

        Assert.Equal("s-abcdefgh12", NotebookText.SessionIdOf(json, "something-else")?.Value);
    }

    [Fact]
    public void Without_metadata_the_session_comes_from_the_instance_name()
    {
        Assert.Equal("s-abcdefgh12", NotebookText.SessionIdOf("not json", "portal-s-abcdefgh12")?.Value);
        Assert.Null(NotebookText.SessionIdOf("{}", "portal-not-a-session"));
    }
}
