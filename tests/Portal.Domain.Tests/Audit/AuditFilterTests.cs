using Portal.Domain.Audit;

namespace Portal.Domain.Tests.Audit;

public sealed class AuditFilterTests
{
    private static readonly DateTimeOffset Noon = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);

    private static readonly AuditEntry Stop = new()
    {
        At = Noon,
        ActorId = "local:ada",
        ActorName = "Ada",
        Action = AuditActions.SessionStop,
        ObjectType = "session",
        ObjectId = "s-abc",
        Detail = "Stopped by Ada.",
    };

    [Fact]
    public void No_criteria_match_everything() => Assert.True(AuditFilter.None.Matches(Stop));

    [Fact]
    public void From_is_inclusive_and_to_exclusive()
    {
        Assert.True(new AuditFilter { From = Noon, To = Noon.AddTicks(1) }.Matches(Stop));
        Assert.False(new AuditFilter { To = Noon }.Matches(Stop));
        Assert.False(new AuditFilter { From = Noon.AddMinutes(1) }.Matches(Stop));
    }

    [Fact]
    public void Actor_matches_part_of_the_name_or_identity_ignoring_case()
    {
        Assert.True(new AuditFilter { Actor = "ada" }.Matches(Stop));
        Assert.True(new AuditFilter { Actor = "LOCAL:" }.Matches(Stop));
        Assert.False(new AuditFilter { Actor = "bob" }.Matches(Stop));
    }

    [Fact]
    public void Action_matches_exactly_and_text_matches_the_object_or_detail()
    {
        Assert.True(new AuditFilter { Action = AuditActions.SessionStop, Text = "S-AB" }.Matches(Stop));
        Assert.True(new AuditFilter { Text = "stopped by" }.Matches(Stop));
        Assert.False(new AuditFilter { Action = "session" }.Matches(Stop));
        Assert.False(new AuditFilter { Text = "budget" }.Matches(Stop));
    }

    [Fact]
    public void Blank_criteria_are_ignored() =>
        Assert.True(new AuditFilter { Actor = " ", Action = "", Text = "\t" }.Matches(Stop));
}
