using System.Net;
using IdentityProvider.Testing;
using OtpNet;
using static IdentityProvider.IntegrationTests.RecoveryCodes.RecoveryCodeSteps;

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
        var (user, _, _) = await UserWithCodesAsync(Factory);
        using var client = fixture.CreateClient();

        var otp = await PasswordAsync(client, SignInSteps.WebRequest(), user);

        AssertOn(otp, OtpPath);
        Assert.DoesNotContain(otp.Document.QuerySelectorAll("a"), link => link.TextContent.Contains("recovery code", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task RecoveryCodePage_RefusesAValidCodeAndLeavesItUnspent()
    {
        var (user, _, codes) = await UserWithCodesAsync(Factory);
        using var client = fixture.CreateClient();
        var otp = await PasswordAsync(client, SignInSteps.WebRequest(), user);
        var page = await client.GetAsync(RecoveryCodePath);
        AssertOn(page, RecoveryCodePath);
        Assert.Null(page.Document.QuerySelector("input[name='Input.Code']"));
        Assert.Contains("turned off", AlertText(page));

        var forged = await PostWithTokenOfAsync(client, otp, RecoveryCodePath, new Dictionary<string, string> { ["Input.Code"] = codes[0] });

        Assert.Null(forged.ExternalRedirect);
        AssertOn(forged, RecoveryCodePath);
        Assert.Contains("turned off", AlertText(forged));
        Assert.All(await RowsAsync(Factory, user.Id), row => Assert.Null(row.SpentAt));
        Assert.Equal(0, (await ReadUserAsync(Factory, user.Id)).AccessFailedCount);
    }

    [Fact]
    public async Task AccountPage_HasNoRecoveryCodeSection()
    {
        var (user, device, _) = await UserWithCodesAsync(Factory);
        using var client = fixture.CreateClient();

        var account = await SignInWithOtpAsync(Factory, client, user, device);

        AssertOn(account, "/Manage");
        Assert.DoesNotContain(account.Document.QuerySelectorAll("a"), link => link.TextContent.Trim() == "Recovery codes");
        var response = await client.Http.GetAsync(ManageCodesPath);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task FirstDevice_BringsNoCodes()
    {
        var user = await CreateUserAsync(Factory);
        using var client = fixture.CreateClient();
        await SignInSteps.SubmitPasswordAsync(client, await client.GetAsync(LoginPath), user.Email, user.Password);
        var add = await client.GetAsync("/Manage/TwoStep/Add");
        var scan = await client.SubmitAsync(add, new Dictionary<string, string> { ["Enrolment.Name"] = "Phone" }, formSelector: "form[action*='handler=Begin']");
        var secret = Base32Encoding.ToBytes(scan.Document.QuerySelector("#otp-secret")!.TextContent.Replace(" ", ""));
        Factory.Clock.Advance(Step);

        var next = await client.SubmitAsync(scan, new Dictionary<string, string> { ["Enrolment.FirstCode"] = new Totp(secret).ComputeTotp(Factory.Clock.GetUtcNow().UtcDateTime) },
            formSelector: "form[action*='handler=Confirm']");

        AssertOn(next, "/Manage/TwoStep");
        Assert.Empty(await RowsAsync(Factory, user.Id));
    }

    [Fact]
    public async Task AdminTab_OffersNoCodesAndRefusesAForgedRequest()
    {
        var (user, _, _) = await UserWithCodesAsync(Factory);
        var before = (await RowsAsync(Factory, user.Id)).Select(row => row.Id).Order().ToList();
        var (adminClient, _) = await Admin.AdminSteps.SignedInAdminAsync(fixture);
        using var client = adminClient;

        var tab = await Admin.AdminSteps.TwoStepTabAsync(client, user.Id);
        Assert.Null(tab.Document.QuerySelector("form#generate-codes"));
        var forged = await PostWithTokenOfAsync(client, tab, Admin.AdminSteps.TwoStepPath(user.Id) + "?handler=Generate", new Dictionary<string, string>());

        Assert.Contains("turned off", AlertText(forged));
        Assert.Empty(ListedCodes(forged));
        Assert.Equal(before, (await RowsAsync(Factory, user.Id)).Select(row => row.Id).Order().ToList());
    }
}
