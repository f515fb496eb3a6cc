using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Cloud;
using Portal.Domain.Regions;
using Portal.Infra.Aws.Runtime;
using Portal.Infra.Aws.SageMaker;
using Portal.Infra.Tests.Aws.Wire;
using static Portal.Infra.Tests.Aws.Parsing.Answering;

namespace Portal.Infra.Tests.Aws.Parsing;

/// <summary>
/// A bad signature is answered with the request AWS expected, session token included: none of that may reach an
/// exception message (shown on the session timeline) or a log.
/// </summary>
public sealed class SignatureErrorTests
{
    public const string SessionToken = "IQoJb3JpZ2luX2VjEFAKE//SESSION-TOKEN-MUST-NOT-LEAK==";

    private const string FirstParagraph = "The request signature we calculated does not match the signature you provided. "
        + "Check your AWS Secret Access Key and signing method. Consult the service documentation for details.";

    /// <summary>What SageMaker (any JSON 1.1 service) answers to a request signed with the wrong secret.</summary>
    public static readonly string InvalidSignatureBody = JsonSerializer.Serialize(new Dictionary<string, string>
    {
        ["__type"] = "InvalidSignatureException",
        ["message"] = FirstParagraph + "\n\nThe Canonical String for this request should have been\n'POST\n/\n\n"
            + "content-type:application/x-amz-json-1.1\nhost:api.sagemaker.eu-west-2.amazonaws.com\nx-amz-date:20260501T120000Z\n"
            + $"x-amz-security-token:{SessionToken}\nx-amz-target:SageMaker.DescribeNotebookInstance\n\n"
            + "content-type;host;x-amz-date;x-amz-security-token;x-amz-target\n"
            + "44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a'\n\n"
            + "The String-to-Sign should have been\n'AWS4-HMAC-SHA256\n20260501T120000Z\n20260501/eu-west-2/sagemaker/aws4_request\n"
            + "5f2a3c1e0b9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f'\n",
    });

    public static TheoryData<string> Echoes =>
    [
        InvalidSignatureBody,
        // The same without the blank lines some front ends fold away.
        JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["__type"] = "InvalidSignatureException",
            ["message"] = FirstParagraph + " The Canonical String for this request should have been 'POST / "
                + $"x-amz-security-token:{SessionToken} x-amz-target:SageMaker.DescribeNotebookInstance' "
                + "The String-to-Sign should have been 'AWS4-HMAC-SHA256 20260501T120000Z 20260501/eu-west-2/sagemaker/aws4_request abcd'",
        }),
    ];

    public static TheoryData<string> CredentialCodes =>
    [
        "InvalidSignatureException", "IncompleteSignature", "IncompleteSignatureException", "MissingAuthenticationToken",
        "MissingAuthenticationTokenException", "SignatureDoesNotMatch", "UnrecognizedClientException", "InvalidClientTokenId",
        "ExpiredToken", "ExpiredTokenException",
    ];

    [Theory]
    [MemberData(nameof(Echoes))]
    public async Task The_message_keeps_the_first_paragraph_and_drops_the_echoed_request(string body)
    {
        var error = await Assert.ThrowsAsync<AwsServiceException>(() => WithAsync(
            sp => WireCase.Client<IAmazonSageMaker>(sp, "eu-west-2").DescribeNotebookInstanceAsync(new DescribeNotebookInstanceRequest { NotebookInstanceName = "x" }),
            Json(body, 403)));

        Assert.Equal("InvalidSignatureException", error.ErrorCode);
        Assert.Equal(FirstParagraph, error.Message);
        AssertNoEcho(error.ToString());
    }

    [Fact]
    public async Task A_query_protocol_message_is_cut_the_same_way()
    {
        var error = await Assert.ThrowsAsync<AwsServiceException>(() => WithAsync(
            sp => WireCase.Client<Portal.Infra.Aws.CloudFormation.IAmazonCloudFormation>(sp, "eu-west-2")
                .DescribeStacksAsync(new Portal.Infra.Aws.CloudFormation.DescribeStacksRequest { StackName = "portal-x" }),
            Xml($"""
                <ErrorResponse xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/"><Error><Type>Sender</Type><Code>SignatureDoesNotMatch</Code>
                <Message>{FirstParagraph}

                The Canonical String for this request should have been
                'POST
                /

                host:cloudformation.eu-west-2.amazonaws.com
                x-amz-security-token:{SessionToken}'</Message></Error><RequestId>r-1</RequestId></ErrorResponse>
                """, 403)));

        Assert.Equal(FirstParagraph, error.Message);
        AssertNoEcho(error.ToString());
    }

    [Theory]
    [MemberData(nameof(CredentialCodes))]
    public async Task Signature_and_token_errors_read_as_a_credentials_problem(string code)
    {
        var body = JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["__type"] = code,
            ["message"] = $"Refused.\n\nThe Canonical String for this request should have been\n'x-amz-security-token:{SessionToken}'",
        });

        var error = await Assert.ThrowsAsync<CloudOperationException>(() => WithAsync(
            sp => sp.GetRequiredService<INotebookService>().DescribeNotebookInstanceAsync(RegionCode.Parse("eu-west-2"), "portal-x", TestContext.Current.CancellationToken),
            Json(body, 403)));

        Assert.Equal(code, error.ErrorCode);
        Assert.StartsWith("AWS did not accept the portal's credentials (DescribeNotebookInstance in eu-west-2)", error.Message, StringComparison.Ordinal);
        Assert.Contains("Check the credentials the portal runs with", error.Message, StringComparison.Ordinal);
        AssertNoEcho(error.ToString());
    }

    internal static void AssertNoEcho(string text)
    {
        foreach (var echo in new[] { SessionToken, "SESSION-TOKEN", "x-amz-security-token", "Canonical String", "String-to-Sign", "AWS4-HMAC-SHA256", "aws4_request" })
        {
            Assert.DoesNotContain(echo, text, StringComparison.OrdinalIgnoreCase);
        }
    }
}
