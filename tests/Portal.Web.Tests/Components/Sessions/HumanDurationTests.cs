using Portal.Web.Components.Sessions;

namespace Portal.Web.Tests.Components.Sessions;

public sealed class HumanDurationTests
{
    [Theory]
    [InlineData(0.3, "under a second")]
    [InlineData(45, "45 s")]
    [InlineData(120, "2 min")]
    [InlineData(133, "2 min 13 s")]
    [InlineData(799, "13 min 19 s")]
    [InlineData(3600, "1 h")]
    [InlineData(3900, "1 h 5 min")]
    public void Says_durations_as_people_do(double seconds, string expected) =>
        Assert.Equal(expected, HumanDuration.Format(TimeSpan.FromSeconds(seconds)));
}
