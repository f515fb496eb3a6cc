using Portal.Domain.Regions;

namespace Portal.Domain.Tests.Regions;

public sealed class FoundationStatusesTests
{
    [Theory]
    [InlineData(null, FoundationStatus.None)]
    [InlineData("DELETE_COMPLETE", FoundationStatus.None)]
    [InlineData("CREATE_IN_PROGRESS", FoundationStatus.Creating)]
    [InlineData("REVIEW_IN_PROGRESS", FoundationStatus.Creating)]
    [InlineData("CREATE_COMPLETE", FoundationStatus.Ready)]
    [InlineData("UPDATE_IN_PROGRESS", FoundationStatus.Ready)]
    [InlineData("UPDATE_COMPLETE", FoundationStatus.Ready)]
    [InlineData("UPDATE_ROLLBACK_COMPLETE", FoundationStatus.Ready)]
    [InlineData("CREATE_FAILED", FoundationStatus.Failed)]
    [InlineData("ROLLBACK_IN_PROGRESS", FoundationStatus.Failed)]
    [InlineData("ROLLBACK_COMPLETE", FoundationStatus.Failed)]
    [InlineData("ROLLBACK_FAILED", FoundationStatus.Failed)]
    [InlineData("UPDATE_ROLLBACK_FAILED", FoundationStatus.Failed)]
    [InlineData("DELETE_FAILED", FoundationStatus.Failed)]
    [InlineData("DELETE_IN_PROGRESS", FoundationStatus.Deleting)]
    [InlineData("SOMETHING_NEW", FoundationStatus.Unknown)]
    public void Reads_the_foundation_status_from_the_stack_status(string? stackStatus, FoundationStatus expected) =>
        Assert.Equal(expected, FoundationStatuses.FromStackStatus(stackStatus));

    [Fact]
    public void Only_creating_and_deleting_change_by_themselves() =>
        Assert.Equal(
            [FoundationStatus.Creating, FoundationStatus.Deleting],
            Enum.GetValues<FoundationStatus>().Where(s => s.IsChanging()));
}
