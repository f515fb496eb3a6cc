using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Portal.Testing;

/// <summary>
/// A small OpenID Connect provider shaped like Entra ID's v2.0 endpoints, on Kestrel at 127.0.0.1 and a free port, for
/// tests without network. Discovery and JWKS (an RSA key made per instance); an authorize endpoint that signs
/// <see cref="Account"/> in at once and answers with a code (form_post or query, as asked); a token endpoint that
/// checks the code, client secret, redirect URI and PKCE verifier, and returns an RS256 id_token with the request's
/// nonce; a logout endpoint that returns to post_logout_redirect_uri. It refuses what Entra would refuse, and
/// remembers every authorize request and refusal so tests can read them.
/// </summary>
/// <remarks>Shared by Portal.Web.Tests and Portal.E2E.Tests as a linked file.</remarks>
public sealed class FakeOpenIdProvider : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly RSA _key = RSA.Create(2048);
    private readonly string _keyId = Guid.NewGuid().ToString("N")[..16];
    private readonly ConcurrentDictionary<string, IssuedCode> _codes = new();
    private readonly ConcurrentQueue<IReadOnlyDictionary<string, string>> _authorizeRequests = new();
    private readonly ConcurrentQueue<string> _refusals = new();
    private readonly ConcurrentQueue<string> _issued = new();
    private readonly WebApplication _app;
    private int _tokensIssued;
    private int _signOuts;

    private FakeOpenIdProvider(string clientId, string clientSecret)
    {
        ClientId = clientId;
        ClientSecret = clientSecret;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        _app = builder.Build();
        var tenant = _app.MapGroup("/" + TenantId);
        tenant.MapGet("/v2.0/.well-known/openid-configuration", Discovery);
        tenant.MapGet("/discovery/v2.0/keys", Keys);
        tenant.MapGet("/oauth2/v2.0/authorize", Authorize);
        tenant.MapPost("/oauth2/v2.0/token", TokenAsync);
        tenant.MapGet("/oauth2/v2.0/logout", Logout);
    }

    public string TenantId { get; } = Guid.NewGuid().ToString();

    public string ClientId { get; }

    public string ClientSecret { get; }

    /// <summary>Where the provider listens, with a trailing slash: the portal's <c>AzureAd:Instance</c>.</summary>
    public Uri Instance { get; private set; } = null!;

    public string Issuer => $"{Instance}{TenantId}/v2.0";

    public Uri AuthorizeEndpoint => new($"{Instance}{TenantId}/oauth2/v2.0/authorize");

    /// <summary>Who the next authorize request signs in.</summary>
    public FakeAccount Account { get; set; } = new("Ada Lovelace", "ada@contoso.example", [FakeAccount.PortalUser]);

    public IReadOnlyList<IReadOnlyDictionary<string, string>> AuthorizeRequests => [.. _authorizeRequests];

    /// <summary>Why the provider refused a request; empty when every request was well formed.</summary>
    public IReadOnlyList<string> Refusals => [.. _refusals];

    /// <summary>Every code and token the provider handed out, so tests can check that none of them reaches a log.</summary>
    public IReadOnlyList<string> IssuedCredentials => [.. _issued];

    public int TokensIssued => _tokensIssued;

    public int SignOuts => _signOuts;

    public static async Task<FakeOpenIdProvider> StartAsync(CancellationToken cancellationToken)
    {
        var provider = new FakeOpenIdProvider(Guid.NewGuid().ToString(), "secret-" + Guid.NewGuid().ToString("N"));
        await provider._app.StartAsync(cancellationToken);
        var address = provider._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        provider.Instance = new Uri(address.TrimEnd('/') + "/");
        return provider;
    }

    /// <summary>The portal's configuration for Entra sign-in against this provider.</summary>
    public Dictionary<string, string?> PortalSettings() => new()
    {
        ["Auth:Mode"] = "Entra",
        ["AzureAd:Instance"] = Instance.ToString(),
        ["AzureAd:TenantId"] = TenantId,
        ["AzureAd:ClientId"] = ClientId,
        ["AzureAd:ClientSecret"] = ClientSecret,
    };

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _key.Dispose();
    }

    private IResult Discovery()
    {
        var tenantBase = $"{Instance}{TenantId}";
        return Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = Issuer,
            ["authorization_endpoint"] = $"{tenantBase}/oauth2/v2.0/authorize",
            ["token_endpoint"] = $"{tenantBase}/oauth2/v2.0/token",
            ["end_session_endpoint"] = $"{tenantBase}/oauth2/v2.0/logout",
            ["jwks_uri"] = $"{tenantBase}/discovery/v2.0/keys",
            ["response_types_supported"] = new[] { "code", "id_token", "code id_token", "id_token token" },
            ["response_modes_supported"] = new[] { "query", "fragment", "form_post" },
            ["subject_types_supported"] = new[] { "pairwise" },
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            ["scopes_supported"] = new[] { "openid", "profile", "email", "offline_access" },
            ["token_endpoint_auth_methods_supported"] = new[] { "client_secret_post", "client_secret_basic" },
            ["claims_supported"] = new[] { "sub", "iss", "aud", "exp", "iat", "nonce", "name", "preferred_username", "oid", "tid", "roles" },
        });
    }

    private IResult Keys()
    {
        var parameters = _key.ExportParameters(includePrivateParameters: false);
        return Results.Json(new
        {
            keys = new[]
            {
                new Dictionary<string, string>
                {
                    ["kty"] = "RSA",
                    ["use"] = "sig",
                    ["alg"] = "RS256",
                    ["kid"] = _keyId,
                    ["n"] = Base64Url.EncodeToString(parameters.Modulus),
                    ["e"] = Base64Url.EncodeToString(parameters.Exponent),
                },
            },
        });
    }

    private IResult Authorize(HttpRequest request)
    {
        var query = request.Query.ToDictionary(p => p.Key, p => p.Value.ToString(), StringComparer.Ordinal);
        _authorizeRequests.Enqueue(query);
        var problem = AuthorizeProblem(query);
        if (problem is not null)
        {
            return Refuse(problem);
        }

        var code = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        _codes[code] = new IssuedCode(query["redirect_uri"], query["nonce"], query["code_challenge"], Account);
        _issued.Enqueue(code);
        var state = query.GetValueOrDefault("state") ?? string.Empty;
        if (query.GetValueOrDefault("response_mode") == "form_post")
        {
            var html = HtmlEncoder.Default;
            return Results.Content(
                "<!DOCTYPE html><html><head><title>Signing in</title></head><body onload=\"document.forms[0].submit()\">" +
                $"<form method=\"post\" action=\"{html.Encode(query["redirect_uri"])}\">" +
                $"<input type=\"hidden\" name=\"code\" value=\"{html.Encode(code)}\" />" +
                $"<input type=\"hidden\" name=\"state\" value=\"{html.Encode(state)}\" />" +
                "<noscript><button type=\"submit\">Continue</button></noscript></form></body></html>",
                "text/html; charset=utf-8");
        }

        return Results.Redirect(query["redirect_uri"] + QueryString.Create(new Dictionary<string, string?> { ["code"] = code, ["state"] = state }));
    }

    private string? AuthorizeProblem(Dictionary<string, string> query)
    {
        string Get(string name) => query.GetValueOrDefault(name) ?? string.Empty;
        if (Get("client_id") != ClientId)
        {
            return "authorize: unknown client_id";
        }

        if (!Uri.TryCreate(Get("redirect_uri"), UriKind.Absolute, out var redirect) || redirect.AbsolutePath != "/signin-oidc")
        {
            return "authorize: redirect_uri is not an absolute .../signin-oidc";
        }

        if (Get("response_type") != "code")
        {
            return $"authorize: response_type '{Get("response_type")}' (this provider only does the code flow)";
        }

        if (!Get("scope").Split(' ').Contains("openid"))
        {
            return "authorize: scope lacks openid";
        }

        if (Get("nonce").Length == 0)
        {
            return "authorize: no nonce";
        }

        return Get("code_challenge_method") == "S256" && Get("code_challenge").Length > 0 ? null : "authorize: no S256 PKCE challenge";
    }

    private async Task<IResult> TokenAsync(HttpRequest request)
    {
        var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
        string Get(string name) => form[name].ToString();
        var (clientId, clientSecret) = (Get("client_id"), Get("client_secret"));
        if (request.Headers.Authorization.ToString() is { Length: > 6 } basic && basic.StartsWith("Basic ", StringComparison.Ordinal))
        {
            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(basic[6..])).Split(':', 2);
            (clientId, clientSecret) = (Uri.UnescapeDataString(pair[0]), Uri.UnescapeDataString(pair[1]));
        }

        if (Get("grant_type") != "authorization_code")
        {
            return Refuse("token: grant_type is not authorization_code", "unsupported_grant_type");
        }

        if (clientId != ClientId || clientSecret != ClientSecret)
        {
            return Refuse("token: wrong client id or secret", "invalid_client");
        }

        if (!_codes.TryRemove(Get("code"), out var issued))
        {
            return Refuse("token: unknown or used code", "invalid_grant");
        }

        if (Get("redirect_uri") != issued.RedirectUri)
        {
            return Refuse("token: redirect_uri differs from the authorize request", "invalid_grant");
        }

        var challenge = Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(Get("code_verifier"))));
        if (challenge != issued.CodeChallenge)
        {
            return Refuse("token: PKCE code_verifier does not match", "invalid_grant");
        }

        Interlocked.Increment(ref _tokensIssued);
        var (accessToken, idToken) = (Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32)), IdToken(issued));
        _issued.Enqueue(accessToken);
        _issued.Enqueue(idToken);
        return Results.Json(new Dictionary<string, object>
        {
            ["token_type"] = "Bearer",
            ["scope"] = "openid profile",
            ["expires_in"] = 3600,
            ["access_token"] = accessToken,
            ["id_token"] = idToken,
        });
    }

    private IResult Logout(HttpRequest request)
    {
        Interlocked.Increment(ref _signOuts);
        var back = request.Query["post_logout_redirect_uri"].ToString();
        if (!Uri.TryCreate(back, UriKind.Absolute, out _))
        {
            return Results.Content("You have signed out.", "text/plain");
        }

        return Results.Redirect(back + QueryString.Create("state", request.Query["state"].ToString()));
    }

    private string IdToken(IssuedCode issued)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var account = issued.Account;
        var claims = new Dictionary<string, object>
        {
            ["ver"] = "2.0",
            ["iss"] = Issuer,
            ["aud"] = ClientId,
            ["sub"] = "sub-" + account.ObjectId,
            ["iat"] = now,
            ["nbf"] = now,
            ["exp"] = now + 3600,
            ["nonce"] = issued.Nonce,
            ["oid"] = account.ObjectId,
            ["tid"] = TenantId,
            ["name"] = account.Name,
            ["preferred_username"] = account.PreferredUserName,
        };
        if (account.Roles.Count > 0)
        {
            claims["roles"] = account.Roles;
        }

        return Sign(claims);
    }

    /// <summary>
    /// An access token for the portal's API as Entra v2.0 issues one to a program (audience the portal's client id unless
    /// <paramref name="audience"/> says otherwise): the account's oid, tid, preferred_username and app roles, and its groups.
    /// </summary>
    public string AccessToken(FakeAccount account, string? audience = null, TimeSpan? expiresIn = null, IReadOnlyList<string>? groups = null)
    {
        ArgumentNullException.ThrowIfNull(account);
        var now = DateTimeOffset.UtcNow;
        var expires = now + (expiresIn ?? TimeSpan.FromHours(1));
        var claims = new Dictionary<string, object>
        {
            ["ver"] = "2.0",
            ["iss"] = Issuer,
            ["aud"] = audience ?? ClientId,
            ["azp"] = Guid.NewGuid().ToString(),
            ["sub"] = "sub-" + account.ObjectId,
            ["iat"] = Math.Min(now.ToUnixTimeSeconds(), expires.ToUnixTimeSeconds() - 60),
            ["nbf"] = Math.Min(now.ToUnixTimeSeconds(), expires.ToUnixTimeSeconds() - 60),
            ["exp"] = expires.ToUnixTimeSeconds(),
            ["oid"] = account.ObjectId,
            ["tid"] = TenantId,
            ["name"] = account.Name,
            ["preferred_username"] = account.PreferredUserName,
            ["roles"] = account.Roles,
        };
        if (groups is { Count: > 0 })
        {
            claims["groups"] = groups;
        }

        return Sign(claims);
    }

    private string Sign(Dictionary<string, object> claims)
    {
        var header = new Dictionary<string, string> { ["alg"] = "RS256", ["kid"] = _keyId, ["typ"] = "JWT" };
        var signingInput = $"{Segment(header)}.{Segment(claims)}";
        var signature = _key.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return $"{signingInput}.{Base64Url.EncodeToString(signature)}";
    }

    private static string Segment<T>(T value) => Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(value, Json));

    private IResult Refuse(string reason, string error = "invalid_request")
    {
        _refusals.Enqueue(reason);
        return Results.Json(new { error, error_description = reason }, statusCode: StatusCodes.Status400BadRequest);
    }

    private sealed record IssuedCode(string RedirectUri, string Nonce, string CodeChallenge, FakeAccount Account);
}

/// <summary>An account of the fake provider: what its id_token says about the user.</summary>
public sealed record FakeAccount(string Name, string PreferredUserName, IReadOnlyList<string> Roles)
{
    public const string PortalUser = "Portal.User";
    public const string PortalAdmin = "Portal.Admin";

    public string ObjectId { get; init; } = Guid.NewGuid().ToString();
}
