using IdentityProvider.Testing.Pages;

namespace IdentityProvider.Testing.Stories;

/// <summary>A person signing in at the provider under test with their account at an upstream provider.</summary>
public static class ExternalSignInStories
{
    /// <summary>
    /// From the sign-in page (with the relying party's request, or none): "Sign in with {providerName}", the password
    /// at the upstream, and back to the provider under test. Where that leads (the OTP step, the relying party, the
    /// link page, the sign-in page with a message).
    /// </summary>
    public static async Task<ProviderPage> SignInThroughUpstreamAsync(
        ProviderClient client, UpstreamProvider upstream, string providerName, TestUser upstreamUser, AuthorizationRequest? request = null)
    {
        var login = request is null ? await LoginPage.OpenAsync(client) : await LoginPage.OpenAsync(client, request);
        var callback = await SignInAtUpstreamAsync(upstream, await login.SignInWithAsync(providerName), upstreamUser);
        return await client.GetAsync(callback.PathAndQuery);
    }

    /// <summary>
    /// Follows the redirect to the upstream, signs in there with the password and returns where the upstream sends the
    /// browser back (the callback of the provider under test, with the code and the state).
    /// </summary>
    public static async Task<Uri> SignInAtUpstreamAsync(UpstreamProvider upstream, ProviderPage toUpstream, TestUser upstreamUser)
    {
        var authorize = toUpstream.ExternalRedirect
            ?? throw new Xunit.Sdk.XunitException($"Expected a redirect to the upstream, but ended on {toUpstream.Uri}: {toUpstream.Text.Trim()}");
        using var browser = upstream.CreateBrowser(new Uri(authorize.GetLeftPart(UriPartial.Authority)));
        var upstreamLogin = await browser.GetAsync(authorize.PathAndQuery).As<LoginPage>();
        var back = await upstreamLogin.SignInAsync(upstreamUser.Email, upstreamUser.Password);
        return back.ExternalRedirect
            ?? throw new Xunit.Sdk.XunitException($"The upstream did not send the browser back: {back.Uri} {back.Text.Trim()}");
    }
}
