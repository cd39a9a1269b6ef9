using System.Security.Claims;
using IdentityProvider.Settings;
using IdentityProvider.Text;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace IdentityProvider.ExternalSignIn;

/// <summary>Who the upstream says the person is: its issuer and subject name them; e-mail and name are what it tells of them.</summary>
public sealed record ExternalIdentity(ExternalProvider Provider, string Issuer, string Subject, string? Email, string? Name)
{
    /// <summary>
    /// Reads the principal OpenIddict's client built from the upstream's validated tokens and userinfo; null when it
    /// carries no subject. Note: OpenIddict maps each web integration's own claims to the standard ClaimTypes too.
    /// </summary>
    public static ExternalIdentity? From(ExternalProvider provider, string issuer, ClaimsPrincipal principal)
    {
        // Warning: values from outside: one with control or invisible characters (a NUL that PostgreSQL refuses, a
        // right-to-left override) or absurdly long is ignored, as if the upstream had not sent it.
        string? First(params string[] types) =>
            types.Select(type => principal.FindFirst(type)?.Value?.Trim())
                .FirstOrDefault(value => value is { Length: > 0 and <= 255 } && !DisplayText.HasHiddenCharacters(value));

        var subject = First(Claims.Subject, ClaimTypes.NameIdentifier);
        return subject is null
            ? null
            : new ExternalIdentity(provider, issuer, subject, First(Claims.Email, ClaimTypes.Email), First(Claims.Name, ClaimTypes.Name, Claims.PreferredUsername));
    }
}
