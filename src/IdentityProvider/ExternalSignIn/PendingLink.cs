using System.Text.Json;
using IdentityProvider.Settings;
using Microsoft.AspNetCore.DataProtection;

namespace IdentityProvider.ExternalSignIn;

/// <summary>
/// An upstream account waiting for the password of the local account with the same e-mail address, kept for ten
/// minutes in an encrypted cookie of this browser (nothing is linked until the password is right).
/// </summary>
public sealed class PendingLink(IHttpContextAccessor httpContextAccessor, IDataProtectionProvider dataProtection, ProviderSettings settings)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    private const string CookieName = "idp.external-link";

    private readonly ITimeLimitedDataProtector protector =
        dataProtection.CreateProtector("IdentityProvider.ExternalSignIn.PendingLink").ToTimeLimitedDataProtector();

    private HttpContext Http => httpContextAccessor.HttpContext ?? throw new InvalidOperationException("No HTTP request.");

    /// <param name="userId">The local account whose password links the two.</param>
    /// <param name="returnUrl">Where the sign-in goes on afterwards (the relying party's authorization request).</param>
    public void Start(ExternalIdentity identity, string userId, string? returnUrl, bool fresh)
    {
        var state = new State(identity.Provider.Id, identity.Issuer, identity.Subject, identity.Email, identity.Name, userId, returnUrl, fresh);
        Http.Response.Cookies.Append(CookieName, protector.Protect(JsonSerializer.Serialize(state), Lifetime), new CookieOptions
        {
            HttpOnly = true,
            Secure = settings.Server.RequireHttps || Http.Request.IsHttps,
            SameSite = SameSiteMode.Lax,
            MaxAge = Lifetime,
            Path = "/",
        });
    }

    /// <summary>The account waiting, or null when there is none, it expired or the provider is no longer configured.</summary>
    public (ExternalIdentity Identity, string UserId, string? ReturnUrl, bool Fresh)? Read()
    {
        if (Http.Request.Cookies[CookieName] is not { } cookie)
        {
            return null;
        }

        State? state;
        try
        {
            state = JsonSerializer.Deserialize<State>(protector.Unprotect(cookie));
        }
        catch (Exception error) when (error is System.Security.Cryptography.CryptographicException or JsonException)
        {
            return null;
        }

        var provider = settings.ExternalProviders.FirstOrDefault(candidate => candidate.Id == state?.ProviderId);
        return state is null || provider is null
            ? null
            : (new ExternalIdentity(provider, state.Issuer, state.Subject, state.Email, state.Name), state.UserId, state.ReturnUrl, state.Fresh);
    }

    public void End() => Http.Response.Cookies.Delete(CookieName, new CookieOptions { Path = "/" });

    private sealed record State(string ProviderId, string Issuer, string Subject, string? Email, string? Name, string UserId, string? ReturnUrl, bool Fresh);
}
