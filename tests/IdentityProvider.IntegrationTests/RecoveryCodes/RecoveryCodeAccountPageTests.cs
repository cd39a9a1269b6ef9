using IdentityProvider.Auditing;
using IdentityProvider.RecoveryCodes;
using IdentityProvider.Testing;
using IdentityProvider.Testing.Pages;
using IdentityProvider.Testing.Stories;
using Microsoft.Extensions.DependencyInjection;

namespace IdentityProvider.IntegrationTests.RecoveryCodes;

/// <summary>The account page's section: codes left, the warning at three or fewer, a new set after the password.</summary>
public sealed class RecoveryCodeAccountPageTests(ProviderFixture fixture) : IClassFixture<ProviderFixture>
{
    private ProviderFactory Factory => fixture.Factory;

    [Fact]
    public async Task Section_CountsRemainingCodesAndWarnsAtThreeOrFewer()
    {
        var (user, device, codes) = await UserStories.UserWithRecoveryCodesAsync(Factory);
        using var client = fixture.CreateClient();
        var account = (await UserStories.SignInWithTwoStepsAsync(Factory, client, user, device)).As<ManagePage>();
        Assert.Contains(account.Page.Document.QuerySelectorAll("a"),
            link => link.TextContent.Trim() == ManagePage.RecoveryCodesLink && link.GetAttribute("href") == RecoveryCodesPage.Path);

        var full = await RecoveryCodesPage.OpenAsync(client).As<RecoveryCodesPage>();
        Assert.Contains("10", full.RemainingText);
        Assert.False(full.ShowsLowWarning);

        await SpendAsync(user.Id, codes.Take(6));
        var four = await RecoveryCodesPage.OpenAsync(client).As<RecoveryCodesPage>();
        Assert.Contains("4", four.RemainingText);
        Assert.False(four.ShowsLowWarning);

        await SpendAsync(user.Id, codes.Skip(6).Take(1));
        var three = await RecoveryCodesPage.OpenAsync(client).As<RecoveryCodesPage>();
        Assert.Contains("3", three.RemainingText);
        Assert.True(three.ShowsLowWarning);
    }

    [Fact]
    public async Task Generate_WithPassword_ShowsANewSetOnceAndVoidsTheOld()
    {
        var (user, device, oldCodes) = await UserStories.UserWithRecoveryCodesAsync(Factory);
        using var client = fixture.CreateClient();
        await UserStories.SignInWithTwoStepsAsync(Factory, client, user, device);
        var page = await RecoveryCodesPage.OpenAsync(client).As<RecoveryCodesPage>();

        var show = await page.GenerateAsync(user.Password).As<ShowRecoveryCodesPage>();

        var newCodes = show.Codes;
        Assert.Equal(10, newCodes.Count);
        Assert.Empty(newCodes.Intersect(oldCodes));
        RecoveryCodeIssueTests.AssertShowOncePage(show);
        Assert.Empty((await show.ReloadAsync()).Codes);
        await show.ContinueAsync().As<RecoveryCodesPage>();

        using var scope = Factory.Services.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<RecoveryCodeStore>();
        Assert.Equal(RecoveryCodeResult.Rejected, await store.TryRedeemAsync(user.Id, oldCodes[0]));
        Assert.Equal(RecoveryCodeResult.Accepted, await store.TryRedeemAsync(user.Id, newCodes[0]));
        var generated = (await Factory.SecurityEventsAsync(user.Id)).Last(row => row.Kind == SecurityEventKinds.RecoveryCodesGenerated);
        Assert.Null(generated.ActorId);
        Assert.Contains("requested by the user", generated.Detail);
    }

    [Fact]
    public async Task Generate_WithWrongPassword_IsRefusedAndCountsTowardTheLockout()
    {
        var (user, device, oldCodes) = await UserStories.UserWithRecoveryCodesAsync(Factory);
        using var client = fixture.CreateClient();
        await UserStories.SignInWithTwoStepsAsync(Factory, client, user, device);
        var page = await RecoveryCodesPage.OpenAsync(client).As<RecoveryCodesPage>();

        var refused = await page.GenerateAsync("not-the-password").As<RecoveryCodesPage>();

        Assert.Contains("password is not correct", refused.Alerts);
        Assert.Equal(1, (await Factory.ReadUserAsync(user.Id)).AccessFailedCount);
        for (var attempt = 2; attempt <= 5; attempt++)
        {
            refused = await refused.GenerateAsync("not-the-password").As<RecoveryCodesPage>();
        }

        Assert.Contains("locked", refused.Alerts);
        Assert.NotNull((await Factory.ReadUserAsync(user.Id)).LockoutEnd);
        using var scope = Factory.Services.CreateScope();
        Assert.Equal(RecoveryCodeResult.Accepted, await scope.ServiceProvider.GetRequiredService<RecoveryCodeStore>().TryRedeemAsync(user.Id, oldCodes[0]));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Generate_WithoutPassword_AsksForIt(string password)
    {
        var (user, device, _) = await UserStories.UserWithRecoveryCodesAsync(Factory);
        using var client = fixture.CreateClient();
        await UserStories.SignInWithTwoStepsAsync(Factory, client, user, device);
        var page = await RecoveryCodesPage.OpenAsync(client).As<RecoveryCodesPage>();

        var answer = await page.GenerateAsync(password).As<RecoveryCodesPage>();

        Assert.Contains("Enter your password", answer.Alerts);
    }

    [Fact]
    public async Task Section_WithoutDevice_OffersNoCodes()
    {
        var user = await UserStories.CreateUserAsync(Factory);
        using var client = fixture.CreateClient();
        await UserStories.SignInWithPasswordAsync(client, user.Email, user.Password);
        var withToken = await ChangePasswordPage.OpenAsync(client);

        var page = await RecoveryCodesPage.OpenAsync(client).As<RecoveryCodesPage>();
        Assert.True(page.SaysNoDevice);
        Assert.False(page.OffersGenerate);

        var forged = await RecoveryCodesPage.ForgeGenerateAsync(withToken, user.Password).As<RecoveryCodesPage>();
        Assert.Contains("Add an authenticator app first", forged.Alerts);
        Assert.Empty(await Factory.ReadRecoveryCodesAsync(user.Id));
    }

    private async Task SpendAsync(string userId, IEnumerable<string> codes)
    {
        using var scope = Factory.Services.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<RecoveryCodeStore>();
        foreach (var code in codes)
        {
            Assert.Equal(RecoveryCodeResult.Accepted, await store.TryRedeemAsync(userId, code));
        }
    }
}
