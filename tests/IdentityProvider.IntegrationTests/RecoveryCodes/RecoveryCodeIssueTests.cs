using System.Net;
using IdentityProvider.Auditing;
using IdentityProvider.Testing;
using OtpNet;
using static IdentityProvider.IntegrationTests.RecoveryCodes.RecoveryCodeSteps;

namespace IdentityProvider.IntegrationTests.RecoveryCodes;

/// <summary>The first device brings ten codes, shown once with Copy, Download and Print, acknowledged before going on.</summary>
public sealed class RecoveryCodeIssueTests(ProviderFixture fixture) : IClassFixture<ProviderFixture>
{
    private ProviderFactory Factory => fixture.Factory;

    [Fact]
    public async Task FirstDeviceOnAccountPage_ShowsTenCodesOnceThenGoesToDevices()
    {
        var user = await CreateUserAsync(Factory);
        using var client = fixture.CreateClient();
        await SignInSteps.SubmitPasswordAsync(client, await client.GetAsync(LoginPath), user.Email, user.Password);

        var show = await AddDeviceAsync(client, "/Manage/TwoStep/Add");

        AssertOn(show, ShowCodesPath);
        var codes = ListedCodes(show);
        Assert.Equal(10, codes.Length);
        Assert.All(codes, code => Assert.Matches("^[0-9a-hjkmnp-tv-z]{4}(-[0-9a-hjkmnp-tv-z]{4}){3}$", code));
        Assert.Equal(10, codes.Distinct().Count());
        AssertShowOncePage(show);
        Assert.Equal(10, (await RowsAsync(Factory, user.Id)).Count);
        Assert.Contains(await EventsAsync(Factory, user.Id), row => row.Kind == SecurityEventKinds.RecoveryCodesGenerated);

        // Shown once: a reload finds them gone.
        var reload = await client.GetAsync(show.Uri.PathAndQuery);
        AssertOn(reload, ShowCodesPath);
        Assert.Empty(ListedCodes(reload));
        Assert.All(codes, code => Assert.DoesNotContain(code, reload.Body));
        Assert.NotNull(reload.Document.QuerySelector("#recovery-codes-gone"));

        // The acknowledgement is required, then the device list follows with its status message.
        var unacknowledged = await client.SubmitAsync(show);
        AssertOn(unacknowledged, ShowCodesPath);
        Assert.Contains("I have saved these codes", AlertText(unacknowledged));
        var devices = await client.SubmitAsync(show, new Dictionary<string, string> { ["Saved"] = "true" });
        AssertOn(devices, "/Manage/TwoStep");
        Assert.Contains("is active", StatusText(devices));
    }

    [Fact]
    public async Task FirstDeviceDuringSignIn_ShowsCodesThenContinuesToTheRelyingParty()
    {
        var user = await CreateUserAsync(Factory);
        using var client = fixture.CreateClient();
        var request = SignInSteps.WebRequest(new Dictionary<string, string> { ["acr_values"] = "mfa" });
        var enrol = await PasswordAsync(client, request, user);
        AssertOn(enrol, "/Account/EnrolTwoStep");

        var show = await AddDeviceAsync(client, enrol);

        AssertOn(show, ShowCodesPath);
        var codes = ListedCodes(show);
        Assert.Equal(10, codes.Length);
        var tokens = await TokensAsync(client, request, await client.SubmitAsync(show, new Dictionary<string, string> { ["Saved"] = "true" }));
        Assert.Equal(["pwd", "otp", "mfa"], Amr(tokens));

        // The codes shown are the ones that work.
        using var later = fixture.CreateClient();
        var nextRequest = SignInSteps.WebRequest();
        var recovery = await RecoveryCodePageAsync(later, nextRequest, user);
        Assert.Equal(["pwd", "otp", "mfa"], Amr(await TokensAsync(later, nextRequest, await SubmitRecoveryCodeAsync(later, recovery, codes[2]))));
    }

    [Fact]
    public async Task SecondDevice_KeepsTheExistingSet()
    {
        var (user, device, _) = await UserWithCodesAsync(Factory);
        var before = (await RowsAsync(Factory, user.Id)).Select(row => row.Id).Order().ToList();
        using var client = fixture.CreateClient();
        AssertOn(await SignInWithOtpAsync(Factory, client, user, device), "/Manage");

        var next = await AddDeviceAsync(client, "/Manage/TwoStep/Add", "Second phone");

        AssertOn(next, "/Manage/TwoStep");
        Assert.Equal(before, (await RowsAsync(Factory, user.Id)).Select(row => row.Id).Order().ToList());
    }

    [Fact]
    public async Task ShowPage_WithCodesOfAnotherRequest_ShowsNothingAndNeedsASession()
    {
        using var anonymous = fixture.CreateClient();
        var page = await anonymous.GetAsync(ShowCodesPath);
        AssertOn(page, LoginPath);

        var user = await CreateUserAsync(Factory);
        using var client = fixture.CreateClient();
        await SignInSteps.SubmitPasswordAsync(client, await client.GetAsync(LoginPath), user.Email, user.Password);
        var empty = await client.GetAsync(ShowCodesPath);
        AssertOn(empty, ShowCodesPath);
        Assert.Empty(ListedCodes(empty));
    }

    [Fact]
    public async Task ShowPage_ContinueToAnotherSite_IsRefused()
    {
        var user = await CreateUserAsync(Factory);
        using var client = fixture.CreateClient();
        await SignInSteps.SubmitPasswordAsync(client, await client.GetAsync(LoginPath), user.Email, user.Password);
        var page = await client.GetAsync(ShowCodesPath + "?ReturnUrl=" + Uri.EscapeDataString("https://evil.example/"));

        var next = await client.SubmitAsync(page, new Dictionary<string, string> { ["Saved"] = "true" });

        Assert.Null(next.ExternalRedirect);
        AssertOn(next, ManageCodesPath);
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
        var (user, device, _) = await UserWithCodesAsync(Factory, role: "admin");
        using var pending = fixture.CreateClient();
        AssertEveryInputHasLabel(await RecoveryCodePageAsync(pending, SignInSteps.WebRequest(), user));

        using var client = fixture.CreateClient();
        await SignInWithOtpAsync(Factory, client, user, device);
        var manage = await client.GetAsync(ManageCodesPath);
        AssertEveryInputHasLabel(manage);
        AssertEveryInputHasLabel(await client.SubmitAsync(manage, new Dictionary<string, string> { ["Input.Password"] = user.Password }));
        AssertEveryInputHasLabel(await client.GetAsync("/admin/users"));
        AssertEveryInputHasLabel(await client.GetAsync($"/admin/users/{user.Id}/two-step"));
    }

    /// <summary>Every visible input of the page has an id and a non-empty &lt;label for&gt; (HTML contract).</summary>
    private static void AssertEveryInputHasLabel(ProviderPage page)
    {
        var inputs = page.Document.QuerySelectorAll("main input").Where(input => input.GetAttribute("type") != "hidden").ToList();
        Assert.NotEmpty(inputs);
        foreach (var input in inputs)
        {
            var id = input.GetAttribute("id");
            Assert.False(string.IsNullOrEmpty(id), $"An input named {input.GetAttribute("name")} on {page.Uri} has no id.");
            Assert.Contains(page.Document.QuerySelectorAll("label"), label => label.GetAttribute("for") == id && label.TextContent.Trim().Length > 0);
        }
    }

    /// <summary>Checks what makes the page usable and safe: the buttons, the script by file, no caching.</summary>
    internal static void AssertShowOncePage(ProviderPage page)
    {
        var buttons = page.Document.QuerySelectorAll("button").Select(button => button.TextContent.Trim()).ToList();
        Assert.Contains("Copy", buttons);
        Assert.Contains("Download (.txt)", buttons);
        Assert.Contains("Print", buttons);
        var scripts = page.Document.QuerySelectorAll("script").ToList();
        Assert.Contains(scripts, script => script.GetAttribute("src")?.StartsWith("/js/recovery-codes.js", StringComparison.Ordinal) == true);
        Assert.All(scripts, script => Assert.True(string.IsNullOrWhiteSpace(script.TextContent), "No inline script: the CSP forbids it."));
        Assert.Contains("no-store", page.Response.Headers.CacheControl?.ToString() ?? "");
    }

    /// <summary>Adds a TOTP device through the two-form enrolment (account page or sign-in); where the confirmation leads.</summary>
    private async Task<ProviderPage> AddDeviceAsync(ProviderClient client, string addPath, string name = "Phone") =>
        await AddDeviceAsync(client, await client.GetAsync(addPath), name);

    private async Task<ProviderPage> AddDeviceAsync(ProviderClient client, ProviderPage addPage, string name = "Phone")
    {
        var scan = await client.SubmitAsync(addPage, new Dictionary<string, string> { ["Enrolment.Name"] = name, ["Enrolment.Type"] = "Totp" },
            formSelector: "form[action*='handler=Begin']");
        var secret = scan.Document.QuerySelector("#otp-secret")?.TextContent.Replace(" ", "")
            ?? throw new Xunit.Sdk.XunitException($"No secret on {scan.Uri}: {AlertText(scan)}");
        Factory.Clock.Advance(Step);
        var code = new Totp(Base32Encoding.ToBytes(secret)).ComputeTotp(Factory.Clock.GetUtcNow().UtcDateTime);
        return await client.SubmitAsync(scan, new Dictionary<string, string> { ["Enrolment.FirstCode"] = code },
            formSelector: "form[action*='handler=Confirm']");
    }
}
