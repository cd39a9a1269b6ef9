using IdentityProvider.Auditing;
using IdentityProvider.RecoveryCodes;
using IdentityProvider.Testing;
using Microsoft.Extensions.DependencyInjection;
using static IdentityProvider.IntegrationTests.RecoveryCodes.RecoveryCodeSteps;

namespace IdentityProvider.IntegrationTests.RecoveryCodes;

/// <summary>The account page's section: codes left, the warning at three or fewer, a new set after the password.</summary>
public sealed class RecoveryCodeAccountPageTests(ProviderFixture fixture) : IClassFixture<ProviderFixture>
{
    private ProviderFactory Factory => fixture.Factory;

    [Fact]
    public async Task Section_CountsRemainingCodesAndWarnsAtThreeOrFewer()
    {
        var (user, device, codes) = await UserWithCodesAsync(Factory);
        using var client = fixture.CreateClient();
        var account = await SignInWithOtpAsync(Factory, client, user, device);
        Assert.Contains(account.Document.QuerySelectorAll("a"), link => link.TextContent.Trim() == "Recovery codes" && link.GetAttribute("href") == ManageCodesPath);

        var full = await client.GetAsync(ManageCodesPath);
        Assert.Contains("10", full.Document.QuerySelector("#recovery-codes-remaining")!.TextContent);
        Assert.Null(full.Document.QuerySelector("#recovery-codes-low"));

        await SpendAsync(user.Id, codes.Take(6));
        var four = await client.GetAsync(ManageCodesPath);
        Assert.Contains("4", four.Document.QuerySelector("#recovery-codes-remaining")!.TextContent);
        Assert.Null(four.Document.QuerySelector("#recovery-codes-low"));

        await SpendAsync(user.Id, codes.Skip(6).Take(1));
        var three = await client.GetAsync(ManageCodesPath);
        Assert.Contains("3", three.Document.QuerySelector("#recovery-codes-remaining")!.TextContent);
        Assert.NotNull(three.Document.QuerySelector("#recovery-codes-low"));
    }

    [Fact]
    public async Task Generate_WithPassword_ShowsANewSetOnceAndVoidsTheOld()
    {
        var (user, device, oldCodes) = await UserWithCodesAsync(Factory);
        using var client = fixture.CreateClient();
        await SignInWithOtpAsync(Factory, client, user, device);
        var page = await client.GetAsync(ManageCodesPath);

        var show = await client.SubmitAsync(page, new Dictionary<string, string> { ["Input.Password"] = user.Password });

        AssertOn(show, ShowCodesPath);
        var newCodes = ListedCodes(show);
        Assert.Equal(10, newCodes.Length);
        Assert.Empty(newCodes.Intersect(oldCodes));
        RecoveryCodeIssueTests.AssertShowOncePage(show);
        Assert.Empty(ListedCodes(await client.GetAsync(show.Uri.PathAndQuery)));
        AssertOn(await client.SubmitAsync(show, new Dictionary<string, string> { ["Saved"] = "true" }), ManageCodesPath);

        using var scope = Factory.Services.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<RecoveryCodeStore>();
        Assert.Equal(RecoveryCodeResult.Rejected, await store.TryRedeemAsync(user.Id, oldCodes[0]));
        Assert.Equal(RecoveryCodeResult.Accepted, await store.TryRedeemAsync(user.Id, newCodes[0]));
        var generated = (await EventsAsync(Factory, user.Id)).Last(row => row.Kind == SecurityEventKinds.RecoveryCodesGenerated);
        Assert.Null(generated.ActorId);
        Assert.Contains("requested by the user", generated.Detail);
    }

    [Fact]
    public async Task Generate_WithWrongPassword_IsRefusedAndCountsTowardTheLockout()
    {
        var (user, device, oldCodes) = await UserWithCodesAsync(Factory);
        using var client = fixture.CreateClient();
        await SignInWithOtpAsync(Factory, client, user, device);
        var page = await client.GetAsync(ManageCodesPath);

        var refused = await client.SubmitAsync(page, new Dictionary<string, string> { ["Input.Password"] = "not-the-password" });

        AssertOn(refused, ManageCodesPath);
        Assert.Contains("password is not correct", AlertText(refused));
        Assert.Equal(1, (await ReadUserAsync(Factory, user.Id)).AccessFailedCount);
        for (var attempt = 2; attempt <= 5; attempt++)
        {
            refused = await client.SubmitAsync(refused, new Dictionary<string, string> { ["Input.Password"] = "not-the-password" });
        }

        Assert.Contains("locked", AlertText(refused));
        Assert.NotNull((await ReadUserAsync(Factory, user.Id)).LockoutEnd);
        using var scope = Factory.Services.CreateScope();
        Assert.Equal(RecoveryCodeResult.Accepted, await scope.ServiceProvider.GetRequiredService<RecoveryCodeStore>().TryRedeemAsync(user.Id, oldCodes[0]));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Generate_WithoutPassword_AsksForIt(string password)
    {
        var (user, device, _) = await UserWithCodesAsync(Factory);
        using var client = fixture.CreateClient();
        await SignInWithOtpAsync(Factory, client, user, device);
        var page = await client.GetAsync(ManageCodesPath);

        var answer = await client.SubmitAsync(page, new Dictionary<string, string> { ["Input.Password"] = password });

        AssertOn(answer, ManageCodesPath);
        Assert.Contains("Enter your password", AlertText(answer));
    }

    [Fact]
    public async Task Section_WithoutDevice_OffersNoCodes()
    {
        var user = await CreateUserAsync(Factory);
        using var client = fixture.CreateClient();
        await SignInSteps.SubmitPasswordAsync(client, await client.GetAsync(LoginPath), user.Email, user.Password);
        var withToken = await client.GetAsync("/Manage/ChangePassword");

        var page = await client.GetAsync(ManageCodesPath);
        AssertOn(page, ManageCodesPath);
        Assert.NotNull(page.Document.QuerySelector("#recovery-codes-no-device"));
        Assert.Null(page.Document.QuerySelector("input[name='Input.Password']"));

        var forged = await PostWithTokenOfAsync(client, withToken, ManageCodesPath, new Dictionary<string, string> { ["Input.Password"] = user.Password });
        AssertOn(forged, ManageCodesPath);
        Assert.Contains("Add an authenticator app first", AlertText(forged));
        Assert.Empty(await RowsAsync(Factory, user.Id));
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
