using Amazon.CDK;
using Constructs;

namespace Portal.Cdk.Portal;

/// <summary>PortalStack's deploy-time inputs: the host name and its certificate, and the Entra ID application (the secret by reference only).</summary>
internal sealed class PortalParameters
{
    public PortalParameters(Construct scope)
    {
        PortalHostName = new CfnParameter(scope, "PortalHostName", new CfnParameterProps
        {
            Type = "String",
            AllowedPattern = "^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$",
            Description = "The portal's host name (the certificate's), e.g. portal.example.org: notebooks call the portal back at https://<this>/",
        });
        CertificateArn = new CfnParameter(scope, "CertificateArn", new CfnParameterProps
        {
            Type = "String",
            AllowedPattern = "^arn:aws[a-z-]*:acm:[a-z0-9-]+:[0-9]{12}:certificate/.+$",
            Description = "ACM certificate of the portal's host name, in the home region",
        });
        EntraTenantId = new CfnParameter(scope, "EntraTenantId", new CfnParameterProps
        {
            Type = "String",
            AllowedPattern = "^[0-9a-fA-F-]{36}$",
            Description = "Entra ID tenant (directory) id",
        });
        EntraClientId = new CfnParameter(scope, "EntraClientId", new CfnParameterProps
        {
            Type = "String",
            AllowedPattern = "^[0-9a-fA-F-]{36}$",
            Description = "Entra ID application (client) id; app roles Portal.User and Portal.Admin",
        });
        EntraClientSecretArn = new CfnParameter(scope, "EntraClientSecretArn", new CfnParameterProps
        {
            Type = "String",
            AllowedPattern = "^arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:[0-9]{12}:secret:.+$",
            Description = "Secrets Manager secret holding the Entra ID client secret (plain text)",
        });
    }

    public CfnParameter PortalHostName { get; }

    public CfnParameter CertificateArn { get; }

    public CfnParameter EntraTenantId { get; }

    public CfnParameter EntraClientId { get; }

    public CfnParameter EntraClientSecretArn { get; }
}
