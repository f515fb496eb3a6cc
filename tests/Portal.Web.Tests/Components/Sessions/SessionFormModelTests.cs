using Portal.Web.Components.Sessions;

namespace Portal.Web.Tests.Components.Sessions;

public sealed class SessionFormModelTests
{
    [Fact]
    public void A_model_filled_from_a_request_gives_the_same_request_back()
    {
        var request = SampleRequests.FirstRun with { WorkersPerRegion = 5, MaximumHours = 7, Experiment = "ssp585" };

        var model = SessionFormModel.FromRequest(request);

        Assert.True(model.ToRequest().IsSameAs(request));
    }
}
