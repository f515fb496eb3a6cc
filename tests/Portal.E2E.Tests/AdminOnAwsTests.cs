using Microsoft.Playwright;
using Portal.E2E.Tests.Infrastructure;
using Portal.E2E.Tests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2E.Tests;

/// <summary>
/// The admin pages with the AWS provider (<c>Cloud:Provider=Aws</c>) against a local endpoint, moto_server: what the
/// pages read from STS, CloudFormation, FSx and Service Quotas in a real browser, including what they say when a service
/// answers with an error (moto has no FSx data repository associations and no EC2 quotas), so that an admin on a real
/// account sees the same pages with AWS's answers.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class AdminOnAwsTests(BrowserFixture browser) : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);
    private readonly Dictionary<string, string?> _savedEnvironment = [];
    private MotoServer _moto = null!;
    private PortalHost _portal = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _moto = await MotoServer.StartAsync(Ct);

        // The worker region us-east-1 has a Ready foundation whose file system moto does not know.
        var template = Path.Combine(Path.GetTempPath(), $"portal-foundation-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(template, """
            {"Resources": {"Topic": {"Type": "AWS::SNS::Topic"}},
             "Outputs": {"FileSystemId": {"Value": "fs-0123456789abcdef0"}}}
            """, Ct);
        try
        {
            await _moto.AwsAsync("us-east-1", "cloudformation", "create-stack", "--stack-name", "portal-region-us-east-1", "--template-body", "file://" + template);
        }
        finally
        {
            File.Delete(template);
        }

        // The SDK's default credential chain reads the environment when it signs: moto accepts any credentials.
        foreach (var (key, value) in MotoServer.Credentials)
        {
            _savedEnvironment[key] = Environment.GetEnvironmentVariable(key);
            Environment.SetEnvironmentVariable(key, value);
        }

        var settings = new Dictionary<string, string?>
        {
            ["Cloud:Provider"] = "Aws",
            ["Aws:TemplatesBaseUrl"] = "https://portal-templates-123456789012.s3.eu-west-2.amazonaws.com/templates",
            ["Aws:Notebook:RoleArn"] = "arn:aws:iam::123456789012:role/portal-notebook",
            ["Pricing:Source"] = "Bundled",
        };
        foreach (var service in new[] { "CloudFormation", "SageMaker", "FSx", "Pricing", "ServiceQuotas", "Sts" })
        {
            settings[$"Aws:Endpoints:{service}"] = _moto.Endpoint.ToString();
        }

        _portal = new PortalHost(PortalHost.NewDataDirectory(), settings).Start();
    }

    public async ValueTask DisposeAsync()
    {
        if (_portal is not null)
        {
            await _portal.DisposeAsync();
            Directory.Delete(_portal.DataDirectory, recursive: true);
        }

        foreach (var (key, value) in _savedEnvironment)
        {
            Environment.SetEnvironmentVariable(key, value);
        }

        if (_moto is not null)
        {
            await _moto.DisposeAsync();
        }
    }

    [Fact]
    public async Task An_admin_sees_the_account_the_foundations_and_each_services_answer_read_from_aws()
    {
        await using var context = await browser.Browser.NewContextAsync(new() { BaseURL = _portal.BaseAddress.ToString() });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/signin");
        await new SignInPage(page).SignInAsync("grace", "Admin");
        await Expect(page.GetByTestId("sandbox-badge")).ToHaveCountAsync(0);
        var wait = new LocatorAssertionsToBeVisibleOptions { Timeout = (float)Timeout.TotalMilliseconds };

        await page.GotoAsync("/admin/account");
        await Expect(page.GetByTestId("account-id")).ToHaveTextAsync(MotoServer.AccountId, new() { Timeout = (float)Timeout.TotalMilliseconds });
        await Expect(page.GetByTestId("account-arn")).ToContainTextAsync($"arn:aws:sts::{MotoServer.AccountId}:");
        await Expect(page.GetByTestId("account-sandbox")).ToHaveCountAsync(0);

        await page.GotoAsync("/admin/regions");
        var east = Row(page, "us-east-1");
        var west = Row(page, "us-west-2");
        await Expect(east.GetByTestId("foundation-status")).ToHaveAttributeAsync("data-status", "Ready", new() { Timeout = (float)Timeout.TotalMilliseconds });
        await Expect(west.GetByTestId("foundation-status")).ToHaveTextAsync("Not created");
        await Expect(page.GetByTestId("foundation-not-required")).ToHaveCountAsync(0);
        var associations = page.GetByTestId("associations-us-east-1");
        await Expect(associations.GetByTestId("associations-error")).ToBeVisibleAsync(wait);
        await Expect(associations.GetByTestId("associations-error")).ToContainTextAsync("Could not read the associations from FSx (InternalFailure): AWS had an internal error in DescribeDataRepositoryAssociations in us-east-1");

        await page.GotoAsync("/admin/quotas");
        await Expect(page.GetByTestId("limits-table")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("service-quotas-error").First).ToBeVisibleAsync(wait);
        await Expect(page.GetByTestId("service-quotas-error").First).ToContainTextAsync("L-1216C47A");
        await Expect(page.GetByTestId("service-quotas-table")).ToBeVisibleAsync();
    }

    private static ILocator Row(IPage page, string region) =>
        page.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByTestId($"region-row-{region}") });
}
