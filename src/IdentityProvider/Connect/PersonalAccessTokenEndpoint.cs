using System.Text.Json;
using System.Text.Json.Serialization;
using IdentityProvider.PersonalAccessTokens;
using IdentityProvider.Settings;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;
using Application = OpenIddict.EntityFrameworkCore.Models.OpenIddictEntityFrameworkCoreApplication;

namespace IdentityProvider.Connect;

/// <summary>
/// The personal access token grant answered ahead of OpenIddict's token pipeline, for the one form scripts send
/// again and again: <c>grant_type</c>, <c>token</c> and <c>client_id</c>, nothing else, from a public client
/// allowed the token endpoint and the grant. Any other request (a scope asked for, client credentials, an
/// unknown client, a missing permission) goes on to OpenIddict unchanged, which validates and answers it.
/// </summary>
/// <remarks>
/// Why: OpenIddict resolves and runs dozens of handlers per token request; on the profile of an ES256
/// exchange they, their resolution and the garbage they leave were about 40% of the CPU. What this skips is
/// only what the plain form does not need; what the grant's security relies on stays: the client and its
/// permissions (from the per-instance client cache), the token looked up on every exchange (so revocation is
/// immediate), the user's state, the scopes, the security log, and the same signed JWT (<see cref="AccessTokenWriter"/>).
/// </remarks>
public sealed partial class PersonalAccessTokenEndpoint(RequestDelegate next, ProviderSettings settings, ClientCacheEntries clients, AccessTokenWriter writer)
{
    private static readonly string[] PlainForm = [Parameters.GrantType, PersonalAccessTokenProtocol.TokenParameter, Parameters.ClientId];

    /// <summary>Whether the request is the plain exchange; only those reach this middleware (and resolve its services).</summary>
    public static bool IsPlainExchange(HttpContext context)
    {
        var request = context.Request;
        return HttpMethods.IsPost(request.Method)
            && request.Path.Equals(ConnectPaths.Token, StringComparison.OrdinalIgnoreCase)
            // Read and checked by the guard already: Form does no I/O here.
            && request.HasFormContentType
            && string.Equals(request.ContentType?.Split(';')[0].Trim(), "application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase)
            && request.Headers.Authorization.Count == 0
            && request.Form.Count == PlainForm.Length
            // Note: the form's keys ignore case, OAuth's parameter names do not: "Client_Id" goes on to OpenIddict.
            && request.Form.All(parameter => PlainForm.Contains(parameter.Key, StringComparer.Ordinal) && parameter.Value.Count == 1)
            && request.Form[Parameters.GrantType] == PersonalAccessTokenProtocol.GrantType;
    }

    public async Task InvokeAsync(HttpContext context, IOpenIddictApplicationManager applications, PersonalAccessTokenGrant grant)
    {
        if (settings.Server.RequireHttps && !context.Request.IsHttps)
        {
            await next(context);
            return;
        }

        var clientId = context.Request.Form[Parameters.ClientId].ToString();
        // Read only, so the cached entry itself will do; the manager (which loads and caches it) on a miss.
        var application = clients.TryGetByClientId(clientId)
            ?? (Application?)await applications.FindByClientIdAsync(clientId, context.RequestAborted);
        var permissions = application is null ? [] : await applications.GetPermissionsAsync(application, context.RequestAborted);
        if (application is null
            || !await applications.HasClientTypeAsync(application, ClientTypes.Public, context.RequestAborted)
            || !permissions.Contains(Permissions.Endpoints.Token)
            || !permissions.Contains(Permissions.Prefixes.GrantType + PersonalAccessTokenProtocol.GrantType))
        {
            await next(context);
            return;
        }

        var exchange = await grant.ExchangeAsync(
            context.Request.Form[PersonalAccessTokenProtocol.TokenParameter], clientId, [], permissions, context.RequestAborted);

        // As OpenIddict answers the token endpoint: never cached.
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers.Pragma = "no-cache";
        if (exchange.Access is not { } access)
        {
            await WriteJsonAsync(context, StatusCodes.Status400BadRequest,
                JsonSerializer.SerializeToUtf8Bytes(new ErrorResponse(exchange.Error!, exchange.ErrorDescription!), Json.Default.ErrorResponse));
            return;
        }

        var request = context.Request;
        var (token, expiresIn) = writer.Write(access, clientId, new Uri($"{request.Scheme}://{request.Host}{request.PathBase}/", UriKind.Absolute));
        var answer = new TokenResponse(token, TokenTypes.Bearer, expiresIn, access.Scope);
        await WriteJsonAsync(context, StatusCodes.Status200OK, JsonSerializer.SerializeToUtf8Bytes(answer, Json.Default.TokenResponse));
    }

    /// <summary>
    /// The whole answer in one write with its length: one send on the socket. (Serialized to the response stream, it
    /// goes out chunked, and the closing chunk costs a second send: on the profile, sends were a third of the CPU.)
    /// </summary>
    private static Task WriteJsonAsync(HttpContext context, int status, byte[] json)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json;charset=UTF-8";
        context.Response.ContentLength = json.Length;
        return context.Response.Body.WriteAsync(json, context.RequestAborted).AsTask();
    }

    /// <summary>Serializers generated at build time: a fresh instance's first answers emit no serialization code.</summary>
    [JsonSerializable(typeof(TokenResponse))]
    [JsonSerializable(typeof(ErrorResponse))]
    private sealed partial class Json : JsonSerializerContext;

    private sealed record TokenResponse(
        [property: JsonPropertyName(Parameters.AccessToken)] string AccessToken,
        [property: JsonPropertyName(Parameters.TokenType)] string TokenType,
        [property: JsonPropertyName(Parameters.ExpiresIn)] long ExpiresIn,
        [property: JsonPropertyName(Parameters.Scope), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Scope);

    private sealed record ErrorResponse(
        [property: JsonPropertyName(Parameters.Error)] string Error,
        [property: JsonPropertyName(Parameters.ErrorDescription)] string ErrorDescription);
}

public static class PersonalAccessTokenEndpointSetup
{
    /// <summary>
    /// After the rate limiter and the protocol request guard, which has read and checked the form. Only the plain
    /// exchange enters the branch, so no other request resolves the endpoint's services.
    /// </summary>
    public static IApplicationBuilder UsePersonalAccessTokenEndpoint(this IApplicationBuilder app) =>
        app.UseWhen(PersonalAccessTokenEndpoint.IsPlainExchange, branch => branch.UseMiddleware<PersonalAccessTokenEndpoint>());
}
