using IdentityProvider.Testing.Pages.InBrowser.Admin;
using IdentityProvider.Testing.Stories;
using IdentityProvider.Users;

namespace IdentityProvider.EndToEndTests;

/// <summary>
/// The admin layout in Chromium: at a desktop width the users table has room and breaks no e-mail address; at 360 px
/// the page itself does not scroll sideways, only the table inside its box.
/// </summary>
[Collection(PagesInChromiumCollection.Name)]
public sealed class AdminLayoutTests(PagesInChromiumFixture fixture)
{
    [Fact]
    public async Task UsersList_At1280_NoAddressWraps_At360_OnlyTheTableScrolls()
    {
        var provider = fixture.Rig.Provider;
        var admin = await UserStories.CreateUserAsync(provider, role: ProviderRoles.Administrator, displayName: "Ada Admin");
        var device = await UserStories.EnrolTotpAsync(provider, admin.Id);
        var marker = "layout" + Guid.NewGuid().ToString("N")[..6];
        foreach (var name in new[] { "margaret.hamilton-fitzgerald", "grace.brewster.murray.hopper", "kathleen.booth" })
        {
            await UserStories.CreateUserAsync(provider, displayName: name.Replace('.', ' '), email: $"{name}.{marker}@engineering.example.org");
        }

        var page = await fixture.NewPageAsync();
        try
        {
            await fixture.SignInAsync(page, admin, device);
            var users = await AdminUsersPageInBrowser.OpenSearchAsync(page, fixture.Provider, marker);

            Assert.Equal(3, await users.AddressCountAsync());
            Assert.Empty(await users.WrappedAddressesAsync());
            Assert.False(await users.ScrollsSidewaysAsync(), "The users list scrolls sideways at 1280 px.");

            await page.SetViewportSizeAsync(PageChecks.NarrowWidth, PageChecks.NarrowHeight);
            Assert.False(await users.ScrollsSidewaysAsync(), "The page scrolls sideways at 360 px.");
            Assert.True(await users.TableScrollsInItsBoxAsync(), "At 360 px the users table should scroll inside its own box.");
            Assert.Empty(await users.WrappedAddressesAsync());
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }
}
