using System.Security.Cryptography;
using Microsoft.AspNetCore.WebUtilities;

namespace IdentityProvider.Passkeys;

/// <summary>
/// Binds a passwordless ceremony to the browser that began it: a random value in a short-lived, HttpOnly, same-site
/// cookie, named in the ceremony's state. An answer and state carried to another browser (a relay, a replay) lack it.
/// </summary>
public static class PasskeyBrowserBinding
{
    private const string CookieName = "idp.passkey";

    /// <summary>A new value for this browser's next ceremony (replacing any earlier one).</summary>
    public static string Issue(HttpContext context)
    {
        var value = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(16));
        context.Response.Cookies.Append(CookieName, value, new CookieOptions
        {
            HttpOnly = true,
            Secure = context.Request.IsHttps,
            SameSite = SameSiteMode.Strict,
            MaxAge = PasskeyCeremonyState.Lifetime,
            Path = "/",
            IsEssential = true,
        });
        return value;
    }

    /// <summary>The value this browser holds; null when none.</summary>
    public static string? Read(HttpContext context) =>
        context.Request.Cookies.TryGetValue(CookieName, out var value) && value is { Length: > 0 and <= 64 } ? value : null;
}
