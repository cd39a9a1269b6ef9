using IdentityProvider.Changes;
using IdentityProvider.Clients;
using IdentityProvider.Connect;
using IdentityProvider.Data;
using IdentityProvider.PersonalAccessTokens;
using IdentityProvider.Settings;
using OpenIddict.Abstractions;
using OpenIddict.EntityFrameworkCore.Models;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace IdentityProvider.Hosting;

public static class OpenIddictSetup
{
    /// <summary>The OpenID Connect server: standard endpoints, code flow with PKCE, signed JWT access tokens.</summary>
    public static IServiceCollection AddOpenIddictServer(this IServiceCollection services, ProviderSettings settings)
    {
        services.AddOpenIddict()
            .AddCore(options => options.UseEntityFrameworkCore().UseDbContext<ApplicationDbContext>())
            .AddServer(options =>
            {
                if (settings.Server.Issuer is { } issuer)
                {
                    options.SetIssuer(issuer);
                }

                options.SetConfigurationEndpointUris(ConnectPaths.Discovery)
                    .SetJsonWebKeySetEndpointUris(ConnectPaths.Jwks)
                    .SetAuthorizationEndpointUris(ConnectPaths.Authorize)
                    .SetTokenEndpointUris(ConnectPaths.Token)
                    .SetUserInfoEndpointUris(ConnectPaths.UserInfo)
                    .SetEndSessionEndpointUris(ConnectPaths.EndSession)
                    .SetIntrospectionEndpointUris(ConnectPaths.Introspect)
                    .SetRevocationEndpointUris(ConnectPaths.Revoke);

                // Code flow only: no implicit, hybrid or password grant (README: Protocol).
                options.AllowAuthorizationCodeFlow()
                    .AllowRefreshTokenFlow()
                    .AllowClientCredentialsFlow()
                    // Scripts trade a personal access token for a short-lived access token (README: Personal access tokens).
                    .AllowCustomFlow(PersonalAccessTokenProtocol.GrantType);

                // Note: S256 only; "plain" PKCE protects nothing against a stolen authorization request.
                options.Configure(server => server.CodeChallengeMethods.Remove(CodeChallengeMethods.Plain));

                // Discovery's scopes_supported and claims_supported: what the provider serves (README: Protocol); never address.
                options.RegisterScopes([.. StandardScopes.All]);
                options.RegisterClaims([.. ClaimsFactory.SupportedClaims]);

                // Note: RFC 9068 access tokens: signed JWTs that any resource server checks against the JWKS.
                options.DisableAccessTokenEncryption();
                options.SetAccessTokenLifetime(TimeSpan.FromMinutes(settings.Tokens.AccessTokenLifetimeMinutes));

                // Note: a spent refresh token is refused at once (OpenIddict allows 30 s by default), so a stolen
                // one that is replayed is detected and its whole chain is revoked.
                options.SetRefreshTokenReuseLeeway(TimeSpan.Zero);

                options.AddEventHandler(ReturnErrorsToClient.Descriptor);
                options.AddEventHandler(RegisteredScopesInDiscovery.Descriptor);
                options.AddEventHandler(RefuseUnverifiedIdTokenHint.Descriptor);
                options.AddEventHandler(MetadataInDiscovery.Descriptor);
                options.AddEventHandler(ActorInIntrospection.Descriptor);
                foreach (var handler in ClaimsParameter.Handlers)
                {
                    options.AddEventHandler(handler);
                }

                foreach (var handler in ExchangedAccessTokens.Handlers)
                {
                    options.AddEventHandler(handler);
                }

                var aspNetCore = options.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough()
                    .EnableUserInfoEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough()
                    // Errors the RP must not be redirected with (unknown client, bad redirect_uri)
                    // are rendered by the provider's own error page.
                    .EnableStatusCodePagesIntegration();
                if (!settings.Server.RequireHttps)
                {
                    aspNetCore.DisableTransportSecurityRequirement();
                }
            })
            // The admin API takes this provider's own access tokens, checked in process (keys, lifetime, audience-free
            // JWTs) and against their authorization, so revoking a personal access token stops its tokens at once.
            .AddValidation(options =>
            {
                options.UseLocalServer();
                // Warning: the Authorization header only. A token in the query string (or a form body) ends up in
                // proxy and server logs, browser history and Referer headers, so it is never taken as a credential.
                options.UseAspNetCore()
                    .DisableAccessTokenExtractionFromQueryString()
                    .DisableAccessTokenExtractionFromBodyForm();
                options.EnableAuthorizationEntryValidation();
            });

        // Replaces OpenIddict's per-request cache of clients (a closed type wins over its open generic).
        services.AddSingleton<ClientCacheEntries>()
            .AddScoped<IOpenIddictApplicationCache<OpenIddictEntityFrameworkCoreApplication>, ClientCache>()
            .AddSingleton<IChangeListener, ClientCacheOnClientChange>();
        services.AddSingleton<SigningKeys>();
        services.AddOptions<OpenIddictServerOptions>()
            .Configure<SigningKeys>((options, keys) => keys.Apply(options));
        return services;
    }
}
