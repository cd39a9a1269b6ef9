using IdentityProvider.PersonalAccessTokens;
using IdentityProvider.Testing.Pages.InBrowser;
using IdentityProvider.Testing.Stories;
using static Microsoft.Playwright.Assertions;

namespace IdentityProvider.EndToEndTests;

/// <summary>
/// The new token's dialog as a2nta shows it: dots until "Show", read-only; "Copy" puts the token on the clipboard
/// and returns to the list, which says "Token copied".
/// </summary>
[Collection(PagesInChromiumCollection.Name)]
public sealed class TokenDialogTests(PagesInChromiumFixture fixture)
{
    [Fact]
    public async Task NewToken_HiddenUntilShown_CopyFillsTheClipboardAndReturnsToTheList()
    {
        var user = await UserStories.CreateUserAsync(fixture.Rig.Provider);
        var page = await fixture.NewPageAsync("en-GB");
        try
        {
            await page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"], new() { Origin = fixture.Provider.GetLeftPart(UriPartial.Authority) });
            await fixture.SignInAsync(page, user, null);
            var dialog = await CreateTokenPageInBrowser.OpenAsync(page, fixture.Provider);

            await dialog.CreateAsync("dialog", "api");

            await Expect(dialog.Token).ToHaveAttributeAsync("type", "password");
            await Expect(dialog.Token).ToHaveAttributeAsync("readonly", "");
            await dialog.Show.ClickAsync();
            await Expect(dialog.Token).ToHaveAttributeAsync("type", "text");
            var token = await dialog.Token.InputValueAsync();
            Assert.True(PersonalAccessTokenFormat.IsWellFormed(token), $"Not a token: {token}");
            await dialog.Hide.ClickAsync();
            await Expect(dialog.Token).ToHaveAttributeAsync("type", "password");

            var list = await dialog.CopyAsync();

            await Expect(list.StatusMessage).ToHaveTextAsync("Token copied.");
            Assert.Equal(token, await list.ClipboardAsync());
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }
}
