"""Accepts a Transit Gateway peering attachment in the home region and routes a worker CIDR to it."""
import time

import boto3
import cfnresponse


def handler(event, context):
    props = event["ResourceProperties"]
    attachment = props["AttachmentId"]
    cidr = props["DestinationCidr"]
    physical_id = event.get("PhysicalResourceId") or attachment + "|" + cidr
    try:
        ec2 = boto3.client("ec2", region_name=props["HomeRegion"])
        gateways = ec2.describe_transit_gateways(TransitGatewayIds=[props["HomeTransitGatewayId"]])
        table = gateways["TransitGateways"][0]["Options"]["AssociationDefaultRouteTableId"]
        if event["RequestType"] == "Delete":
            # Only the route this resource made: after an update replaced the attachment, the same CIDR leads to the
            # new one, and CloudFormation deletes the old resource afterwards. The physical id names what it made.
            mine, cidr = physical_id.split("|", 1) if "|" in physical_id else (attachment, cidr)
            routes = ec2.search_transit_gateway_routes(
                TransitGatewayRouteTableId=table,
                Filters=[{"Name": "route-search.exact-match", "Values": [cidr]}])["Routes"]
            if any(a.get("TransitGatewayAttachmentId") == mine for r in routes for a in r.get("TransitGatewayAttachments", [])):
                try:
                    ec2.delete_transit_gateway_route(TransitGatewayRouteTableId=table, DestinationCidrBlock=cidr)
                except ec2.exceptions.ClientError as error:
                    print("route already gone:", error)
            else:
                print("route to", cidr, "does not lead to", mine, "- left as it is")
        else:
            if wait(ec2, attachment, ("pendingAcceptance", "available"), context) == "pendingAcceptance":
                ec2.accept_transit_gateway_peering_attachment(TransitGatewayAttachmentId=attachment)
            wait(ec2, attachment, ("available",), context)
            route = dict(TransitGatewayRouteTableId=table, DestinationCidrBlock=cidr, TransitGatewayAttachmentId=attachment)
            try:
                ec2.create_transit_gateway_route(**route)
            except ec2.exceptions.ClientError:
                ec2.replace_transit_gateway_route(**route)
            physical_id = attachment + "|" + cidr
        cfnresponse.send(event, context, cfnresponse.SUCCESS, {"RouteTableId": table}, physical_id)
    except Exception as error:  # every failure must reach CloudFormation, or the stack waits an hour
        print("failed:", error)
        cfnresponse.send(event, context, cfnresponse.FAILED, {}, physical_id, reason=str(error)[:200])


def wait(ec2, attachment, states, context):
    """Polls the attachment (it appears in the home region a little after it is created) until it reaches a state."""
    while context.get_remaining_time_in_millis() > 30000:
        try:
            found = ec2.describe_transit_gateway_peering_attachments(TransitGatewayAttachmentIds=[attachment])
            state = found["TransitGatewayPeeringAttachments"][0]["State"]
            if state in states:
                return state
            print("attachment", attachment, "is", state)
        except ec2.exceptions.ClientError as error:
            print("not visible yet:", error)
        time.sleep(15)
    raise TimeoutError("attachment %s did not reach %s in time" % (attachment, "/".join(states)))
