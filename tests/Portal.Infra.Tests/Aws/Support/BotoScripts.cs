namespace Portal.Infra.Tests.Aws.Support;

/// <summary>The python programs the wire tests run: the reference client, and the independent signature check.</summary>
public static class BotoScripts
{
    /// <summary>Reads [{service, region, operation, params}] on stdin; calls each through boto3 against <c>argv[1]</c>.</summary>
    public const string Call = """
        import json, sys
        import boto3, botocore.config
        endpoint = sys.argv[1]
        cases = json.load(sys.stdin)
        session = boto3.session.Session()
        config = botocore.config.Config(retries={"max_attempts": 1, "mode": "standard"})
        results = []
        for case in cases:
            client = session.client(case["service"], region_name=case["region"], endpoint_url=endpoint, config=config)
            try:
                getattr(client, case["operation"])(**case["params"])
                results.append("ok")
            except Exception as error:
                results.append(type(error).__name__ + ": " + str(error))
        print(json.dumps(results))
        """;

    /// <summary>
    /// Reads [{service, endpoint}] and makes one describe call per item through boto3 in the "standard" retry mode with
    /// 3 attempts in all and no wait between them (only the number of attempts is compared).
    /// </summary>
    public const string Attempts = """
        import json, sys
        import boto3, botocore.config, botocore.retries.standard
        botocore.retries.standard.ExponentialBackoff.delay_amount = lambda self, context: 0
        config = botocore.config.Config(retries={"mode": "standard", "total_max_attempts": 3})
        session = boto3.session.Session()
        for case in json.load(sys.stdin):
            client = session.client(case["service"], region_name="eu-west-2", endpoint_url=case["endpoint"], config=config)
            try:
                if case["service"] == "cloudformation":
                    client.describe_stacks(StackName="portal-x")
                else:
                    client.describe_notebook_instance(NotebookInstanceName="portal-x")
            except Exception:
                pass
        print("done")
        """;

    /// <summary>
    /// Reads [{method, url, headers, body(base64), region, service, amzdate, accessKey, secretKey}] and recomputes each
    /// SigV4 signature with botocore's own <c>SigV4Auth</c> (canonical request, string to sign, signing key).
    /// </summary>
    public const string Sign = """
        import base64, json, sys
        from botocore.auth import SigV4Auth
        from botocore.awsrequest import AWSRequest
        from botocore.credentials import Credentials
        results = []
        for item in json.load(sys.stdin):
            auth = SigV4Auth(Credentials(item["accessKey"], item["secretKey"]), item["service"], item["region"])
            request = AWSRequest(method=item["method"], url=item["url"], data=base64.b64decode(item["body"]), headers=item["headers"])
            request.context["timestamp"] = item["amzdate"]
            canonical = auth.canonical_request(request)
            signature = auth.signature(auth.string_to_sign(request, canonical), request)
            results.append({"signature": signature, "signedHeaders": auth.signed_headers(auth.headers_to_sign(request)), "canonical": canonical})
        print(json.dumps(results))
        """;
}
