using System.Diagnostics;
using Portal.Cdk.Handlers;

namespace Portal.Cdk.Tests.Stacks;

/// <summary>
/// The inline handler that accepts the peering in the home region and routes the worker CIDR to it, run by python3
/// against a fake EC2 client (boto3 and cfnresponse are replaced, so nothing leaves the machine).
/// </summary>
public sealed class PeeringAcceptorTests
{
    private const string Attachment = "tgw-attach-0aaaaaaaaaaaaaaaa";
    private const string Cidr = "10.1.0.0/16";

    [Fact]
    public void Delete_removes_the_hub_route_when_it_still_leads_to_this_attachment()
    {
        var calls = Delete(routeTargets: [Attachment]);

        Assert.Contains($"delete tgw-rtb-hub {Cidr}", calls);
        Assert.Contains("send SUCCESS", calls);
    }

    [Theory]
    [InlineData("tgw-attach-0bbbbbbbbbbbbbbbb")]
    [InlineData(null)]
    public void Delete_leaves_a_route_that_now_leads_elsewhere_or_is_gone(string? otherAttachment)
    {
        // After an update that replaced the peering, the route to the same CIDR leads to the new attachment, and
        // CloudFormation deletes the old custom resource afterwards: that must not cut the region off.
        var calls = Delete(routeTargets: otherAttachment is null ? [] : [otherAttachment]);

        Assert.DoesNotContain(calls, c => c.StartsWith("delete ", StringComparison.Ordinal));
        Assert.Contains("send SUCCESS", calls);
    }

    private static List<string> Delete(string[] routeTargets)
    {
        var routes = routeTargets.Length == 0
            ? "[]"
            : $"[{{'DestinationCidrBlock': '{Cidr}', 'State': 'active', 'TransitGatewayAttachments': [{string.Join(", ", routeTargets.Select(t => $"{{'TransitGatewayAttachmentId': '{t}'}}"))}]}}]";
        var harness = $$$"""
            import sys, types
            calls = []
            class ClientError(Exception):
                pass
            class FakeEc2:
                class exceptions:
                    ClientError = ClientError
                def describe_transit_gateways(self, **kw):
                    return {'TransitGateways': [{'Options': {'AssociationDefaultRouteTableId': 'tgw-rtb-hub'}}]}
                def search_transit_gateway_routes(self, TransitGatewayRouteTableId, Filters, **kw):
                    found = [r for r in {{{routes}}} if r['DestinationCidrBlock'] in Filters[0]['Values']]
                    return {'Routes': found}
                def delete_transit_gateway_route(self, TransitGatewayRouteTableId, DestinationCidrBlock):
                    calls.append('delete %s %s' % (TransitGatewayRouteTableId, DestinationCidrBlock))
            boto3 = types.ModuleType('boto3')
            boto3.client = lambda *args, **kwargs: FakeEc2()
            cfnresponse = types.ModuleType('cfnresponse')
            cfnresponse.SUCCESS, cfnresponse.FAILED = 'SUCCESS', 'FAILED'
            cfnresponse.send = lambda event, context, status, data, physical_id, reason=None: calls.append('send %s' % status)
            sys.modules['boto3'], sys.modules['cfnresponse'] = boto3, cfnresponse
            handler = types.ModuleType('index')
            exec(sys.stdin.read(), handler.__dict__)
            handler.handler({
                'RequestType': 'Delete',
                'PhysicalResourceId': '{{{Attachment}}}|{{{Cidr}}}',
                'ResourceProperties': {'HomeRegion': 'eu-west-2', 'HomeTransitGatewayId': 'tgw-0123456789abcdef0',
                                       'AttachmentId': '{{{Attachment}}}', 'DestinationCidr': '{{{Cidr}}}'},
            }, None)
            print('\n'.join(calls))
            """;
        var script = Path.Combine(Path.GetTempPath(), $"portal-acceptor-{Guid.NewGuid():N}.py");
        File.WriteAllText(script, harness);
        try
        {
            using var python = Process.Start(new ProcessStartInfo("python3", script)
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            })!;
            python.StandardInput.Write(InlineHandlerConstruct.Read("peering_acceptor.py"));
            python.StandardInput.Close();
            var output = python.StandardOutput.ReadToEnd();
            var errors = python.StandardError.ReadToEnd();
            python.WaitForExit();
            Assert.True(python.ExitCode == 0, errors);
            return [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
        }
        finally
        {
            File.Delete(script);
        }
    }
}
