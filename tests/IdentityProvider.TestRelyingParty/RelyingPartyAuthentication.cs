using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace IdentityProvider.TestRelyingParty;

internal static class RelyingPartyAuthentication
{
    /// <summary>Cookie session plus the stock OpenID Connect handler, configured the way a typical RP would be.</summary>
    public static IServiceCollection AddRelyingPartyAuthentication(this IServiceCollection services, RelyingPartyOptions rp)
    {
        // Note: browsers scope cookies by host, not port, so every RP (and the provider) on 127.0.0.1
        // sees the same jar; a per-port name keeps two RPs in one test from overwriting each other's session.
        var cookieName = $".TestRp.{rp.BaseAddress.Port}";

        services.AddAuthentication(options =>
            {
                options.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                options.DefaultChallengeScheme = OpenIdConnectDefaults.AuthenticationScheme;
            })
            .AddCookie(options => options.Cookie.Name = cookieName)
            .AddOpenIdConnect(options =>
            {
                options.Authority = rp.Authority.ToString();
                options.ClientId = rp.ClientId;
                options.ClientSecret = rp.ClientSecret;
                options.ResponseType = OpenIdConnectResponseType.Code;
                // Query (the OAuth default for code) rather than the handler's form_post: the callback is a
                // top-level GET, so SameSite=Lax correlation cookies survive and HttpClient tests just follow redirects.
                options.ResponseMode = OpenIdConnectResponseMode.Query;
                options.UsePkce = rp.UsePkce;
                options.SaveTokens = true;
                options.GetClaimsFromUserInfoEndpoint = false;
                options.RequireHttpsMetadata = false; // Warning: tests only; the provider runs on plain http loopback.
                options.MapInboundClaims = false; // Keep amr, acr, sub under their JWT names.
                options.TokenValidationParameters.NameClaimType = "name";
                options.TokenValidationParameters.RoleClaimType = "role";
                options.SignedOutRedirectUri = "/signed-out";
                options.CallbackPath = RelyingPartyHost.RedirectPath;
                options.SignedOutCallbackPath = RelyingPartyHost.PostLogoutPath;

                // The handler drops acr, iss, aud, ... by default; tests assert on acr, so keep the id_token as issued.
                options.ClaimActions.Clear();

                options.Scope.Clear();
                foreach (var scope in rp.Scopes)
                {
                    options.Scope.Add(scope);
                }

                // Note: the handler marks correlation and nonce cookies Secure + SameSite=None, which neither
                // browsers nor CookieContainer send back over http; loopback tests need them to round-trip.
                options.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.CorrelationCookie.SameSite = SameSiteMode.Lax;
                options.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.NonceCookie.SameSite = SameSiteMode.Lax;

                options.Events.OnRedirectToIdentityProvider = context =>
                {
                    if ((context.Properties.Items.TryGetValue(RelyingPartyHost.AcrValuesItem, out var asked) ? asked : rp.AcrValues) is { } acrValues)
                    {
                        context.ProtocolMessage.AcrValues = acrValues;
                    }

                    return Task.CompletedTask;
                };

                // error=access_denied, a bad state or a failed code exchange would otherwise surface as a 500.
                options.Events.OnRemoteFailure = context =>
                {
                    var message = context.Failure?.Message ?? "Unknown error";
                    context.Response.Redirect("/error?message=" + Uri.EscapeDataString(message));
                    context.HandleResponse();
                    return Task.CompletedTask;
                };
            });

        return services;
    }
}
