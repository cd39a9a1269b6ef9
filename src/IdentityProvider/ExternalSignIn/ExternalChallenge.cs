using IdentityProvider.Auditing;
using IdentityProvider.Settings;
using Microsoft.AspNetCore.Authentication;
using OpenIddict.Client;
using OpenIddict.Client.AspNetCore;

namespace IdentityProvider.ExternalSignIn;

/// <summary>Sends the browser to an upstream provider (OpenIddict's client builds the request: PKCE, state, nonce).</summary>
public sealed class ExternalChallenge(IHttpContextAccessor httpContextAccessor, OpenIddictClientService client, SecurityLog securityLog, ILogger<ExternalChallenge> logger)
{
    /// <summary>
    /// Starts the round trip; false when the upstream cannot be reached (its discovery document is missing or bad),
    /// in which case nothing was sent and the page shows a message.
    /// </summary>
    /// <param name="returnUrl">A local URL to come back to (the relying party's authorization request).</param>
    /// <param name="linkTo">Link the upstream account to this signed-in user instead of signing in.</param>
    public async Task<bool> StartAsync(ExternalProvider provider, string returnUrl, bool fresh, string? linkTo = null)
    {
        var properties = new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictClientAspNetCoreConstants.Properties.ProviderName] = provider.Id,
            [ExternalSignInEndpoint.FreshProperty] = fresh ? "true" : "false",
        })
        {
            RedirectUri = returnUrl,
        };
        if (linkTo is not null)
        {
            properties.Items[ExternalSignInEndpoint.LinkToProperty] = linkTo;
        }

        var http = httpContextAccessor.HttpContext ?? throw new InvalidOperationException("No HTTP request.");
        try
        {
            // Note: the upstream's discovery document first (kept by OpenIddict once read), so a dead upstream gets a
            // message on the page instead of OpenIddict's plain-text error answer.
            var registration = await client.GetClientRegistrationByProviderNameAsync(provider.Id, http.RequestAborted);
            await registration.ConfigurationManager!.GetConfigurationAsync(http.RequestAborted);
            await http.ChallengeAsync(OpenIddictClientAspNetCoreDefaults.AuthenticationScheme, properties);
            return true;
        }
        catch (Exception error) when (error is HttpRequestException or InvalidOperationException or OpenIddict.Abstractions.OpenIddictExceptions.ProtocolException)
        {
            // Note: the upstream is down or misconfigured; one warning line, the user gets a message, never a 500.
            logger.LogWarning("The external provider {Provider} could not be reached: {Error}", provider.Id, error.Message);
            await securityLog.WriteAsync(SecurityEventKinds.ExternalSignInFailed, null, $"{provider.Name}: unreachable");
            return false;
        }
    }
}
