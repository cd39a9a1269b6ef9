using IdentityProvider.Admin.Policy;
using IdentityProvider.Localization;
using IdentityProvider.Testing;
using IdentityProvider.Testing.Pages;
using IdentityProvider.Testing.Stories;

namespace IdentityProvider.IntegrationTests.Passkeys;

/// <summary>A provider whose policy requires passkeys of the "finance" role, with a 7-day grace period.</summary>
public sealed class PasskeyRequirementFixture : PasskeyFixture;

/// <summary>
/// The policy's "passkey required for roles": a member with a passkey is asked for it alone at every sign-in (acr
/// <c>phr</c>), as acr_values=phr asks; a member without one is told on the account page until the grace period ends,
/// then sent to add one before any application gets tokens; other roles are not touched.
/// </summary>
public sealed class PasskeyRequirementTests(PasskeyRequirementFixture fixture) : IClassFixture<PasskeyRequirementFixture>, IAsyncLifetime
{
    private const string Role = "finance";

    private ProviderFactory Factory => fixture.Factory;

    public async Task InitializeAsync()
    {
        var result = await Factory.WithServiceAsync<PolicyAdministration, ChangeResult>(
            administration => administration.SaveAsync(administration.Current with { PasskeyRequiredForRoles = [Role], GracePeriodDays = 7 }, null, "test"));
        Assert.Equal(ChangeOutcome.Done, result.Outcome);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task AMemberWithAPasskey_IsAskedForItAlone_AndTheTokensSayPhr()
    {
        var user = await UserStories.CreateUserAsync(Factory, Role);
        await UserStories.EnrolTotpAsync(Factory, user.Id);
        using var passkey = await PasskeyStories.AddPasskeyAsync(Factory, user.Id, PasskeyFixture.Origin);
        using var client = fixture.CreateClient();
        var request = UserStories.WebRequest();

        var secondStep = await UserStories.PasswordToOtpPageAsync(client, request, user);
        Assert.True(secondStep.SaysPasskeyDemanded);
        Assert.False(secondStep.OffersCode);
        var tokens = await UserStories.ExchangeCodeAsync(client, request, await secondStep.UsePasskeyAsync(options => passkey.Get(options)));

        Assert.Equal("phr", tokens.Acr);
    }

    [Fact]
    public async Task AMemberWithoutOne_IsToldDuringTheGracePeriod_ThenMustAddOneBeforeTheApplication()
    {
        var user = await UserStories.CreateUserAsync(Factory, Role);
        var device = await UserStories.EnrolTotpAsync(Factory, user.Id);
        using var client = fixture.CreateClient();

        var overview = (await UserStories.SignInWithTwoStepsAsync(Factory, client, user, device)).As<ManagePage>();
        Assert.True(overview.SaysPasskeyRequired);
        var request = UserStories.WebRequest();
        await UserStories.ExchangeCodeAsync(client, request, await client.GetAsync(request.ToUrl()));

        Factory.Clock.Advance(TimeSpan.FromDays(8));
        var later = UserStories.WebRequest();
        var passkeys = (await UserStories.SignInWithTwoStepsAsync(Factory, client, user, device, later)).As<PasskeysPage>();
        Assert.True(passkeys.SaysPasskeyDemanded);
        using var passkey = new TestPasskey(PasskeyFixture.Origin);
        var confirm = (await passkeys.AddAsync(passkey)).As<TwoStepPage>();
        var tokens = await UserStories.ExchangeCodeAsync(client, later, await confirm.UsePasskeyAsync(options => passkey.Get(options)));

        Assert.Equal("phr", tokens.Acr);
    }

    [Fact]
    public async Task OtherRoles_AreNotAskedForAPasskey()
    {
        var user = await UserStories.CreateUserAsync(Factory, "sales");
        var device = await UserStories.EnrolTotpAsync(Factory, user.Id);
        using var passkey = await PasskeyStories.AddPasskeyAsync(Factory, user.Id, PasskeyFixture.Origin);
        using var client = fixture.CreateClient();

        var secondStep = await UserStories.PasswordToOtpPageAsync(client, UserStories.WebRequest(), user);
        var overview = (await UserStories.SignInWithTwoStepsAsync(Factory, fixture.CreateClient(), user, device)).As<ManagePage>();

        Assert.True(secondStep.OffersCode);
        Assert.False(overview.SaysPasskeyRequired);
    }
}
