using System.Net;
using IdentityProvider.Admin.Policy;
using IdentityProvider.Localization;
using IdentityProvider.Policy;
using IdentityProvider.Testing;
using IdentityProvider.Testing.Pages;
using IdentityProvider.Testing.Stories;

namespace IdentityProvider.IntegrationTests.Passkeys;

/// <summary>A provider whose policy each test sets: passkeys off, or the second step only.</summary>
public sealed class PasskeyPolicyFixture : PasskeyFixture;

/// <summary>
/// What the policy's passkey choice does to the pages: "second step only" removes the passwordless button and autofill
/// (and refuses a forged request for its options); "off" stops asking for passkeys and adding them, keeping those added.
/// </summary>
public sealed class PasskeyPolicyTests(PasskeyPolicyFixture fixture) : IClassFixture<PasskeyPolicyFixture>
{
    private ProviderFactory Factory => fixture.Factory;

    [Fact]
    public async Task SecondStepOnly_NoPasswordlessSignIn_ButThePasskeyStillFollowsThePassword()
    {
        await SetAsync(PasskeyUse.SecondStep);
        var user = await UserStories.CreateUserAsync(Factory);
        using var passkey = await PasskeyStories.AddPasskeyAsync(Factory, user.Id, PasskeyFixture.Origin);
        using var client = fixture.CreateClient();

        var login = await LoginPage.OpenAsync(client);
        Assert.False(login.OffersPasskey);
        Assert.False(login.OffersPasskeyAutofill);
        Assert.Equal(HttpStatusCode.NotFound, await login.ForgePasskeyOptionsAsync());

        var request = UserStories.WebRequest();
        var secondStep = await UserStories.PasswordToOtpPageAsync(client, request, user);
        var tokens = await UserStories.ExchangeCodeAsync(client, request, await secondStep.UsePasskeyAsync(options => passkey.Get(options)));
        Assert.Equal(["pwd", "hwk", "mfa"], tokens.Amr);
    }

    [Fact]
    public async Task Off_PasskeysAreNeitherAskedForNorAdded_ButStayListed()
    {
        await SetAsync(PasskeyUse.Off);
        var withDevice = await UserStories.CreateUserAsync(Factory);
        await UserStories.EnrolTotpAsync(Factory, withDevice.Id);
        using var deviceUsersPasskey = await PasskeyStories.AddPasskeyAsync(Factory, withDevice.Id, PasskeyFixture.Origin);
        var passkeyOnly = await UserStories.CreateUserAsync(Factory);
        using var onlyPasskey = await PasskeyStories.AddPasskeyAsync(Factory, passkeyOnly.Id, PasskeyFixture.Origin);
        using var client = fixture.CreateClient();
        using var other = fixture.CreateClient();

        var secondStep = await UserStories.PasswordToOtpPageAsync(client, UserStories.WebRequest(), withDevice);
        var signedIn = (await UserStories.SignInWithPasswordAsync(other, passkeyOnly.Email, passkeyOnly.Password)).As<ManagePage>();
        var passkeys = await signedIn.OpenPasskeysAsync();

        Assert.False(secondStep.OffersPasskey);
        Assert.True(secondStep.OffersCode);
        Assert.Equal("Off", signedIn.TwoStepState);
        Assert.False(passkeys.OffersAdding);
        Assert.Equal([onlyPasskey.Id], passkeys.PasskeyIds);
    }

    private async Task SetAsync(PasskeyUse use)
    {
        var result = await Factory.WithServiceAsync<PolicyAdministration, ChangeResult>(
            administration => administration.SaveAsync(administration.Current with { Passkeys = use }, null, "test"));
        Assert.Equal(ChangeOutcome.Done, result.Outcome);
    }
}
