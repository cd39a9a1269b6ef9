using IdentityProvider.PersonalAccessTokens;
using IdentityProvider.Settings;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace IdentityProvider.Hosting;

/// <summary>Turns a configured client into OpenIddict's application descriptor with exactly the permissions it needs.</summary>
public static class ClientDescriptors
{
    public static OpenIddictApplicationDescriptor Create(SeedClient client)
    {
        var isPublic = client.ClientSecret is null;
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = client.ClientId,
            ClientSecret = client.ClientSecret,
            ClientType = isPublic ? ClientTypes.Public : ClientTypes.Confidential,
            ConsentType = client.ConsentType == "explicit" ? ConsentTypes.Explicit : ConsentTypes.Implicit,
            DisplayName = client.DisplayName,
        };
        descriptor.RedirectUris.UnionWith(client.RedirectUris);
        descriptor.PostLogoutRedirectUris.UnionWith(client.PostLogoutRedirectUris);

        var permissions = descriptor.Permissions;
        permissions.Add(Permissions.Endpoints.Token);
        permissions.Add(Permissions.Endpoints.Revocation);
        if (!isPublic)
        {
            permissions.Add(Permissions.Endpoints.Introspection);
        }

        foreach (var grantType in client.GrantTypes)
        {
            switch (grantType)
            {
                case "authorization_code":
                    permissions.UnionWith([Permissions.Endpoints.Authorization, Permissions.Endpoints.EndSession,
                        Permissions.GrantTypes.AuthorizationCode, Permissions.ResponseTypes.Code]);
                    break;
                case "refresh_token":
                    permissions.Add(Permissions.GrantTypes.RefreshToken);
                    break;
                case "client_credentials":
                    permissions.Add(Permissions.GrantTypes.ClientCredentials);
                    break;
                case SeedSettings.PersonalAccessTokenGrant:
                    permissions.Add(Permissions.Prefixes.GrantType + PersonalAccessTokenProtocol.GrantType);
                    break;
            }
        }

        permissions.UnionWith(client.Scopes.Where(scope => scope != Scopes.OpenId).Select(scope => Permissions.Prefixes.Scope + scope));

        // Note: PKCE (S256) is required of public clients; confidential clients may still send it.
        if (isPublic && client.GrantTypes.Contains("authorization_code"))
        {
            descriptor.Requirements.Add(Requirements.Features.ProofKeyForCodeExchange);
        }

        return descriptor;
    }
}
