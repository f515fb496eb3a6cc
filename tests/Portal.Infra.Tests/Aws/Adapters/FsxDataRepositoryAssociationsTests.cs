using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Cloud;
using Portal.Domain.Regions;
using Portal.Infra.Tests.Aws.Parsing;
using Portal.Infra.Tests.Aws.Support;

namespace Portal.Infra.Tests.Aws.Adapters;

/// <summary>
/// A region's associations on AWS, over the wire against a local server: the foundation stack's FileSystemId output, then
/// DescribeDataRepositoryAssociations filtered by that file system, following NextToken.
/// </summary>
public sealed class FsxDataRepositoryAssociationsTests
{
    private const string Ns = "http://cloudformation.amazonaws.com/doc/2010-05-15/";
    private static readonly RegionCode Virginia = RegionCode.Parse("us-east-1");

    private static CannedResponse Foundation(string outputs) => Answering.Xml($"""
        <DescribeStacksResponse xmlns="{Ns}"><DescribeStacksResult><Stacks><member>
          <StackId>arn:aws:cloudformation:us-east-1:123456789012:stack/portal-region-us-east-1/1</StackId><StackName>portal-region-us-east-1</StackName>
          <CreationTime>2026-05-01T11:00:00Z</CreationTime><StackStatus>CREATE_COMPLETE</StackStatus>
          <Outputs>{outputs}</Outputs>
        </member></Stacks></DescribeStacksResult></DescribeStacksResponse>
        """);

    [Fact]
    public async Task Reads_every_page_of_the_foundation_file_systems_associations_with_their_state_and_failure()
    {
        var stack = Foundation("<member><OutputKey>FileSystemId</OutputKey><OutputValue>fs-0123456789abcdef0</OutputValue></member>");
        var first = Answering.Json("""
            {"Associations": [{"AssociationId": "dra-2", "FileSystemId": "fs-0123456789abcdef0", "Lifecycle": "MISCONFIGURED",
              "FileSystemPath": "/us-east-1/era5-pds", "DataRepositoryPath": "s3://era5-pds/",
              "FailureDetails": {"Message": "Amazon FSx does not have permission to access the S3 bucket."}}], "NextToken": "page-2"}
            """);
        var second = Answering.Json("""
            {"Associations": [{"AssociationId": "dra-1", "FileSystemId": "fs-0123456789abcdef0", "Lifecycle": "AVAILABLE",
              "FileSystemPath": "/us-east-1/cmip6", "DataRepositoryPath": "s3://cmip6-pds/CMIP6/"}]}
            """);

        var (links, requests) = await Answering.WithAsync(
            sp => sp.GetRequiredService<IDataRepositoryAssociations>().ListAsync(Virginia, TestContext.Current.CancellationToken), stack, first, second);

        Assert.Equal(
            [
                new DataRepositoryLink("/us-east-1/cmip6", "s3://cmip6-pds/CMIP6/", "AVAILABLE", null),
                new DataRepositoryLink("/us-east-1/era5-pds", "s3://era5-pds/", "MISCONFIGURED", "Amazon FSx does not have permission to access the S3 bucket."),
            ],
            links);
        Assert.Equal(3, requests.Count);
        Assert.Contains("StackName=portal-region-us-east-1", Encoding.UTF8.GetString(requests[0].Body), StringComparison.Ordinal);
        var pages = requests.Skip(1).Select(r => JsonNode.Parse(r.Body)!).ToList();
        Assert.All(requests.Skip(1), r => Assert.Equal("AWSSimbaAPIService_v20180301.DescribeDataRepositoryAssociations", r.Headers.First(h => string.Equals(h.Key, "X-Amz-Target", StringComparison.OrdinalIgnoreCase)).Value));
        Assert.All(pages, p => Assert.Equal(
            """[{"Name":"file-system-id","Values":["fs-0123456789abcdef0"]}]""", p["Filters"]!.ToJsonString()));
        Assert.Null(pages[0]["NextToken"]);
        Assert.Equal("page-2", (string?)pages[1]["NextToken"]);
    }

    [Fact]
    public async Task A_foundation_without_a_file_system_output_has_no_associations_and_fsx_is_not_asked()
    {
        var (links, requests) = await Answering.WithAsync(
            sp => sp.GetRequiredService<IDataRepositoryAssociations>().ListAsync(Virginia, TestContext.Current.CancellationToken), Foundation(string.Empty));

        Assert.Empty(links);
        Assert.Single(requests);
    }

    [Fact]
    public async Task An_fsx_error_comes_back_as_a_cloud_error_with_its_code()
    {
        var stack = Foundation("<member><OutputKey>FileSystemId</OutputKey><OutputValue>fs-0123456789abcdef0</OutputValue></member>");
        var denied = Answering.Json("""{"__type": "AccessDeniedException", "Message": "User is not authorized to perform fsx:DescribeDataRepositoryAssociations"}""", 400);

        var error = await Assert.ThrowsAsync<CloudOperationException>(() => Answering.WithAsync(
            sp => sp.GetRequiredService<IDataRepositoryAssociations>().ListAsync(Virginia, TestContext.Current.CancellationToken), stack, denied));

        Assert.Equal("AccessDeniedException", error.ErrorCode);
        Assert.Contains("fsx:DescribeDataRepositoryAssociations", error.Message, StringComparison.Ordinal);
    }
}
