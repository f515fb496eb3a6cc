using Amazon.CDK;

namespace Portal.Cdk.Shared;

/// <summary>ARN patterns of this account's resources, for IAM statements of roles that act in every region.</summary>
internal static class AccountArns
{
    /// <summary><c>arn:&lt;partition&gt;:&lt;service&gt;:*:&lt;account&gt;:&lt;resource&gt;</c>: any region.</summary>
    public static string AnyRegion(string service, string resource) =>
        Fn.Sub($"arn:${{AWS::Partition}}:{service}:*:${{AWS::AccountId}}:{resource}");

    /// <summary><c>arn:&lt;partition&gt;:&lt;service&gt;::&lt;account&gt;:&lt;resource&gt;</c>: global services (IAM, Route 53).</summary>
    public static string Global(string service, string resource) =>
        Fn.Sub($"arn:${{AWS::Partition}}:{service}::${{AWS::AccountId}}:{resource}");

    /// <summary>A role of this account by name.</summary>
    public static string Role(string name) => Global("iam", "role/" + name);
}
