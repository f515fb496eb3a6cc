using Microsoft.Extensions.Options;
using Portal.Domain.Regions;
using Portal.Infra.Aws;
using Portal.Infra.Aws.Runtime;

namespace Portal.Infra.Tests.Aws.Runtime;

public sealed class EndpointResolverTests
{
    private static readonly RegionCode London = RegionCode.Parse("eu-west-2");

    [Theory]
    [InlineData("CloudFormation", "eu-west-2", "https://cloudformation.eu-west-2.amazonaws.com/")]
    [InlineData("SageMaker", "eu-west-2", "https://api.sagemaker.eu-west-2.amazonaws.com/")]
    [InlineData("FSx", "us-east-1", "https://fsx.us-east-1.amazonaws.com/")]
    [InlineData("Pricing", "us-east-1", "https://api.pricing.us-east-1.amazonaws.com/")]
    [InlineData("ServiceQuotas", "us-west-2", "https://servicequotas.us-west-2.amazonaws.com/")]
    [InlineData("Sts", "eu-west-2", "https://sts.eu-west-2.amazonaws.com/")]
    [InlineData("CloudFormation", "cn-north-1", "https://cloudformation.cn-north-1.amazonaws.com.cn/")]
    public void Standard_regional_endpoints_are_used_by_default(string service, string region, string expected)
    {
        var resolver = Resolver(new AwsOptions(), _ => null);

        Assert.Equal(new Uri(expected), resolver.Resolve(Service(service), RegionCode.Parse(region)));
    }

    [Fact]
    public void The_service_variable_beats_the_global_one()
    {
        var env = new Dictionary<string, string> { ["AWS_ENDPOINT_URL"] = "http://global:4566", ["AWS_ENDPOINT_URL_SERVICE_QUOTAS"] = "http://quotas:1234" };
        var resolver = Resolver(new AwsOptions(), env.GetValueOrDefault);

        Assert.Equal(new Uri("http://quotas:1234/"), resolver.Resolve(AwsService.ServiceQuotas, London));
        Assert.Equal(new Uri("http://global:4566/"), resolver.Resolve(AwsService.CloudFormation, London));
    }

    [Fact]
    public void Configuration_beats_the_variables()
    {
        var options = new AwsOptions();
        options.Endpoints["sagemaker"] = "https://sagemaker.internal.example/base";
        var resolver = Resolver(options, _ => "http://global:4566");

        Assert.Equal(new Uri("https://sagemaker.internal.example/base/"), resolver.Resolve(AwsService.SageMaker, London));
    }

    [Fact]
    public void Ignoring_configured_endpoints_turns_the_variables_off()
    {
        var env = new Dictionary<string, string> { ["AWS_ENDPOINT_URL"] = "http://global:4566", ["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"] = "true" };

        Assert.Equal(new Uri("https://fsx.eu-west-2.amazonaws.com/"), Resolver(new AwsOptions(), env.GetValueOrDefault).Resolve(AwsService.FSx, London));
    }

    [Fact]
    public void A_malformed_override_names_its_source()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Resolver(new AwsOptions(), _ => "not a url").Resolve(AwsService.FSx, London));

        Assert.Contains("AWS_ENDPOINT_URL_FSX", error.Message, StringComparison.Ordinal);
    }

    private static AwsService Service(string name) => AwsService.All.Single(s => s.Name == name);

    private static AwsEndpointResolver Resolver(AwsOptions options, Func<string, string?> env) => new(Options.Create(options), env);
}
