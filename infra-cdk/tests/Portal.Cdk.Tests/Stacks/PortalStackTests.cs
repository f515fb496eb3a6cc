using Amazon.CDK.Assertions;
using Portal.Cdk.Tests.Support;

namespace Portal.Cdk.Tests.Stacks;

public sealed class PortalStackTests(SynthesizedApp app)
{
    private Template Template => app.Assertions("PortalStack");

    private CfnTemplate Json => app["PortalStack"];

    [Fact]
    public void The_load_balancer_suits_blazor_server_and_logs_access()
    {
        var attributes = Json.OnlyResource("AWS::ElasticLoadBalancingV2::LoadBalancer")["Properties"]!["LoadBalancerAttributes"].AsList()
            .ToDictionary(a => a["Key"].AsText()!, a => a["Value"].AsText());

        Assert.Equal("300", attributes["idle_timeout.timeout_seconds"]);
        Assert.Equal("true", attributes["access_logs.s3.enabled"]);
        Assert.Equal("true", attributes["routing.http.drop_invalid_header_fields.enabled"]);
    }

    [Fact]
    public void The_only_listener_is_https_with_the_certificate_parameter()
    {
        Template.ResourceCountIs("AWS::ElasticLoadBalancingV2::Listener", 1);
        Template.HasResourceProperties("AWS::ElasticLoadBalancingV2::Listener", Match.ObjectLike(new Dictionary<string, object>
        {
            ["Port"] = 443,
            ["Protocol"] = "HTTPS",
            ["Certificates"] = new object[] { new Dictionary<string, object> { ["CertificateArn"] = new Dictionary<string, object> { ["Ref"] = "CertificateArn" } } },
        }));
    }

    [Fact]
    public void Targets_are_sticky_so_a_circuit_stays_on_its_instance()
    {
        var attributes = Json.OnlyResource("AWS::ElasticLoadBalancingV2::TargetGroup")["Properties"]!["TargetGroupAttributes"].AsList()
            .ToDictionary(a => a["Key"].AsText()!, a => a["Value"].AsText());

        Assert.Equal("true", attributes["stickiness.enabled"]);
        Assert.Equal("lb_cookie", attributes["stickiness.type"]);
    }

    [Fact]
    public void The_load_balancer_checks_the_portals_health_endpoint()
    {
        var properties = Json.OnlyResource("AWS::ElasticLoadBalancingV2::TargetGroup")["Properties"]!;

        Assert.Equal("/healthz", properties["HealthCheckPath"].AsText());
        Assert.Equal("200", properties["Matcher"]!["HttpCode"].AsText());
    }

    [Fact]
    public void The_database_is_encrypted_postgres_protected_from_deletion() =>
        Template.HasResource("AWS::RDS::DBInstance", Match.ObjectLike(new Dictionary<string, object>
        {
            ["DeletionPolicy"] = "Snapshot",
            ["Properties"] = Match.ObjectLike(new Dictionary<string, object>
            {
                ["Engine"] = "postgres",
                ["StorageEncrypted"] = true,
                ["DeletionProtection"] = true,
                ["PubliclyAccessible"] = false,
            }),
        }));

    [Fact]
    public void The_database_names_only_its_major_version_so_retired_minors_never_pin_it() =>
        Assert.Equal("16", Json.OnlyResource("AWS::RDS::DBInstance")["Properties"]!["EngineVersion"].AsText());

    [Fact]
    public void The_portal_may_change_only_portal_stacks_only_with_the_published_templates_and_the_execution_role()
    {
        var statement = TaskStatement("CreateSessionStacks");
        var intrinsics = new Intrinsics(new Dictionary<string, JsonNode>());
        var baseUrl = intrinsics.Text(Json.Outputs["TemplatesBaseUrl"]!["Value"]);

        Assert.EndsWith(":stack/portal-*/*", statement["Resource"]!["Fn::Sub"].AsText(), StringComparison.Ordinal);
        var equals = statement["Condition"]!.AsObject();
        Assert.Equal(["StringEquals"], equals.Select(c => c.Key));
        Assert.Equal(
            new JsonObject { ["Fn::GetAtt"] = new JsonArray("StackExecutionRole961BA73C", "Arn") }.ToJsonString(),
            equals["StringEquals"]!["cloudformation:RoleArn"]!.ToJsonString());
        // Exact URLs, so no other bucket can match (a StringLike on "<bucket>.s3.*" also matched a bucket named "<bucket>.s3.x").
        Assert.Equal(
            ["RegionFoundation", "SessionScheduler", "SessionWorkers"],
            equals["StringEquals"]!["cloudformation:TemplateUrl"].AsList().Select(intrinsics.Text).Select(url =>
            {
                Assert.StartsWith(baseUrl + "/", url, StringComparison.Ordinal);
                Assert.EndsWith(".template.json", url, StringComparison.Ordinal);
                return url[(baseUrl.Length + 1)..^".template.json".Length];
            }));
        Assert.Matches(@"^https://cdk-hnb659fds-assets-123456789012-eu-west-2\.s3\.us-east-1\.amazonaws\.com/templates/[0-9a-f]{16}$", baseUrl);
    }

    [Fact]
    public void The_portal_passes_no_role_but_the_stack_execution_role_and_the_notebook_role()
    {
        var passes = TaskStatements().Where(s => s["Action"].AsList().Any(a => a.AsText() == "iam:PassRole")).ToList();

        Assert.Equal(2, passes.Count);
        Assert.Contains(passes, s => s["Resource"]!.ToJsonString().Contains("StackExecutionRole", StringComparison.Ordinal));
        Assert.Contains(passes, s => s["Resource"]!.ToJsonString().Contains("portal-home-notebook-role-arn", StringComparison.Ordinal));
        Assert.All(passes, s => Assert.NotNull(s["Condition"]!["StringEquals"]!["iam:PassedToService"]));
    }

    [Fact]
    public void Sagemaker_calls_are_limited_to_tagged_notebooks_with_encrypted_volumes()
    {
        var create = TaskStatement("CreateTaggedEncryptedNotebooks")["Condition"]!["StringEquals"]!;
        var drive = TaskStatement("DriveTaggedNotebooks")["Condition"]!["StringEquals"]!;

        Assert.Equal("true", create["aws:RequestTag/portal-managed"].AsText());
        Assert.NotNull(create["sagemaker:VolumeKmsKey"]);
        Assert.Equal("true", drive["aws:ResourceTag/portal-managed"].AsText());
    }

    [Fact]
    public void No_lambda_function_publishes_anything()
    {
        // BucketDeployment ran a Lambda function on a Python runtime Lambda no longer creates (cfn-lint E2533).
        Template.ResourceCountIs("Custom::CDKBucketDeployment", 0);
        Template.ResourceCountIs("AWS::Lambda::Function", 0);
        Template.ResourceCountIs("AWS::Lambda::LayerVersion", 0);
    }

    [Fact]
    public void The_templates_are_file_assets_at_exactly_the_urls_the_portal_reads_and_may_use()
    {
        var intrinsics = new Intrinsics(new Dictionary<string, JsonNode>());
        var environment = Json.OnlyResource("AWS::ECS::TaskDefinition")["Properties"]!["ContainerDefinitions"]![0]!["Environment"].AsList();
        var baseUrl = intrinsics.Text(Assert.Single(environment, e => e["Name"].AsText() == "Aws__TemplatesBaseUrl")["Value"]);
        var allowed = TaskStatement("CreateSessionStacks")["Condition"]!["StringEquals"]!["cloudformation:TemplateUrl"].AsList().Select(intrinsics.Text);
        var files = JsonNode.Parse(File.ReadAllText(Path.Combine(app.AssemblyDirectory, "PortalStack.assets.json")))!["files"]!.AsObject()
            .Select(f => (Source: f.Value!["source"]!, Destination: f.Value["destinations"]!.AsObject().Single().Value!))
            .ToList();

        var published = new[] { "RegionFoundation", "SessionScheduler", "SessionWorkers" }.Select(name =>
        {
            // What AwsStackDeployer asks CloudFormation for: <Aws:TemplatesBaseUrl>/<Name>.template.json.
            var url = new Uri(baseUrl + "/" + name + ".template.json");
            var asset = Assert.Single(files, f => f.Destination["objectKey"].AsText() == url.AbsolutePath.TrimStart('/'));
            Assert.Equal("file", asset.Source["packaging"].AsText());
            // The bucket cdk deploy uploads it to is the one the URL names (virtual-hosted style).
            var bucket = intrinsics.Text(new JsonObject { ["Fn::Sub"] = asset.Destination["bucketName"].AsText() });
            Assert.Equal(bucket + ".s3.us-east-1.amazonaws.com", url.Host);
            Assert.Equal(
                File.ReadAllText(Path.Combine(app.PublishedTemplates, name + ".template.json")),
                File.ReadAllText(Path.Combine(app.AssemblyDirectory, asset.Source["path"].AsText()!)));
            return url.ToString();
        }).ToList();

        Assert.Equal(published, allowed);
    }

    [Theory]
    [InlineData("Aws__TemplatesBaseUrl")]
    [InlineData("Aws__CloudFormation__RoleArn")]
    [InlineData("Aws__Notebook__RoleArn")]
    [InlineData("Aws__Notebook__KmsKeyId")]
    [InlineData("Foundation__HomeTransitGatewayId")]
    [InlineData("Foundation__HomeHostedZoneId")]
    [InlineData("Orchestration__PublicBaseUrl")]
    [InlineData("Launch__DaskImage")]
    [InlineData("Cloud__Provider")]
    public void The_portal_container_is_configured_for_aws(string variable)
    {
        var container = Json.OnlyResource("AWS::ECS::TaskDefinition")["Properties"]!["ContainerDefinitions"]![0]!;

        Assert.Contains(container["Environment"].AsList(), e => e["Name"].AsText() == variable);
    }

    [Fact]
    public void Notebooks_are_created_on_the_supported_amazon_linux_2023_platform()
    {
        var container = Json.OnlyResource("AWS::ECS::TaskDefinition")["Properties"]!["ContainerDefinitions"]![0]!;

        var platform = Assert.Single(container["Environment"].AsList(), e => e["Name"].AsText() == "Aws__Notebook__PlatformIdentifier");
        Assert.Equal("notebook-al2023-v1", platform["Value"].AsText());
    }

    [Fact]
    public void Secrets_reach_the_container_from_secrets_manager_not_the_template()
    {
        var container = Json.OnlyResource("AWS::ECS::TaskDefinition")["Properties"]!["ContainerDefinitions"]![0]!;

        Assert.Equal(["AzureAd__ClientSecret", "ConnectionStrings__Portal"], container["Secrets"].AsList().Select(s => s["Name"].AsText()).Order());
        Assert.DoesNotContain(container["Environment"].AsList(), e => e["Name"].AsText()!.Contains("Secret", StringComparison.Ordinal));
    }

    [Fact]
    public void The_operator_supplies_host_name_certificate_and_entra_settings() =>
        Assert.Equal(["CertificateArn", "EntraClientId", "EntraClientSecretArn", "EntraTenantId", "PortalHostName"], Json.ParameterNames.Where(p => p != "BootstrapVersion").Order());

    [Fact]
    public void The_portal_image_is_built_from_its_dockerfile_with_only_the_sources_it_needs()
    {
        var assets = JsonNode.Parse(File.ReadAllText(Path.Combine(app.AssemblyDirectory, "PortalStack.assets.json")))!["dockerImages"]!.AsObject();
        var portal = Assert.Single(assets, a => a.Value!["source"]!["dockerFile"].AsText() == "docker/portal/Dockerfile").Value!;
        var context = Path.Combine(app.AssemblyDirectory, portal["source"]!["directory"].AsText()!);

        Assert.True(File.Exists(Path.Combine(context, "docker", "portal", "Dockerfile")));
        Assert.True(File.Exists(Path.Combine(context, "src", "Portal.Web", "Portal.Web.csproj")));
        Assert.True(File.Exists(Path.Combine(context, "Directory.Packages.props")));
        Assert.False(Directory.Exists(Path.Combine(context, "infra-cdk")));
        Assert.False(Directory.Exists(Path.Combine(context, "artifacts")));
        Assert.Empty(Directory.GetDirectories(context, "obj", SearchOption.AllDirectories));
    }

    private IEnumerable<JsonNode> TaskStatements() =>
        Json.ResourcesOfType("AWS::IAM::Policy")
            .Where(p => p.Key.StartsWith("PortalTaskTaskRoleDefaultPolicy", StringComparison.Ordinal))
            .SelectMany(p => p.Value["Properties"]!["PolicyDocument"]!["Statement"].AsList());

    private JsonNode TaskStatement(string sid) => Assert.Single(TaskStatements(), s => s["Sid"].AsText() == sid);
}
