namespace Portal.E2E.Tests.Infrastructure;

/// <summary>Browser tests share one Chromium and run one after another (2 cores in CI).</summary>
[CollectionDefinition(Name)]
public sealed class BrowserTests : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
