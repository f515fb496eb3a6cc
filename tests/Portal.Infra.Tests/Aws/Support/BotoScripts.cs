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
