using System.Net;
using IdentityProvider.Auditing;
using IdentityProvider.HardwareTokens;
using IdentityProvider.Testing;
using IdentityProvider.Testing.Pages;
using IdentityProvider.Testing.Pages.Admin;
using IdentityProvider.Testing.Stories;
using IdentityProvider.TwoStep;

namespace IdentityProvider.IntegrationTests.HardwareTokens;

/// <summary>
/// The help desk's pages for hardware tokens: import a vendor's file, register one by hand, find it in the
/// inventory, assign it (handing over the first recovery codes), identify it from a code, resync it, mark it lost.
/// </summary>
public sealed class HardwareTokenPageTests(ProviderFixture fixture) : IClassFixture<ProviderFixture>
{
    private ProviderFactory Factory => fixture.Factory;

    [Fact]
    public async Task Import_EncryptedPskcWithTheKey_Added_AgainSkipped_WrongKeyImportsNothing()
    {
        var (adminClient, _) = await UserStories.SignedInAdminAsync(fixture);
        using var client = adminClient;
        var serial = SeedFileSamples.UniqueSerial();
        var file = SeedFileSamples.WithSerial(SeedFileSamples.PreSharedKeyHotp, serial);
        var import = await (await AdminHardwareTokensPage.OpenAsync(client)).ImportAsync();
        import.AssertEveryInputHasLabel();

        var added = await import.UploadAsync("vendor.xml", file, SeedFileSamples.PreSharedKeyHex);
        var again = await added.UploadAsync("vendor.xml", file, SeedFileSamples.PreSharedKeyHex);
        var wrongKey = await again.UploadAsync("other.xml", SeedFileSamples.WithSerial(SeedFileSamples.PreSharedKeyHotp, SeedFileSamples.UniqueSerial()), "00112233445566778899aabbccddeeff");

        Assert.Equal("1 token was added to the stock.", added.AddedText);
        Assert.Equal("0 tokens were added to the stock.", again.AddedText);
        Assert.StartsWith($"{serial}: A token with this serial is already", Assert.Single(again.Skipped));
        Assert.Contains("Nothing was imported", wrongKey.Alerts);
        Assert.Equal("", wrongKey.AddedText);
        var stock = await AdminHardwareTokensPage.SearchAsync(client, serial, HardwareTokenStatus.InStock);
        Assert.Equal([serial], stock.Serials);
        Assert.Contains("Manufacturer", stock.RowOf(serial));
        Assert.Contains("HOTP, SHA1, 8 digits", stock.RowOf(serial));
    }

    [Fact]
    public async Task Import_CsvWithABadRow_ReportsTheRowAndItsReason()
    {
        var (adminClient, _) = await UserStories.SignedInAdminAsync(fixture);
        using var client = adminClient;
        var (good, bad) = (SeedFileSamples.UniqueSerial(), SeedFileSamples.UniqueSerial());
        var seed = Convert.ToHexString(OtpSecret.Generate(OtpHashAlgorithm.Sha1));

        var report = await (await AdminImportTokensPage.OpenAsync(client))
            .UploadAsync("tokens.csv", SeedFileSamples.Csv($"{good},{seed},totp,6,30", $"{bad},{seed},totp,7,30"));

        Assert.Equal("1 token was added to the stock.", report.AddedText);
        Assert.StartsWith($"{bad}: An OTP has 6 or 8 digits", Assert.Single(report.Rejected));
    }

    [Fact]
    public async Task Register_ByHand_ThenAssignOnItsPage_HandsOverTheFirstRecoveryCodes_AndTheUserSignsInWithIt()
    {
        var (adminClient, admin) = await UserStories.SignedInAdminAsync(fixture);
        using var client = adminClient;
        var serial = SeedFileSamples.UniqueSerial();
        var token = new TestDevice(Guid.Empty, OtpSecret.Generate(OtpHashAlgorithm.Sha1), OtpParameters.DefaultHotp);
        var user = await UserStories.CreateUserAsync(Factory);
        var register = await (await AdminHardwareTokensPage.OpenAsync(client)).RegisterAsync();
        register.AssertEveryInputHasLabel();

        var refused = await register.RegisterAsync(serial, seed: "abc").As<AdminRegisterTokenPage>();
        var registered = await refused.RegisterAsync(serial, Convert.ToHexString(token.Secret), counter: "3", model: "eToken PASS").As<AdminHardwareTokenPage>();
        var assigned = await registered.AssignAsync(user.Email).As<AdminHardwareTokenPage>();

        Assert.Contains("hexadecimal", refused.Alerts);
        Assert.Equal("In stock", registered.StatusText);
        Assert.Contains("registered", registered.StatusMessage);
        Assert.Equal("Assigned", assigned.StatusText);
        Assert.Equal(user.Email, assigned.HolderText);
        Assert.Equal(10, assigned.IssuedCodes.Count);
        Assert.Empty((await AdminHardwareTokenPage.OpenAsync(client, serial)).IssuedCodes);
        var events = await Factory.SecurityEventsAsync(user.Id);
        Assert.Equal(admin.Id, Assert.Single(events, row => row.Kind == SecurityEventKinds.HardwareTokenAssigned).ActorId);
        Assert.Equal(admin.Id, Assert.Single(events, row => row.Kind == SecurityEventKinds.DeviceAdded).ActorId);
        using var userClient = fixture.CreateClient();
        var otp = await UserStories.PasswordToOtpPageAsync(userClient, UserStories.WebRequest(), user);
        Assert.True(otp.ShowsHardwareTokenHint);
        Assert.NotNull((await otp.SubmitCodeAsync(token.HotpAt(3))).ExternalRedirect);
        Assert.True((await ManagePage.OpenAsync(userClient)).As<ManagePage>().ShowsHardwareTokenHint, "The account page does not say how to use the token.");
        Assert.True((await DevicesPage.OpenAsync(userClient)).ShowsHardwareTokenHint, "The device list does not say how to use the token.");
    }

    [Fact]
    public async Task AccountPages_OfAUserWithAnAppOnly_SayNothingOfHardwareTokens()
    {
        var (user, userClient) = await UserStories.SignedInUserAsync(fixture);
        using var client = userClient;
        await UserStories.EnrolTotpAsync(Factory, user.Id);

        Assert.False((await ManagePage.OpenAsync(client)).As<ManagePage>().ShowsHardwareTokenHint);
        Assert.False((await DevicesPage.OpenAsync(client)).ShowsHardwareTokenHint);
    }

    [Fact]
    public async Task Inventory_SearchByHolder_FilterByStatus_AndEveryAction_FromTheTokenPage()
    {
        var (adminClient, _) = await UserStories.SignedInAdminAsync(fixture);
        using var client = adminClient;
        using var http = await AdminApiStories.ServiceApiClientAsync(Factory);
        var (serial, token) = await HardwareTokenStories.ImportRandomTokenAsync(http, OtpType.Hotp);
        var user = await UserStories.CreateUserAsync(Factory);
        await HardwareTokenStories.AssignAsync(http, serial, user.Id);

        var byHolder = await AdminHardwareTokensPage.SearchAsync(client, user.Email, HardwareTokenStatus.Assigned);
        var page = await byHolder.OpenTokenAsync(serial);
        var resynced = await page.ResyncAsync(token.HotpAt(40), token.HotpAt(41)).As<AdminHardwareTokenPage>();
        var notConsecutive = await resynced.ResyncAsync(token.HotpAt(43), token.HotpAt(45)).As<AdminHardwareTokenPage>();
        var disabled = await notConsecutive.DisableAsync().As<AdminHardwareTokenPage>();
        var enabled = await disabled.EnableAsync().As<AdminHardwareTokenPage>();
        var unassigned = await enabled.UnassignAsync().As<AdminHardwareTokenPage>();
        var asked = await unassigned.AskToMarkLostAsync().As<AdminHardwareTokenPage>();
        Assert.Contains($"Mark token {serial} as lost?", AdminConfirmStep.Text(asked), StringComparison.Ordinal);
        Assert.Equal("In stock", asked.StatusText);
        var lost = await AdminConfirmStep.ConfirmAsync(asked.Page).As<AdminHardwareTokenPage>();

        Assert.Equal([serial], byHolder.Serials);
        Assert.Contains(user.Email, byHolder.RowOf(serial));
        Assert.Contains("resynchronised", resynced.StatusMessage);
        Assert.Contains("not two consecutive codes", notConsecutive.Alerts);
        Assert.Equal("Disabled", disabled.StatusText);
        Assert.Equal(user.Email, disabled.HolderText);
        Assert.Equal("Assigned", enabled.StatusText);
        Assert.Equal("In stock", unassigned.StatusText);
        Assert.Equal("Nobody", unassigned.HolderText);
        Assert.Equal("Lost", lost.StatusText);
        Assert.False(lost.HasButton("Assign token"));
        Assert.Equal([serial], (await AdminHardwareTokensPage.SearchAsync(client, serial, HardwareTokenStatus.Lost)).Serials);
        Assert.Equal("No token matches.", (await AdminHardwareTokensPage.SearchAsync(client, serial, HardwareTokenStatus.InStock)).Message);
        var deleted = await lost.DeleteAsync().As<AdminHardwareTokensPage>();
        Assert.Contains("deleted", deleted.StatusMessage);
        Assert.Equal(HttpStatusCode.NotFound, (await AdminHardwareTokenPage.TryOpenAsync(client, serial)).Status);
    }

    [Fact]
    public async Task Identify_ACodeInSomeonesHand_GivesTheSerial()
    {
        var (adminClient, _) = await UserStories.SignedInAdminAsync(fixture);
        using var client = adminClient;
        using var http = await AdminApiStories.ServiceApiClientAsync(Factory);
        var (serial, token) = await HardwareTokenStories.ImportRandomTokenAsync(http, OtpType.Totp);
        var identify = await (await AdminHardwareTokensPage.OpenAsync(client)).IdentifyAsync();
        identify.AssertEveryInputHasLabel();

        var found = await identify.IdentifyAsync(token.TotpNow(Factory.Clock));
        var malformed = await found.IdentifyAsync("12-ab");

        Assert.Equal([serial], found.Matches);
        Assert.Contains("digits only", malformed.Alerts);
    }

    [Fact]
    public async Task TokenPages_RefuseAUserWhoIsNotAnAdministrator()
    {
        var (_, client) = await UserStories.SignedInUserAsync(fixture);
        using var userClient = client;

        var answer = await userClient.GetAsync(AdminHardwareTokensPage.Path);

        Assert.False(answer.Is<AdminHardwareTokensPage>());
    }
}
