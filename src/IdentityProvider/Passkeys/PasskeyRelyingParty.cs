using IdentityProvider.Settings;
using Microsoft.AspNetCore.Identity;

namespace IdentityProvider.Passkeys;

/// <summary>
/// Who the provider is to an authenticator: the relying party id is the issuer's host (<c>Server:Issuer</c>; without it,
/// the host the request came to), and a ceremony is accepted only from the issuer's own origin (scheme, host and port),
/// never from a frame of another origin.
/// </summary>
public static class PasskeyRelyingParty
{
    public static void Configure(IdentityPasskeyOptions options, ServerSettings server)
    {
        options.ServerDomain = server.Issuer?.Host;
        options.ValidateOrigin = context => ValueTask.FromResult(IsExpectedOrigin(context, server.Issuer));
        // Note: as a second step a security key without a PIN still proves possession; whether the user was verified
        // is kept on the passkey (IsUserVerified) for the passwordless sign-in to decide on.
        options.UserVerificationRequirement = "preferred";
    }

    public static bool IsExpectedOrigin(PasskeyOriginValidationContext context, Uri? issuer)
    {
        if (context.CrossOrigin || !Uri.TryCreate(context.Origin, UriKind.Absolute, out var origin) || origin.PathAndQuery != "/")
        {
            return false;
        }

        var request = context.HttpContext.Request;
        var expected = issuer?.GetLeftPart(UriPartial.Authority) ?? $"{request.Scheme}://{request.Host}";
        return string.Equals(origin.GetLeftPart(UriPartial.Authority), expected, StringComparison.OrdinalIgnoreCase);
    }
}
