using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Portal.Infra.Tests.Aws.Support;

namespace Portal.Infra.Tests.Aws.Wire;

/// <summary>
/// Proof on the wire: for every operation, our request equals what boto3 (and, for a sample, the AWS CLI) sends for
/// the same parameters, member for member; and botocore's SigV4 recomputes our signature exactly.
/// </summary>
[Collection(WireGroup.Name)]
public sealed class WireTests(WireCapture capture)
{
    public static TheoryData<string> Cases => [.. WireCases.All.Select(c => c.Name)];

    public static TheoryData<string> CliCases => [.. WireCapture.CliCases];

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Our_request_equals_boto3s_member_for_member(string name)
    {
        await capture.EnsureAsync(TestContext.Current.CancellationToken);

        AssertSameRequest(capture.Boto[name], capture.Ours[name], WireCases.Get(name).IsQuery);
    }

    [Theory]
    [MemberData(nameof(CliCases))]
    public async Task Our_request_equals_the_aws_clis_member_for_member(string name)
    {
        await capture.EnsureAsync(TestContext.Current.CancellationToken);

        AssertSameRequest(capture.Cli[name], capture.Ours[name], WireCases.Get(name).IsQuery);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Botocore_recomputes_our_signature(string name)
    {
        await capture.EnsureAsync(TestContext.Current.CancellationToken);
        var ours = capture.Ours[name];
        var wireCase = WireCases.Get(name);
        var oracle = capture.Signatures[name];

        var authorization = ours.Header("Authorization")!;
        var date = ours.Header("X-Amz-Date")!;
        Assert.StartsWith($"AWS4-HMAC-SHA256 Credential={ExternalTools.AccessKey}/{date[..8]}/{wireCase.Region}/{wireCase.SigningService}/aws4_request, ", authorization, StringComparison.Ordinal);
        Assert.Equal((string)oracle["signature"]!, WireCapture.Signature(ours));
        Assert.Equal((string)oracle["signedHeaders"]!, string.Join(';', WireCapture.SignedHeaderNames(ours)));
        Assert.Contains("host", WireCapture.SignedHeaderNames(ours));
        Assert.Contains("x-amz-date", WireCapture.SignedHeaderNames(ours));
        if (name != "Sts.GetCallerIdentity")
        {
            // Our clients sign what the service routes on; the SDK's STS client has its own header set.
            Assert.Contains("content-type", WireCapture.SignedHeaderNames(ours));
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(ours.Body)), ours.Header("X-Amz-Content-SHA256"));
        }

        if (!wireCase.IsQuery)
        {
            Assert.Contains("x-amz-target", WireCapture.SignedHeaderNames(ours));
        }
    }

    private static void AssertSameRequest(CapturedRequest reference, CapturedRequest ours, bool isQuery)
    {
        Assert.Equal(reference.Method, ours.Method);
        Assert.Equal(reference.Path, ours.Path);
        Assert.Equal(reference.Query, ours.Query);
        // Both clients call the same capture server, so their Host headers agree whatever we do; where each one
        // believes the call goes shows in what it signs for: the region and service of its credential scope.
        Assert.Equal(CredentialScope(reference), CredentialScope(ours));
        Assert.Equal(Normalize(reference.Header("Content-Type")), Normalize(ours.Header("Content-Type")));
        Assert.Equal(reference.Header("X-Amz-Target"), ours.Header("X-Amz-Target"));
        if (isQuery)
        {
            Assert.Equal(WireCapture.FormMembers(reference.BodyText), WireCapture.FormMembers(ours.BodyText));
        }
        else
        {
            Assert.Equal(
                WireCapture.Canonical(JsonNode.Parse(reference.BodyText)!),
                WireCapture.Canonical(JsonNode.Parse(ours.BodyText)!));
        }
    }

    /// <summary>The region and service of <c>Credential=&lt;key&gt;/&lt;date&gt;/&lt;region&gt;/&lt;service&gt;/aws4_request</c>.</summary>
    internal static (string Region, string Service) CredentialScope(CapturedRequest request)
    {
        var authorization = request.Header("Authorization") ?? string.Empty;
        var credential = authorization.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault(part => part.StartsWith("Credential=", StringComparison.Ordinal));
        Assert.True(credential is not null, $"No SigV4 credential in '{authorization}'.");
        var scope = credential["Credential=".Length..].Split('/');
        Assert.Equal(5, scope.Length);
        Assert.Equal("aws4_request", scope[4]);
        return (scope[2], scope[3]);
    }

    private static string? Normalize(string? contentType) =>
        contentType?.Replace(" ", string.Empty, StringComparison.Ordinal).ToLowerInvariant();
}
