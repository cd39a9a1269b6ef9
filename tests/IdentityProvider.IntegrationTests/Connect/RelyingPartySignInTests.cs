using System.Net;
using AngleSharp.Html.Parser;
using IdentityProvider.Settings;
using IdentityProvider.Testing;
using IdentityProvider.Testing.Pages;

namespace IdentityProvider.IntegrationTests.Connect;

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
/// through the provider, driven by a plain HttpClient that keeps cookies and follows redirects (wrapped in a
/// <see cref="ProviderClient"/> so the provider's pages are read and posted through their page objects).
/// </summary>
public abstract class RelyingPartySignInTests(RelyingPartyFixture fixture)
{
    private static readonly HtmlParser Parser = new();

    private RelyingPartyRig Rig => fixture.Rig;

    [Fact]
    public async Task RelyingParty_PasswordSignInAtProvider_SignedInWithPwdAmr_ThenSignedOut()
    {
        using var browser = NewBrowser();

        // The RP's /login challenges: the browser ends on the provider's sign-in page.
        var login = await browser.GetAsync(RelyingPartyUrl("/login"));
        Assert.Equal(HttpStatusCode.OK, login.Status);
        Assert.Equal(Rig.ProviderAddress.Authority, login.Uri.Authority);
        Assert.Equal(LoginPage.Path, login.Uri.AbsolutePath);

        using var signedIn = await PostSignInFormAsync(login, "alice@example.com", TestData.AlicePassword);
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
        using var signedOut = await browser.Http.GetAsync(new Uri(Rig.RelyingPartyAddress, "/logout"));
        Assert.Equal(HttpStatusCode.OK, signedOut.StatusCode);
        Assert.Equal(new Uri(Rig.RelyingPartyAddress, "/signed-out"), signedOut.RequestMessage!.RequestUri);
        Assert.Equal("Signed out", Parser.ParseDocument(await signedOut.Content.ReadAsStringAsync()).QuerySelector("h1")?.TextContent);

        // Both sessions are over: the RP shows the anonymous page, the provider asks for a password again.
        var rpHome = Parser.ParseDocument(await browser.Http.GetStringAsync(Rig.RelyingPartyAddress));
        Assert.Equal("Not signed in", rpHome.QuerySelector("h1")?.TextContent);
        var manage = await browser.GetAsync(new Uri(Rig.ProviderAddress, ManagePage.Path).ToString());
        Assert.Equal(LoginPage.Path, manage.Uri.AbsolutePath);
    }

    [Fact]
    public async Task RelyingParty_WrongPassword_StaysOnProviderPage_RelyingPartyNotSignedIn()
    {
        using var browser = NewBrowser();
        var login = await browser.GetAsync(RelyingPartyUrl("/login"));

        using var refused = await PostSignInFormAsync(login, "alice@example.com", "not-alice-password");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal(Rig.ProviderAddress.Authority, refused.RequestMessage!.RequestUri!.Authority);
        var rpHome = Parser.ParseDocument(await browser.Http.GetStringAsync(Rig.RelyingPartyAddress));
        Assert.Equal("Not signed in", rpHome.QuerySelector("h1")?.TextContent);
    }

    [Fact]
    public async Task RelyingParty_SecondLoginWithProviderSession_SignsInWithoutPasswordPage()
    {
        using var browser = NewBrowser();
        var login = await browser.GetAsync(RelyingPartyUrl("/login"));
        using (await PostSignInFormAsync(login, "bob@example.com", TestData.BobPassword))
        {
        }

        // The RP's /login challenges again; the provider's session answers at once, so the browser ends back
        // at the RP instead of on the provider's sign-in page.
        using var again = await browser.Http.GetAsync(new Uri(Rig.RelyingPartyAddress, "/login"));

        Assert.Equal(new Uri(Rig.RelyingPartyAddress, "/"), again.RequestMessage!.RequestUri);
        var document = Parser.ParseDocument(await again.Content.ReadAsStringAsync());
        Assert.Equal("Bob Example", document.QuerySelector("#name")?.TextContent);
        Assert.Equal("pwd", document.QuerySelector("#amr")?.TextContent);
    }

    /// <summary>
    /// A browser-like client (cookies, every redirect followed, across hosts too): the provider's pages it ends on
    /// are read and posted through their page objects.
    /// </summary>
    private static ProviderClient NewBrowser() => new(RelyingPartyRig.NewBrowserlikeClient());

    private string RelyingPartyUrl(string path) => new Uri(Rig.RelyingPartyAddress, path).ToString();

    /// <summary>
    /// Fills the provider's sign-in form (hidden fields, antiforgery token included) and posts it; the answer is
    /// where the browser ends after following every redirect.
    /// </summary>
    private static Task<HttpResponseMessage> PostSignInFormAsync(ProviderPage page, string email, string password)
    {
        var login = page.As<LoginPage>();
        Assert.True(login.Page.Document.QuerySelector("main form input[name='__RequestVerificationToken']") is not null,
            "The sign-in form carries no antiforgery token.");
        return login.PostSignInAsync(email, password);
    }
}

public class PostgresRelyingPartySignInTests(PostgresRelyingPartyFixture fixture)
    : RelyingPartySignInTests(fixture), IClassFixture<PostgresRelyingPartyFixture>;

public class SqliteRelyingPartySignInTests(SqliteRelyingPartyFixture fixture)
    : RelyingPartySignInTests(fixture), IClassFixture<SqliteRelyingPartyFixture>;
