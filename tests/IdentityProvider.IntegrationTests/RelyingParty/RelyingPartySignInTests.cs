using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using IdentityProvider.Settings;
using IdentityProvider.Testing;

namespace IdentityProvider.IntegrationTests.RelyingParty;

/// <summary>The provider and the test relying party on real Kestrel ports, shared by one test class.</summary>
public abstract class RelyingPartyFixture : IAsyncLifetime
{
    private RelyingPartyRig? rig;

    public RelyingPartyRig Rig => rig ?? throw new InvalidOperationException("The fixture has not started.");

    protected abstract DatabaseProvider Database { get; }

    public async Task InitializeAsync() => rig = await RelyingPartyRig.StartAsync(Database);

    public async Task DisposeAsync()
    {
        if (rig is not null)
        {
            await rig.DisposeAsync();
        }
    }
}

public sealed class PostgresRelyingPartyFixture : RelyingPartyFixture
{
    protected override DatabaseProvider Database => DatabaseProvider.Postgres;
}

public sealed class SqliteRelyingPartyFixture : RelyingPartyFixture
{
    protected override DatabaseProvider Database => DatabaseProvider.Sqlite;
}

/// <summary>
/// A real relying party (Microsoft's OpenID Connect handler, which none of us wrote) signs a user in and out
/// through the provider, driven by a plain HttpClient that keeps cookies and follows redirects.
/// </summary>
public abstract class RelyingPartySignInTests(RelyingPartyFixture fixture)
{
    private static readonly HtmlParser Parser = new();

    private RelyingPartyRig Rig => fixture.Rig;

    [Fact]
    public async Task RelyingParty_PasswordSignInAtProvider_SignedInWithPwdAmr_ThenSignedOut()
    {
        using var browser = RelyingPartyRig.NewBrowserlikeClient();

        // The RP's /login challenges: the browser ends on the provider's sign-in page.
        using var login = await browser.GetAsync(new Uri(Rig.RelyingPartyAddress, "/login"));
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Equal(Rig.ProviderAddress.Authority, login.RequestMessage!.RequestUri!.Authority);
        Assert.Equal("/Account/Login", login.RequestMessage.RequestUri.AbsolutePath);

        using var signedIn = await PostSignInFormAsync(browser, login, "alice@example.com", TestData.AlicePassword);
        var home = await signedIn.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        Assert.Equal(new Uri(Rig.RelyingPartyAddress, "/"), signedIn.RequestMessage!.RequestUri);
        var document = Parser.ParseDocument(home);
        Assert.Equal("Signed in", document.QuerySelector("h1")?.TextContent);
        Assert.Equal("pwd", document.QuerySelector("#amr")?.TextContent);
        Assert.Equal("pwd", document.QuerySelector("#acr")?.TextContent);
        var claims = document.QuerySelectorAll("#claims li").ToDictionary(item => item.GetAttribute("data-type")!, item => item.TextContent);
        Assert.Equal("alice@example.com", claims["email"]);
        Assert.Equal("Alice Example", claims["name"]);
        Assert.Equal(Rig.ProviderAddress.ToString(), claims["iss"]);

        // RP-initiated logout: end_session at the provider, back to the RP's post-logout callback, then /signed-out.
        using var signedOut = await browser.GetAsync(new Uri(Rig.RelyingPartyAddress, "/logout"));
        Assert.Equal(HttpStatusCode.OK, signedOut.StatusCode);
        Assert.Equal(new Uri(Rig.RelyingPartyAddress, "/signed-out"), signedOut.RequestMessage!.RequestUri);
        Assert.Equal("Signed out", Parser.ParseDocument(await signedOut.Content.ReadAsStringAsync()).QuerySelector("h1")?.TextContent);

        // Both sessions are over: the RP shows the anonymous page, the provider asks for a password again.
        var rpHome = Parser.ParseDocument(await browser.GetStringAsync(Rig.RelyingPartyAddress));
        Assert.Equal("Not signed in", rpHome.QuerySelector("h1")?.TextContent);
        using var manage = await browser.GetAsync(new Uri(Rig.ProviderAddress, "/Manage"));
        Assert.Equal("/Account/Login", manage.RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task RelyingParty_WrongPassword_StaysOnProviderPage_RelyingPartyNotSignedIn()
    {
        using var browser = RelyingPartyRig.NewBrowserlikeClient();
        using var login = await browser.GetAsync(new Uri(Rig.RelyingPartyAddress, "/login"));

        using var refused = await PostSignInFormAsync(browser, login, "alice@example.com", "not-alice-password");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal(Rig.ProviderAddress.Authority, refused.RequestMessage!.RequestUri!.Authority);
        var rpHome = Parser.ParseDocument(await browser.GetStringAsync(Rig.RelyingPartyAddress));
        Assert.Equal("Not signed in", rpHome.QuerySelector("h1")?.TextContent);
    }

    [Fact]
    public async Task RelyingParty_SecondLoginWithProviderSession_SignsInWithoutPasswordPage()
    {
        using var browser = RelyingPartyRig.NewBrowserlikeClient();
        using var login = await browser.GetAsync(new Uri(Rig.RelyingPartyAddress, "/login"));
        using (await PostSignInFormAsync(browser, login, "bob@example.com", TestData.BobPassword))
        {
        }

        // The RP's /login challenges again; the provider's session answers at once, so the browser ends back
        // at the RP instead of on the provider's sign-in page.
        using var again = await browser.GetAsync(new Uri(Rig.RelyingPartyAddress, "/login"));

        Assert.Equal(new Uri(Rig.RelyingPartyAddress, "/"), again.RequestMessage!.RequestUri);
        var document = Parser.ParseDocument(await again.Content.ReadAsStringAsync());
        Assert.Equal("Bob Example", document.QuerySelector("#name")?.TextContent);
        Assert.Equal("pwd", document.QuerySelector("#amr")?.TextContent);
    }

    /// <summary>Fills the provider's sign-in form (hidden fields, antiforgery token included) and posts it.</summary>
    private static async Task<HttpResponseMessage> PostSignInFormAsync(HttpClient browser, HttpResponseMessage loginPage, string email, string password)
    {
        var page = Parser.ParseDocument(await loginPage.Content.ReadAsStringAsync());
        var form = page.QuerySelector("main form") as IHtmlFormElement
            ?? throw new Xunit.Sdk.XunitException($"No sign-in form at {loginPage.RequestMessage!.RequestUri}");
        var fields = form.Elements.OfType<IHtmlInputElement>()
            .Where(input => !string.IsNullOrEmpty(input.Name))
            .ToDictionary(input => input.Name!, input => input.Value);
        Assert.True(fields.ContainsKey("__RequestVerificationToken"), "The sign-in form carries no antiforgery token.");
        fields["Input.Email"] = email;
        fields["Input.Password"] = password;

        var action = form.GetAttribute("action") is { Length: > 0 } target
            ? new Uri(loginPage.RequestMessage!.RequestUri!, target)
            : loginPage.RequestMessage!.RequestUri!;
        return await browser.PostAsync(action, new FormUrlEncodedContent(fields));
    }
}

public class PostgresRelyingPartySignInTests(PostgresRelyingPartyFixture fixture)
    : RelyingPartySignInTests(fixture), IClassFixture<PostgresRelyingPartyFixture>;

public class SqliteRelyingPartySignInTests(SqliteRelyingPartyFixture fixture)
    : RelyingPartySignInTests(fixture), IClassFixture<SqliteRelyingPartyFixture>;
