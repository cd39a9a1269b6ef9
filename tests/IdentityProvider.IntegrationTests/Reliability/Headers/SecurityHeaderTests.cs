using System.Net;
using IdentityProvider.IntegrationTests.Reliability.HostileInput;
using IdentityProvider.Testing;
using IdentityProvider.Testing.Pages;
using IdentityProvider.Testing.Pages.Admin;
using IdentityProvider.Testing.Stories;

namespace IdentityProvider.IntegrationTests.Reliability.Headers;

/// <summary>
/// The security headers, asserted page by page: every page of <see cref="PageCatalog"/> (anonymous, the account pages
/// signed in, the admin pages as an administrator) and discovery carry a CSP with <c>frame-ancestors 'none'</c>,
/// <c>nosniff</c> and a Referrer-Policy; every answer that shows a secret, and the token response, carries
/// <c>Cache-Control: no-store</c>.
/// </summary>
[Collection(HostileInputCollection.Name)]
public sealed class SecurityHeaderTests(HostileInputFixture provider)
{
    public static TheoryData<string> Pages() =>
    [
        .. PageCatalog.PageObjectTypes.Select(type => type.Name),
        .. PageCatalog.PagesWithoutPageObject,
        HostileEndpoints.Discovery,
        HostileEndpoints.Jwks,
    ];

    public static TheoryData<string> SecretAnswers() =>
    [
        "recovery codes shown",
        "enrolment with the QR code and seed",
        "new personal access token shown once",
        "new client secret",
        "rotated client secret",
        "recovery codes issued by an administrator",
        "set-password link shown to an administrator",
        "token response",
    ];

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_CarriesCspNosniffAndReferrerPolicy(string page)
    {
        var type = PageCatalog.PageObjectTypes.SingleOrDefault(candidate => candidate.Name == page);
        var path = type is null ? page : PageCatalog.PathOf(type, provider.PageIds);
        var (browser, owned) = await provider.BrowserAsync(PageCatalog.VisitorOf(path));
        try
        {
            var answer = await browser.GetAsync(path);

            Assert.True((int)answer.Status < 500, $"{path}: {(int)answer.Status}");
            AssertPageHeaders(answer.Response, path);
        }
        finally
        {
            if (owned)
            {
                browser.Dispose();
            }
        }
    }

    [Theory]
    [MemberData(nameof(SecretAnswers))]
    public async Task AnswerShowingASecret_IsNotStored(string secret)
    {
        var (response, shown) = secret switch
        {
            "recovery codes shown" => await RecoveryCodesShownAsync(),
            "enrolment with the QR code and seed" => await EnrolmentAsync(),
            "new personal access token shown once" => await NewTokenAsync(),
            "new client secret" => await NewClientSecretAsync(),
            "rotated client secret" => await RotatedClientSecretAsync(),
            "recovery codes issued by an administrator" => await AdminRecoveryCodesAsync(),
            "set-password link shown to an administrator" => await SetPasswordLinkAsync(),
            _ => await TokenResponseAsync(),
        };

        Assert.True(shown, $"The answer for '{secret}' showed no secret: the test did not reach the page it checks.");
        Assert.True(response.Headers.CacheControl?.NoStore == true, $"'{secret}' answered Cache-Control: {response.Headers.CacheControl}");
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    /// <summary>Asserts the headers every HTML page (and discovery) must carry.</summary>
    internal static void AssertPageHeaders(HttpResponseMessage response, string path)
    {
        var csp = response.Headers.TryGetValues("Content-Security-Policy", out var policies) ? policies.Single() : "";
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.TryGetValues("X-Content-Type-Options", out var sniff) ? sniff.Single() : null);
        Assert.True(response.Headers.TryGetValues("Referrer-Policy", out var referrer) && referrer.Single().Length > 0, $"{path}: no Referrer-Policy");
    }

    private async Task<(HttpResponseMessage, bool)> RecoveryCodesShownAsync()
    {
        var (user, browser) = await UserStories.SignedInUserAsync(provider);
        await UserStories.EnrolTotpAsync(provider.Factory, user.Id);
        var section = (await RecoveryCodesPage.OpenAsync(browser)).As<RecoveryCodesPage>();
        var shown = (await section.GenerateAsync(user.Password)).As<ShowRecoveryCodesPage>();
        return (shown.Page.Response, shown.Codes.Count == 10);
    }

    private async Task<(HttpResponseMessage, bool)> EnrolmentAsync()
    {
        var page = await (await AddDevicePage.OpenAsync(provider.AccountBrowser)).BeginAsync("Phone " + Guid.NewGuid().ToString("N")[..6]);
        return (page.Page.Response, EnrolmentForms.ShownSecret(page).Length > 0);
    }

    private async Task<(HttpResponseMessage, bool)> NewTokenAsync()
    {
        var page = await (await CreateTokenPage.OpenAsync(provider.AccountBrowser)).SubmitAsync(TokenForm.Valid("h" + Guid.NewGuid().ToString("N")[..8]));
        return (page.Page.Response, page.NewToken is not null);
    }

    private async Task<(HttpResponseMessage, bool)> NewClientSecretAsync()
    {
        var form = new ClientForm(ClientStories.NewClientId("secret"), "Secret shown", true, ["https://rp.example/cb"], ["authorization_code"], ["openid"]);
        var answer = await (await AdminCreateClientPage.OpenAsync(provider.AdminBrowser)).RegisterAsync(form);
        var page = answer.As<AdminCreateClientPage>();
        return (answer.Response, page.NewSecret is not null);
    }

    private async Task<(HttpResponseMessage, bool)> RotatedClientSecretAsync()
    {
        var answer = await (await AdminClientSecretPage.OpenAsync(provider.AdminBrowser, provider.EditedClient)).RotateAsync();
        return (answer.Response, answer.As<AdminClientSecretPage>().NewSecret is not null);
    }

    private async Task<(HttpResponseMessage, bool)> AdminRecoveryCodesAsync()
    {
        var (user, _, _) = await UserStories.UserWithRecoveryCodesAsync(provider.Factory);
        var answer = await (await AdminUserTwoStepPage.OpenAsync(provider.AdminBrowser, user.Id)).GenerateAsync();
        return (answer.Response, answer.As<AdminUserTwoStepPage>().IssuedCodes.Count > 0);
    }

    private async Task<(HttpResponseMessage, bool)> SetPasswordLinkAsync()
    {
        var answer = await (await AdminCreateUserPage.OpenAsync(provider.AdminBrowser)).CreateUserAsync($"link-{Guid.NewGuid():N}@example.com", "Link");
        return (answer.Response, answer.As<AdminCreateUserPage>().SetPasswordLink is not null);
    }

    private async Task<(HttpResponseMessage, bool)> TokenResponseAsync()
    {
        using var http = provider.Factory.CreateClient();
        var response = await http.PostAsync(HostileEndpoints.Token, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = "service",
            ["client_secret"] = TestData.ServiceSecret,
            ["scope"] = "api",
        }));
        return (response, response.StatusCode == HttpStatusCode.OK && (await response.Content.ReadAsStringAsync()).Contains("access_token", StringComparison.Ordinal));
    }
}
