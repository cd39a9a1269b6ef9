using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace IdentityProvider.Clients;

/// <summary>
/// A <see cref="ClientRegistration"/> as OpenIddict's application descriptor, with exactly the permissions it
/// needs, and back (for the admin pages and API).
/// </summary>
public static class ClientDescriptors
{
    /// <summary>A new descriptor; <paramref name="secret"/> is the plain secret of a confidential client (OpenIddict hashes it).</summary>
    public static OpenIddictApplicationDescriptor Create(ClientRegistration client, string? secret)
    {
        var descriptor = new OpenIddictApplicationDescriptor { ClientSecret = client.IsConfidential ? secret : null };
        Apply(client, descriptor);
        return descriptor;
    }

    /// <summary>
    /// Writes the registration over <paramref name="descriptor"/> (read from a stored client), leaving its secret, its
    /// properties and every setting but <see cref="ClientRegistration.RefusesImpersonationSetting"/> alone.
    /// </summary>
    public static void Apply(ClientRegistration client, OpenIddictApplicationDescriptor descriptor)
    {
        descriptor.ClientId = client.ClientId;
        descriptor.ClientType = client.IsConfidential ? ClientTypes.Confidential : ClientTypes.Public;
        descriptor.ConsentType = client.ConsentType == ClientRegistration.Explicit ? ConsentTypes.Explicit : ConsentTypes.Implicit;
        descriptor.DisplayName = client.DisplayName;
        descriptor.RedirectUris.Clear();
        descriptor.RedirectUris.UnionWith(client.RedirectUris.Select(uri => new Uri(uri, UriKind.Absolute)));
        descriptor.PostLogoutRedirectUris.Clear();
        descriptor.PostLogoutRedirectUris.UnionWith(client.PostLogoutRedirectUris.Select(uri => new Uri(uri, UriKind.Absolute)));

        var permissions = descriptor.Permissions;
        permissions.Clear();
        permissions.Add(Permissions.Endpoints.Token);
        permissions.Add(Permissions.Endpoints.Revocation);
        if (client.IsConfidential)
        {
            permissions.Add(Permissions.Endpoints.Introspection);
        }

        foreach (var grantType in client.GrantTypes)
        {
            if (grantType == ClientGrantTypes.AuthorizationCode)
            {
                permissions.UnionWith([Permissions.Endpoints.Authorization, Permissions.Endpoints.EndSession, Permissions.ResponseTypes.Code]);
            }

            permissions.Add(Permissions.Prefixes.GrantType + grantType);
        }

        permissions.UnionWith(client.Scopes.Select(scope => Permissions.Prefixes.Scope + scope));

        // Note: PKCE (S256) is required of public clients; confidential clients may still send it.
        descriptor.Requirements.Clear();
        if (!client.IsConfidential && client.GrantTypes.Contains(ClientGrantTypes.AuthorizationCode))
        {
            descriptor.Requirements.Add(Requirements.Features.ProofKeyForCodeExchange);
        }

        if (client.RefusesImpersonation)
        {
            descriptor.Settings[ClientRegistration.RefusesImpersonationSetting] = "true";
        }
        else
        {
            descriptor.Settings.Remove(ClientRegistration.RefusesImpersonationSetting);
        }
    }

    /// <summary>The registration a stored client's descriptor describes (for display and edit).</summary>
    public static ClientRegistration ToRegistration(OpenIddictApplicationDescriptor descriptor)
    {
        var permissions = descriptor.Permissions;
        return new ClientRegistration(
            descriptor.ClientId ?? "",
            descriptor.DisplayName ?? descriptor.ClientId ?? "",
            descriptor.ClientType == ClientTypes.Confidential ? ClientRegistration.Confidential : ClientRegistration.Public,
            [.. descriptor.RedirectUris.Select(uri => uri.OriginalString).Order(StringComparer.Ordinal)],
            [.. descriptor.PostLogoutRedirectUris.Select(uri => uri.OriginalString).Order(StringComparer.Ordinal)],
            [.. ClientGrantTypes.All.Where(grantType => permissions.Contains(Permissions.Prefixes.GrantType + grantType))],
            [.. Suffixes(permissions, Permissions.Prefixes.Scope).Order(StringComparer.Ordinal)],
            descriptor.ConsentType == ConsentTypes.Explicit ? ClientRegistration.Explicit : ClientRegistration.Implicit,
            RefusesImpersonation(descriptor.Settings));
    }

    /// <summary>
    /// Whether a client's settings (the descriptor's, or <c>GetSettingsAsync</c>'s) say it refuses sessions an administrator
    /// opened as the user: <see cref="ClientRegistration.RefusesImpersonationSetting"/> is "true".
    /// </summary>
    public static bool RefusesImpersonation(IReadOnlyDictionary<string, string> settings) =>
        settings.TryGetValue(ClientRegistration.RefusesImpersonationSetting, out var value) && bool.TryParse(value, out var refuses) && refuses;

    private static IEnumerable<string> Suffixes(IEnumerable<string> permissions, string prefix) =>
        permissions.Where(permission => permission.StartsWith(prefix, StringComparison.Ordinal)).Select(permission => permission[prefix.Length..]);
}
