using System.Net;
using IdentityProvider.Testing;
using IdentityProvider.Testing.Pages;
using IdentityProvider.Testing.Pages.Admin;
using IdentityProvider.Testing.Stories;
using OtpNet;

namespace IdentityProvider.IntegrationTests.RecoveryCodes;

/// <summary>A provider with <c>TwoStep:RecoveryCodesEnabled=false</c>.</summary>
public sealed class RecoveryCodesDisabledFixture : ProviderFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["TwoStep:RecoveryCodesEnabled"] = "false" };
}

/// <summary>With recovery codes turned off, the link and the account section are gone and codes are refused.</summary>
public sealed class RecoveryCodesDisabledTests(RecoveryCodesDisabledFixture fixture) : IClassFixture<RecoveryCodesDisabledFixture>
{
    private ProviderFactory Factory => fixture.Factory;

    [Fact]
    public async Task OtpPage_HasNoRecoveryCodeLink()
    {
        var (user, _, _) = await UserStories.UserWithRecoveryCodesAsync(Factory);
        using var client = fixture.CreateClient();

        var otp = await UserStories.PasswordToOtpPageAsync(client, UserStories.WebRequest(), user);

        Assert.DoesNotContain(otp.Page.Document.QuerySelectorAll("a"), link => link.TextContent.Contains("recovery code", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task RecoveryCodePage_RefusesAValidCodeAndLeavesItUnspent()
    {
        var (user, _, codes) = await UserStories.UserWithRecoveryCodesAsync(Factory);
        using var client = fixture.CreateClient();
        var otp = await UserStories.PasswordToOtpPageAsync(client, UserStories.WebRequest(), user);
        var page = await RecoveryCodePage.OpenAsync(client).As<RecoveryCodePage>();
        Assert.False(page.OffersCodeInput);
        Assert.Contains("turned off", page.Alerts);

        var forged = await RecoveryCodePage.ForgeSubmitCodeAsync(otp, codes[0]);

        Assert.Null(forged.ExternalRedirect);
        Assert.Contains("turned off", forged.As<RecoveryCodePage>().Alerts);
        Assert.All(await Factory.ReadRecoveryCodesAsync(user.Id), row => Assert.Null(row.SpentAt));
        Assert.Equal(0, (await Factory.ReadUserAsync(user.Id)).AccessFailedCount);
    }

    [Fact]
    public async Task AccountPage_HasNoRecoveryCodeSection()
    {
        var (user, device, _) = await UserStories.UserWithRecoveryCodesAsync(Factory);
        using var client = fixture.CreateClient();

        var account = (await UserStories.SignInWithTwoStepsAsync(Factory, client, user, device)).As<ManagePage>();

        Assert.False(account.HasLink(ManagePage.RecoveryCodesLink));
        var response = await client.Http.GetAsync(RecoveryCodesPage.Path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task FirstDevice_BringsNoCodes()
    {
        var user = await UserStories.CreateUserAsync(Factory);
        using var client = fixture.CreateClient();
        await UserStories.SignInWithPasswordAsync(client, user.Email, user.Password);
        var add = await AddDevicePage.OpenAsync(client);
        var scan = await add.BeginAsync("Phone");
        var secret = Base32Encoding.ToBytes(scan.ShownSecret);
        Factory.Clock.Advance(UserStories.Step);

        var next = await scan.ConfirmAsync(new Totp(secret).ComputeTotp(Factory.Clock.GetUtcNow().UtcDateTime));

        next.As<DevicesPage>();
        Assert.Empty(await Factory.ReadRecoveryCodesAsync(user.Id));
    }

    [Fact]
    public async Task AdminTab_OffersNoCodesAndRefusesAForgedRequest()
    {
        var (user, _, _) = await UserStories.UserWithRecoveryCodesAsync(Factory);
        var before = (await Factory.ReadRecoveryCodesAsync(user.Id)).Select(row => row.Id).Order().ToList();
        var (adminClient, _) = await UserStories.SignedInAdminAsync(fixture);
        using var client = adminClient;

        var tab = await AdminUserTwoStepPage.OpenAsync(client, user.Id);
        Assert.False(tab.OffersGenerate);
        var forged = await tab.ForgeGenerateAsync();

        var answer = forged.As<AdminUserTwoStepPage>();
        Assert.Contains("turned off", answer.Alerts);
        Assert.Empty(answer.IssuedCodes);
        Assert.Equal(before, (await Factory.ReadRecoveryCodesAsync(user.Id)).Select(row => row.Id).Order().ToList());
    }
}
