using Microsoft.OpenApi;

namespace Portal.Web.Api;

/// <summary>The OpenAPI document of <c>/api/v1</c>, served at a stable URL and generated from the mapped endpoints, so it cannot drift.</summary>
internal static class ApiDocument
{
    public const string Path = "/api/v1/openapi.json";
    public const string Name = "v1";

    public static IServiceCollection AddPortalApiDocument(this IServiceCollection services) =>
        services.AddOpenApi(Name, options =>
        {
            options.ShouldInclude = description => description.RelativePath?.StartsWith("api/v1/", StringComparison.Ordinal) == true;
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "Portal API",
                    Version = "v1",
                    Description = "Launch, follow, open and stop Dask sessions next to public datasets. Authenticate with a personal API token "
                                  + "(Authorization: Bearer portal_pat_..., from the API tokens page), an Entra access token, or the portal's sign-in cookie. "
                                  + "Errors are RFC 9457 problem details.",
                };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes["bearer"] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    Description = "A personal API token (portal_pat_...) or an Entra access token for the portal's app registration.",
                };
                document.Security ??= [];
                document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("bearer", document)] = [] });
                return Task.CompletedTask;
            });
        });

    public static IEndpointRouteBuilder MapPortalApiDocument(this IEndpointRouteBuilder endpoints)
    {
        // The contract is public: programs read it before they hold a token.
        endpoints.MapOpenApi(Path).AllowAnonymous();
        return endpoints;
    }
}
