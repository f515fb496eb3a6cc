using Portal.Domain.Audit;

namespace Portal.Domain.Tests.Audit;

public sealed class AuditCsvTests
{
    private static AuditEntry Entry(string detail, string? userAgent = null) => new()
    {
        Id = 7,
        At = new DateTimeOffset(2026, 12, 7, 10, 30, 0, TimeSpan.FromHours(1)),
        ActorId = "local:ada",
        ActorName = "ada",
        Action = AuditActions.SessionStop,
        ObjectType = "session",
        ObjectId = "s-123",
        Detail = detail,
        SourceIp = "10.0.0.1",
        UserAgent = userAgent,
    };

    [Fact]
    public void Writes_a_header_and_one_crlf_line_per_entry_with_the_time_in_utc()
    {
        var csv = AuditCsv.Write([Entry("Stopped.")]);

        Assert.Equal(
            "id,at_utc,actor_id,actor_name,action,object_type,object_id,detail,source_ip,user_agent\r\n"
            + "7,2026-12-07T09:30:00.000Z,local:ada,ada,session.stop,session,s-123,Stopped.,10.0.0.1,\r\n",
            csv);
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Quotes_fields_as_rfc_4180_says(string? value, string expected) =>
        Assert.Equal(expected, AuditCsv.Field(value));

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"")]
    [InlineData("+1+1", "'+1+1")]
    [InlineData("-2", "'-2")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tcmd", "'\tcmd")]
    [InlineData("a=b", "a=b")]
    public void Prefixes_cells_a_spreadsheet_would_run_as_a_formula_with_a_quote(string value, string expected) =>
        Assert.Equal(expected, AuditCsv.Field(value));

    [Fact]
    public void A_user_agent_that_is_a_formula_is_exported_as_text()
    {
        var csv = AuditCsv.Write([Entry("Stopped.", "=cmd|' /C calc'!A0")]);

        Assert.EndsWith(",10.0.0.1,'=cmd|' /C calc'!A0\r\n", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Writes_asynchronously_the_same_text()
    {
        using var writer = new StringWriter();
        await AuditCsv.WriteAsync(writer, new[] { Entry("a"), Entry("b") }.ToAsyncEnumerable(), TestContext.Current.CancellationToken);

        Assert.Equal(AuditCsv.Write([Entry("a"), Entry("b")]), writer.ToString());
    }
}
