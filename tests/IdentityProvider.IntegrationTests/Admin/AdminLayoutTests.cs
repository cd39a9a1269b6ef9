using System.Net;
using IdentityProvider.Testing;
using IdentityProvider.Testing.Pages;
using IdentityProvider.Testing.Pages.Admin;
using IdentityProvider.Testing.Stories;
using IdentityProvider.TwoStep;

namespace IdentityProvider.IntegrationTests.Admin;

/// <summary>
/// The admin layout: every admin page (from <see cref="PageCatalog"/>) carries the navigation, named, with the sections
/// the reader's role may open and the current one marked; no page shows a validation summary with nothing to say.
/// </summary>
public sealed class AdminLayoutTests(ProviderFixture fixture) : IClassFixture<ProviderFixture>
{
    [Fact]
    public async Task EveryAdminPage_Administrator_NavigationWithEverySection_CurrentMarked_NoEmptySummary()
    {
        using var client = (await UserStories.SignedInAdminAsync(fixture)).Client;
        var pages = BrowserWalk.PagesOf(Visitor.Admin, await IdsAsync());

        foreach (var path in pages)
        {
            var page = await client.GetAsync(path);
            Assert.True(page.Status == HttpStatusCode.OK, $"{path}: {(int)page.Status}");
            AssertNavigation(page, path, AdminNavigation.AdministratorSections);
            Assert.True(PageObject.ValidationSummaryOn(page) is null, $"{path} shows a validation summary with nothing to say.");
        }

        Assert.True(pages.Count >= 25, $"Only {pages.Count} admin pages found: {string.Join(", ", pages)}");
    }

    [Fact]
    public async Task EveryAdminPage_UserManager_OnlyTheSectionsTheRoleMayOpen()
    {
        using var client = (await UserStories.SignedInUserManagerAsync(fixture)).Client;
        var opened = 0;

        foreach (var path in BrowserWalk.PagesOf(Visitor.Admin, await IdsAsync()))
        {
            var page = await client.GetAsync(path);
            if (page.Status == HttpStatusCode.Forbidden)
            {
                continue;
            }

            Assert.True(page.Status == HttpStatusCode.OK, $"{path}: {(int)page.Status}");
            AssertNavigation(page, path, AdminNavigation.UserManagerSections);
            opened++;
        }

        Assert.True(opened >= 8, $"A user-manager opened only {opened} admin pages.");
    }

    [Fact]
    public async Task ValidationSummary_AbsentOnAFreshForm_ShownWithTheMessageAfterARefusal()
    {
        using var client = (await UserStories.SignedInAdminAsync(fixture)).Client;
        var form = await AdminCreateScopePage.OpenAsync(client);

        var refused = await form.RegisterAsync("", "", "").As<AdminCreateScopePage>();

        Assert.Null(form.ValidationSummary);
        Assert.False(string.IsNullOrEmpty(refused.ValidationSummary), "No validation summary after a refused form.");
        Assert.Contains(refused.ValidationSummary!, refused.Alerts, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Navigation_HasItsOwnName_InEnglish()
    {
        using var client = (await UserStories.SignedInAdminAsync(fixture)).Client;

        var navigation = AdminNavigation.On(await AdminHomePage.OpenAsync(client))!;

        string[] sections = ["Dashboard", "Users", "Clients", "Scopes", "Policy", "Hardware tokens", "Security log", "Admin API reference"];
        Assert.Equal("Administration sections", navigation.Name);
        Assert.Equal(sections, navigation.Texts);
    }

    private static void AssertNavigation(ProviderPage page, string path, IReadOnlyList<string> sections)
    {
        var navigation = AdminNavigation.On(page) ?? throw new Xunit.Sdk.XunitException($"{path} has no admin navigation.");
        Assert.Equal(sections, navigation.Addresses);
        Assert.False(string.IsNullOrWhiteSpace(navigation.Name), $"The navigation on {path} has no name.");
        var section = AdminNavigation.SectionOf(new Uri(page.Uri, path).AbsolutePath);
        Assert.True(section is null ? navigation.Current.Count == 0 : navigation.Current.SequenceEqual([section]),
            $"{path}: current {string.Join(", ", navigation.Current)}, expected {section ?? "none"}");
    }

    /// <summary>A user, a client, a scope and a hardware token, so every page with an id opens on something.</summary>
    private async Task<IReadOnlyDictionary<string, string>> IdsAsync()
    {
        var user = await UserStories.CreateUserAsync(fixture.Factory);
        using var api = await AdminApiStories.ServiceApiClientAsync(fixture.Factory);
        var clientId = ClientStories.NewClientId("layout");
        await ClientStories.CreateServiceClientAsync(api, clientId);
        var scope = "layout-" + Guid.NewGuid().ToString("N")[..8];
        await ClientStories.CreateScopeAsync(api, scope, "Reports", "Reads the nightly reports");
        var (serial, _) = await HardwareTokenStories.ImportRandomTokenAsync(api, OtpType.Hotp);
        return new Dictionary<string, string> { ["userId"] = user.Id, ["clientId"] = clientId, ["name"] = scope, ["serial"] = serial };
    }
}
