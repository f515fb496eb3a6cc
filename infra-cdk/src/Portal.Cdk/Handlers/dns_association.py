"""Associates this region's VPC with the home region's private hosted zone (the Cloud Map namespace of schedulers)."""
import boto3
import cfnresponse


def handler(event, context):
    props = event["ResourceProperties"]
    zone = props["HostedZoneId"]
    vpc = {"VPCRegion": props["VpcRegion"], "VPCId": props["VpcId"]}
    physical_id = event.get("PhysicalResourceId") or zone + "|" + props["VpcId"]
    try:
        route53 = boto3.client("route53")
        associated = any(v["VPCId"] == vpc["VPCId"] for v in route53.get_hosted_zone(Id=zone).get("VPCs", []))
        if event["RequestType"] == "Delete":
            if associated:
                route53.disassociate_vpc_from_hosted_zone(HostedZoneId=zone, VPC=vpc)
        else:
            if not associated:
                route53.associate_vpc_with_hosted_zone(HostedZoneId=zone, VPC=vpc, Comment="Portal worker region")
            physical_id = zone + "|" + props["VpcId"]
        cfnresponse.send(event, context, cfnresponse.SUCCESS, {}, physical_id)
    except Exception as error:  # every failure must reach CloudFormation, or the stack waits an hour
        print("failed:", error)
        cfnresponse.send(event, context, cfnresponse.FAILED, {}, physical_id, reason=str(error)[:200])
