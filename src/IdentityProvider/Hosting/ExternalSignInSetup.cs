using IdentityProvider.Settings;
using OpenIddict.Abstractions;
using OpenIddict.Client;

namespace IdentityProvider.Hosting;

public static class ExternalSignInSetup
{
    /// <summary>
    /// OpenIddict's client for the configured upstream providers (ExternalSignIn registers its own services):
    /// authorization code with PKCE, state and nonce, discovery and token validation. Nothing without providers.
    /// </summary>
    public static IServiceCollection AddExternalSignInClient(this IServiceCollection services, ProviderSettings settings)
    {
        if (settings.ExternalProviders.Length == 0)
        {
            return services;
        }

        services.AddOpenIddict().AddClient(options =>
        {
            options.AllowAuthorizationCodeFlow();
            var aspNetCore = options.UseAspNetCore()
                .EnableRedirectionEndpointPassthrough()
                // Errors (a denial, a bad state) reach the callback, which answers with the sign-in page and a message.
                .EnableErrorPassthrough();
            if (!settings.Server.RequireHttps)
            {
                // Note: without TLS (development, tests) the state cookie cannot be SameSite=None (that needs Secure);
                // Lax still comes back on the upstream's top-level GET redirect (the query response mode).
                aspNetCore.DisableTransportSecurityRequirement()
                    .Configure(client =>
                    {
                        client.CookieBuilder.SameSite = SameSiteMode.Lax;
                        client.CookieBuilder.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                    });
            }

            options.UseSystemNetHttp().SetProductInformation(typeof(ExternalSignInSetup).Assembly);
            foreach (var provider in settings.ExternalProviders)
            {
                if (provider.Authority is { } authority)
                {
                    options.AddRegistration(Registration(provider, authority));
                }
                else
                {
                    AddNamedProvider(options.UseWebProviders(), provider);
                }
            }
        });
        services.AddOptions<OpenIddictClientOptions>().Configure<SigningKeys>((options, keys) => keys.Apply(options));
        return services;
    }

    private static OpenIddictClientRegistration Registration(ExternalProvider provider, Uri authority)
    {
        var registration = new OpenIddictClientRegistration
        {
            Issuer = authority,
            ProviderName = provider.Id,
            ProviderDisplayName = provider.Name,
            ClientId = provider.ClientId,
            ClientSecret = provider.ClientSecret,
            RedirectUri = CallbackUri(provider),
        };
        foreach (var scope in ScopesOf(provider))
        {
            registration.Scopes.Add(scope);
        }

        return registration;
    }

    private static void AddNamedProvider(OpenIddictClientWebIntegrationBuilder web, ExternalProvider provider)
    {
        // Note: each integration has a builder of its own type; the same five settings go to each.
        switch (provider.Provider)
        {
            case "GitHub":
                web.AddGitHub(github => github.SetProviderName(provider.Id).SetProviderDisplayName(provider.Name).SetClientId(provider.ClientId)
                    .SetClientSecret(provider.ClientSecret!).SetRedirectUri(CallbackUri(provider)).AddScopes(provider.Scopes));
                break;
            case "Google":
                web.AddGoogle(google => google.SetProviderName(provider.Id).SetProviderDisplayName(provider.Name).SetClientId(provider.ClientId)
                    .SetClientSecret(provider.ClientSecret!).SetRedirectUri(CallbackUri(provider)).AddScopes(ScopesOf(provider)));
                break;
            case "Microsoft":
                web.AddMicrosoft(microsoft => microsoft.SetProviderName(provider.Id).SetProviderDisplayName(provider.Name).SetClientId(provider.ClientId)
                    .SetClientSecret(provider.ClientSecret!).SetRedirectUri(CallbackUri(provider)).AddScopes(ScopesOf(provider)));
                break;
            case "Yandex":
                web.AddYandex(yandex => yandex.SetProviderName(provider.Id).SetProviderDisplayName(provider.Name).SetClientId(provider.ClientId)
                    .SetClientSecret(provider.ClientSecret!).SetRedirectUri(CallbackUri(provider)).AddScopes(provider.Scopes));
                break;
            case "VkId":
                web.AddVkId(vk => vk.SetProviderName(provider.Id).SetProviderDisplayName(provider.Name).SetClientId(provider.ClientId)
                    .SetRedirectUri(CallbackUri(provider)).AddScopes(provider.Scopes));
                break;
            default:
                throw new InvalidConfigurationException("ExternalProviders", $"names the provider '{provider.Provider}', which is not wired up.");
        }
    }

    /// <summary>Relative, so it follows the issuer the provider runs under: <c>{issuer}/signin/{Id}/callback</c>.</summary>
    private static Uri CallbackUri(ExternalProvider provider) => new(provider.CallbackPath.TrimStart('/'), UriKind.Relative);

    /// <summary>The configured scopes, or e-mail and profile (the upstream's claims name and address the user).</summary>
    private static string[] ScopesOf(ExternalProvider provider) => provider.Scopes.Length > 0 ? provider.Scopes : [OpenIddictConstants.Scopes.Email, OpenIddictConstants.Scopes.Profile];
}
