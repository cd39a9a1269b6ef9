using IdentityProvider.Testing;
using IdentityProvider.Testing.Pages;
using IdentityProvider.Testing.Stories;
using Microsoft.EntityFrameworkCore;

namespace IdentityProvider.IntegrationTests.Reliability;

/// <summary>Names that would hide or reorder what people read (bidi overrides, zero-width and control characters) are refused.</summary>
public class SpoofedNameTests(ProviderFixture provider) : IClassFixture<ProviderFixture>
{
    [Theory]
    [InlineData("Phone\u202Eenoh")]
    [InlineData("\u200B\u200D")]
    [InlineData("Phone\u0007")]
    public async Task AddDevice_NameWithHiddenCharacters_RefusedWithAMessage_NoDeviceCreated(string name)
    {
        var (user, client) = await UserStories.SignedInUserAsync(provider);
        using var _ = client;

        var page = await (await AddDevicePage.OpenAsync(client)).BeginAsync(name);

        Assert.False(page.ShowsConfirmation);
        Assert.Contains("cannot contain control characters or invisible characters", page.Alerts, StringComparison.Ordinal);
        Assert.Equal(0, await provider.Factory.QueryAsync(db => db.OtpDevices.CountAsync(device => device.UserId == user.Id)));
    }
}
