using System.Net;
using IdentityProvider.Auditing;
using IdentityProvider.Testing;
using IdentityProvider.Testing.Pages;
using IdentityProvider.Testing.Pages.Admin;
using IdentityProvider.Testing.Stories;
using IdentityProvider.Users;
using OtpNet;

namespace IdentityProvider.IntegrationTests.RecoveryCodes;

/// <summary>The first device brings ten codes, shown once with Copy, Download and Print, acknowledged before going on.</summary>
public sealed class RecoveryCodeIssueTests(ProviderFixture fixture) : IClassFixture<ProviderFixture>
{
    private ProviderFactory Factory => fixture.Factory;

    [Fact]
    public async Task FirstDeviceOnAccountPage_ShowsTenCodesOnceThenGoesToDevices()
    {
        var user = await UserStories.CreateUserAsync(Factory);
        using var client = fixture.CreateClient();
        await UserStories.SignInWithPasswordAsync(client, user.Email, user.Password);

        var show = await AddDeviceAsync(await AddDevicePage.OpenAsync(client)).As<ShowRecoveryCodesPage>();

        var codes = show.Codes;
        Assert.Equal(10, codes.Count);
        Assert.All(codes, code => Assert.Matches("^[0-9a-hjkmnp-tv-z]{4}(-[0-9a-hjkmnp-tv-z]{4}){3}$", code));
        Assert.Equal(10, codes.Distinct().Count());
        AssertShowOncePage(show);
        Assert.Equal(10, (await Factory.ReadRecoveryCodesAsync(user.Id)).Count);
        Assert.Contains(await Factory.SecurityEventsAsync(user.Id), row => row.Kind == SecurityEventKinds.RecoveryCodesGenerated);

        // Shown once: a reload finds them gone.
        var reload = await show.ReloadAsync();
        Assert.Empty(reload.Codes);
        Assert.All(codes, code => Assert.DoesNotContain(code, reload.Page.Body));
        Assert.True(reload.SaysCodesAreGone);

        // The acknowledgement is required, then the device list follows with its status message.
        var unacknowledged = await show.ContinueAsync(saved: false).As<ShowRecoveryCodesPage>();
        Assert.Contains("I have saved these codes", unacknowledged.Alerts);
        var devices = await show.ContinueAsync().As<DevicesPage>();
        Assert.Contains("is active", devices.StatusMessage);
    }

    [Fact]
    public async Task FirstDeviceDuringSignIn_ShowsCodesThenContinuesToTheRelyingParty()
    {
        var user = await UserStories.CreateUserAsync(Factory);
        using var client = fixture.CreateClient();
        var request = UserStories.WebRequest(new Dictionary<string, string> { ["acr_values"] = "mfa" });
        var enrol = await UserStories.SignInWithPasswordAsync(client, request, user).As<EnrolTwoStepPage>();

        var show = await AddDeviceAsync(enrol).As<ShowRecoveryCodesPage>();

        var codes = show.Codes;
        Assert.Equal(10, codes.Count);
        var tokens = await UserStories.ExchangeCodeAsync(client, request, await show.ContinueAsync());
        Assert.Equal(["pwd", "otp", "mfa"], tokens.Amr);

        // The codes shown are the ones that work.
        using var later = fixture.CreateClient();
        var nextRequest = UserStories.WebRequest();
        var recovery = await (await UserStories.PasswordToOtpPageAsync(later, nextRequest, user)).UseRecoveryCodeAsync();
        Assert.Equal(["pwd", "otp", "mfa"], (await UserStories.ExchangeCodeAsync(later, nextRequest, await recovery.SubmitCodeAsync(codes[2]))).Amr);
    }

    [Fact]
    public async Task SecondDevice_KeepsTheExistingSet()
    {
        var (user, device, _) = await UserStories.UserWithRecoveryCodesAsync(Factory);
        var before = (await Factory.ReadRecoveryCodesAsync(user.Id)).Select(row => row.Id).Order().ToList();
        using var client = fixture.CreateClient();
        (await UserStories.SignInWithTwoStepsAsync(Factory, client, user, device)).As<ManagePage>();

        await AddDeviceAsync(await AddDevicePage.OpenAsync(client), "Second phone").As<DevicesPage>();

        Assert.Equal(before, (await Factory.ReadRecoveryCodesAsync(user.Id)).Select(row => row.Id).Order().ToList());
    }

    [Fact]
    public async Task ShowPage_WithCodesOfAnotherRequest_ShowsNothingAndNeedsASession()
    {
        using var anonymous = fixture.CreateClient();
        await ShowRecoveryCodesPage.TryOpenAsync(anonymous).As<LoginPage>();

        var user = await UserStories.CreateUserAsync(Factory);
        using var client = fixture.CreateClient();
        await UserStories.SignInWithPasswordAsync(client, user.Email, user.Password);
        var empty = await ShowRecoveryCodesPage.OpenAsync(client);
        Assert.Empty(empty.Codes);
    }

    [Fact]
    public async Task ShowPage_ContinueToAnotherSite_IsRefused()
    {
        var user = await UserStories.CreateUserAsync(Factory);
        using var client = fixture.CreateClient();
        await UserStories.SignInWithPasswordAsync(client, user.Email, user.Password);
        var page = await ShowRecoveryCodesPage.OpenAsync(client, "https://evil.example/");

        var next = await page.ContinueAsync();

        Assert.Null(next.ExternalRedirect);
        next.As<RecoveryCodesPage>();
    }

    [Fact]
    public async Task Script_IsServedFromItsOwnFile()
    {
        using var client = fixture.CreateClient();

        var response = await client.Http.GetAsync("/js/recovery-codes.js");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var script = await response.Content.ReadAsStringAsync();
        Assert.Contains("clipboard", script);
        Assert.Contains("download", script);
        Assert.Contains("print", script);
    }

    [Fact]
    public async Task Pages_EveryVisibleInputHasALabel()
    {
        var (user, device, _) = await UserStories.UserWithRecoveryCodesAsync(Factory, role: ProviderRoles.Administrator);
        using var pending = fixture.CreateClient();
        (await (await UserStories.PasswordToOtpPageAsync(pending, UserStories.WebRequest(), user)).UseRecoveryCodeAsync()).AssertEveryInputHasLabel();

        using var client = fixture.CreateClient();
        await UserStories.SignInWithTwoStepsAsync(Factory, client, user, device);
        var manage = await RecoveryCodesPage.OpenAsync(client).As<RecoveryCodesPage>();
        manage.AssertEveryInputHasLabel();
        (await manage.GenerateAsync(user.Password).As<ShowRecoveryCodesPage>()).AssertEveryInputHasLabel();
        (await AdminUsersPage.OpenAsync(client).As<AdminUsersPage>()).AssertEveryInputHasLabel();
        (await AdminUserTwoStepPage.OpenAsync(client, user.Id)).AssertEveryInputHasLabel();
    }

    /// <summary>Checks what makes the page usable and safe: the buttons, the script by file, no caching.</summary>
    internal static void AssertShowOncePage(PageObject page)
    {
        var buttons = page.Page.Document.QuerySelectorAll("button").Select(button => button.TextContent.Trim()).ToList();
        Assert.Contains("Copy", buttons);
        Assert.Contains("Download (.txt)", buttons);
        Assert.Contains("Print", buttons);
        var scripts = page.Page.Document.QuerySelectorAll("script").ToList();
        Assert.Contains(scripts, script => script.GetAttribute("src")?.StartsWith("/js/recovery-codes.js", StringComparison.Ordinal) == true);
        Assert.All(scripts, script => Assert.True(string.IsNullOrWhiteSpace(script.TextContent), "No inline script: the CSP forbids it."));
        Assert.Contains("no-store", page.Page.Response.Headers.CacheControl?.ToString() ?? "");
    }

    /// <summary>Adds a TOTP device through the two-form enrolment on the account page; where the confirmation leads.</summary>
    private async Task<ProviderPage> AddDeviceAsync(AddDevicePage add, string name = "Phone")
    {
        var scan = await add.BeginAsync(name, "Totp");
        return await scan.ConfirmAsync(FreshCode(scan.ShownSecret));
    }

    /// <summary>The same during sign-in, on the enrolment page.</summary>
    private async Task<ProviderPage> AddDeviceAsync(EnrolTwoStepPage enrol, string name = "Phone")
    {
        var scan = await enrol.BeginAsync(name, "Totp").As<EnrolTwoStepPage>();
        return await scan.ConfirmAsync(FreshCode(scan.ShownSecret));
    }

    /// <summary>The clock moves one step on; the code the authenticator app then shows for <paramref name="secret"/>.</summary>
    private string FreshCode(string secret)
    {
        Factory.Clock.Advance(UserStories.Step);
        return new Totp(Base32Encoding.ToBytes(secret)).ComputeTotp(Factory.Clock.GetUtcNow().UtcDateTime);
    }
}
