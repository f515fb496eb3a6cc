using Amazon.Runtime;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Portal.Infra.Aws;
using Portal.Infra.Aws.Runtime;

namespace Portal.Infra.Tests.Aws.Support;

/// <summary>The AWS provider as the portal registers it (<see cref="AwsServiceCollectionExtensions.AddAwsCloud"/>), pointed at a local endpoint.</summary>
public static class AwsTestHost
{
    public static ServiceProvider Build(
        Uri endpoint,
        CapturingLoggerProvider? logs = null,
        IRetryClock? clock = null,
        TimeProvider? time = null,
        IDictionary<string, string?>? settings = null,
        AWSCredentials? credentials = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["Aws:HomeRegion"] = "eu-west-2",
            ["Aws:TemplatesBaseUrl"] = "https://portal-templates-123456789012.s3.eu-west-2.amazonaws.com/v1",
            ["Aws:Notebook:RoleArn"] = "arn:aws:iam::123456789012:role/PortalNotebook",
            ["Aws:Notebook:SubnetId"] = "subnet-0abc1234def567890",
            ["Aws:Notebook:SecurityGroupIds:0"] = "sg-0abc1234def567890",
            ["Aws:Notebook:KmsKeyId"] = "arn:aws:kms:eu-west-2:123456789012:key/0ff3ea8d-130e-4133-877f-93908b6fdbd6",
            ["Aws:CloudFormation:RoleArn"] = "arn:aws:iam::123456789012:role/PortalCloudFormation",
            ["Aws:Retry:AttemptTimeoutSeconds"] = "10",
        };
        foreach (var service in AwsService.All)
        {
            values[$"Aws:Endpoints:{service.Name}"] = endpoint.ToString();
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddLogging(b =>
        {
            b.SetMinimumLevel(LogLevel.Trace);
            if (logs is not null)
            {
                b.AddProvider(logs);
            }
        });
        services.AddSingleton(credentials ?? new BasicAWSCredentials(ExternalTools.AccessKey, ExternalTools.SecretKey));
        services.AddSingleton(clock ?? new RecordingRetryClock());
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        services.AddAwsCloud(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
