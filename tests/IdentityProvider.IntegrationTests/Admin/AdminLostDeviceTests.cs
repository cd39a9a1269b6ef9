using IdentityProvider.Auditing;
using IdentityProvider.IntegrationTests.RecoveryCodes;
using IdentityProvider.Pages.Account;
using IdentityProvider.Testing;
using static IdentityProvider.IntegrationTests.Admin.AdminSteps;
using static IdentityProvider.IntegrationTests.RecoveryCodes.RecoveryCodeSteps;

namespace IdentityProvider.IntegrationTests.Admin;

/// <summary>The administrator's help for a user who lost the device: a new code set, and removing a device.</summary>
public sealed class AdminLostDeviceTests(ProviderFixture fixture) : IClassFixture<ProviderFixture>
{
    private ProviderFactory Factory => fixture.Factory;

    [Fact]
    public async Task GenerateCodes_ShowsTheNewSetOnceToTheAdminAndVoidsTheOld()
    {
        var (user, _, oldCodes) = await UserWithCodesAsync(Factory);
        var (adminClient, admin) = await SignedInAdminAsync(fixture);
        using var client = adminClient;
        var tab = await TwoStepTabAsync(client, user.Id);
        Assert.Contains("10 unused of 10", tab.Document.QuerySelector("#codes-remaining")!.TextContent);
        Assert.Empty(ListedCodes(tab));

        var shown = await client.SubmitAsync(tab, formSelector: "form#generate-codes");

        AssertOn(shown, TwoStepPath(user.Id));
        var newCodes = ListedCodes(shown);
        Assert.Equal(10, newCodes.Length);
        Assert.Empty(newCodes.Intersect(oldCodes));
        Assert.All(oldCodes, code => Assert.DoesNotContain(code, shown.Body));
        RecoveryCodeIssueTests.AssertShowOncePage(shown);
        var reload = await TwoStepTabAsync(client, user.Id);
        Assert.Empty(ListedCodes(reload));
        Assert.All(newCodes, code => Assert.DoesNotContain(code, reload.Body));

        var generated = (await EventsAsync(Factory, user.Id)).Last(row => row.Kind == SecurityEventKinds.RecoveryCodesGenerated);
        Assert.Equal(admin.Id, generated.ActorId);

        // The user signs in with a handed-over code; an old one is refused with the one message.
        using var userClient = fixture.CreateClient();
        var request = SignInSteps.WebRequest();
        var page = await RecoveryCodePageAsync(userClient, request, user);
        var refused = await SubmitRecoveryCodeAsync(userClient, page, oldCodes[0]);
        Assert.Contains(RecoveryCodeModel.NotValid, AlertText(refused));
        var tokens = await TokensAsync(userClient, request, await SubmitRecoveryCodeAsync(userClient, refused, newCodes[0]));
        Assert.Equal(["pwd", "otp", "mfa"], Amr(tokens));
    }

    [Fact]
    public async Task GenerateCodes_ForOneUser_AreNotShownOnAnotherUsersTab()
    {
        var (first, _, _) = await UserWithCodesAsync(Factory);
        var (second, _, _) = await UserWithCodesAsync(Factory);
        var (adminClient, _) = await SignedInAdminAsync(fixture);
        using var client = adminClient;
        var tab = await TwoStepTabAsync(client, first.Id);

        // The generate form posts and redirects; stop before the redirect is followed and open another user's tab.
        var response = await client.Http.PostAsync(TwoStepPath(first.Id) + "?handler=Generate", new FormUrlEncodedContent(
            [new("__RequestVerificationToken", tab.Document.QuerySelector("form#generate-codes input[name=__RequestVerificationToken]")!.GetAttribute("value")!)]));
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        var other = await TwoStepTabAsync(client, second.Id);

        Assert.Empty(ListedCodes(other));
    }

    [Fact]
    public async Task RemoveDevice_RemovesItAndLogsTheAdmin()
    {
        var (user, _, _) = await UserWithCodesAsync(Factory);
        var (adminClient, admin) = await SignedInAdminAsync(fixture);
        using var client = adminClient;
        var tab = await TwoStepTabAsync(client, user.Id);
        Assert.Single(tab.Document.QuerySelectorAll("#devices tbody tr"));

        var after = await client.SubmitAsync(tab, formSelector: "form.remove-device");

        AssertOn(after, TwoStepPath(user.Id));
        Assert.Contains("was removed", StatusText(after));
        Assert.NotNull(after.Document.QuerySelector("#no-devices"));
        var removed = Assert.Single(await EventsAsync(Factory, user.Id), row => row.Kind == SecurityEventKinds.DeviceRemoved);
        Assert.Equal(admin.Id, removed.ActorId);

        // Without a device (and no policy requiring one) the password alone signs in again.
        using var userClient = fixture.CreateClient();
        var request = SignInSteps.WebRequest();
        Assert.Equal(["pwd"], Amr(await TokensAsync(userClient, request, await PasswordAsync(userClient, request, user))));
    }

    [Fact]
    public async Task RemoveDevice_ThatIsNotTheUsers_IsRefusedWithAMessage()
    {
        var (user, _, _) = await UserWithCodesAsync(Factory);
        var (other, otherDevice, _) = await UserWithCodesAsync(Factory);
        var (adminClient, _) = await SignedInAdminAsync(fixture);
        using var client = adminClient;
        var tab = await TwoStepTabAsync(client, user.Id);

        var answer = await client.SubmitAsync(tab, new Dictionary<string, string> { ["DeviceId"] = otherDevice.Id.ToString() }, formSelector: "form.remove-device");
        var garbage = await client.SubmitAsync(tab, new Dictionary<string, string> { ["DeviceId"] = new string('x', 500) }, formSelector: "form.remove-device");

        AssertOn(answer, TwoStepPath(user.Id));
        Assert.Contains("does not exist", AlertText(answer));
        AssertOn(garbage, TwoStepPath(user.Id));
        Assert.Contains("does not exist", AlertText(garbage));
        Assert.Single((await TwoStepTabAsync(client, other.Id)).Document.QuerySelectorAll("#devices tbody tr"));
        Assert.Single((await TwoStepTabAsync(client, user.Id)).Document.QuerySelectorAll("#devices tbody tr"));
    }
}
