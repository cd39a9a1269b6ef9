using IdentityProvider.Auditing;
using IdentityProvider.Testing;
using IdentityProvider.Testing.Pages;
using IdentityProvider.Testing.Stories;
using static IdentityProvider.IntegrationTests.ExternalSignIn.ExternalSignInFixture;

namespace IdentityProvider.IntegrationTests.ExternalSignIn;

/// <summary>
/// Sign-in through an upstream OpenID Connect provider (a second instance of this provider, over real HTTP): the upstream
/// replaces the password step, never the OTP step; accounts are linked by a proof of the local account, never by the
/// address alone; denials, bad states and a dead upstream end on the sign-in page with a message.
/// </summary>
public sealed class ExternalSignInTests(ExternalSignInFixture fixture) : IClassFixture<ExternalSignInFixture>
{
    private ProviderFactory Factory => fixture.Factory;

    private UpstreamProvider Upstream => fixture.Upstream;

    [Fact]
    public async Task SignInPage_OffersAButtonPerProvider()
    {
        using var client = fixture.CreateClient();

        var login = await LoginPage.OpenAsync(client, UserStories.WebRequest());

        Assert.Equal([$"Sign in with {CorpName}", $"Sign in with {PartnerName}", $"Sign in with {DownName}"], login.ExternalButtons);
    }

    [Fact]
    public async Task UnknownPerson_RegistrationOff_TheSignInPageSaysSo_NothingCreated()
    {
        var person = await UserStories.CreateUserAsync(Upstream.Factory);
        using var client = fixture.CreateClient();

        var answer = await ExternalSignInStories.SignInThroughUpstreamAsync(client, Upstream, CorpName, person).As<LoginPage>();

        Assert.Contains("No account here belongs", answer.ErrorText);
        Assert.False(await Factory.QueryAsync(db => Task.FromResult(db.Users.Any(user => user.Email == person.Email))));
        Assert.NotEmpty(await Factory.SecurityEventsOfKindAsync(SecurityEventKinds.ExternalSignInRefused));
    }

    [Fact]
    public async Task UnknownPerson_RegistrationOn_ANewUserWithoutPassword_AmrFed_TheRelyingPartysRequestSurvives()
    {
        var person = await UserStories.CreateUserAsync(Upstream.Factory, displayName: "Paula Partner");
        using var client = fixture.CreateClient();
        var request = UserStories.WebRequest();

        var tokens = await UserStories.ExchangeCodeAsync(client, request,
            await ExternalSignInStories.SignInThroughUpstreamAsync(client, Upstream, PartnerName, person, request));

        Assert.Equal(["fed"], tokens.Amr);
        Assert.Equal("pwd", tokens.Acr);
        var created = await Factory.QueryAsync(db => Task.FromResult(db.Users.Single(user => user.Email == person.Email)));
        Assert.Equal("Paula Partner", created.DisplayName);
        Assert.Null(created.PasswordHash);
        // The second time the link is found: the same user, no second account.
        using var again = fixture.CreateClient();
        (await ExternalSignInStories.SignInThroughUpstreamAsync(again, Upstream, PartnerName, person)).As<ManagePage>();
        Assert.Equal(1, await Factory.QueryAsync(db => Task.FromResult(db.Users.Count(user => user.Email == person.Email))));
    }

    [Fact]
    public async Task SameAddressAsALocalAccount_ItsPasswordLinksThem_NeverTheAddressAlone()
    {
        var person = await UserStories.CreateUserAsync(Upstream.Factory);
        var local = await UserStories.CreateUserAsync(Factory, email: person.Email);
        using var client = fixture.CreateClient();

        var link = await ExternalSignInStories.SignInThroughUpstreamAsync(client, Upstream, CorpName, person).As<LinkExternalPage>();
        Assert.Empty(await Factory.QueryAsync(db => Task.FromResult(db.ExternalLogins.Where(row => row.UserId == local.Id).ToList())));
        var wrong = await link.LinkAsync("not-the-password").As<LinkExternalPage>();
        var linked = await wrong.LinkAsync(local.Password);

        Assert.Contains(person.Email, link.Explanation);
        Assert.Contains("not correct", wrong.Alerts);
        linked.As<ManagePage>();
        Assert.Contains(await Factory.SecurityEventsAsync(local.Id), row => row.Kind == SecurityEventKinds.ExternalLoginLinked);
        Assert.Contains(await Factory.SecurityEventsAsync(local.Id), row => row.Kind == SecurityEventKinds.PasswordFailed);
        // From now on the upstream alone signs in, as that user.
        using var later = fixture.CreateClient();
        var request = UserStories.WebRequest();
        var tokens = await UserStories.ExchangeCodeAsync(later, request,
            await ExternalSignInStories.SignInThroughUpstreamAsync(later, Upstream, CorpName, person, request));
        Assert.Equal(local.Id, tokens.IdTokenJwt.Subject);
        Assert.Equal(["fed"], tokens.Amr);
    }

    [Fact]
    public async Task LinkPage_AfterTheFreeAttempts_TheAddressWaits_EvenTheRightPasswordUnchecked()
    {
        var person = await UserStories.CreateUserAsync(Upstream.Factory);
        var local = await UserStories.CreateUserAsync(Factory, email: person.Email);
        using var client = fixture.CreateClient();
        var link = await ExternalSignInStories.SignInThroughUpstreamAsync(client, Upstream, CorpName, person).As<LinkExternalPage>();

        var second = await (await link.LinkAsync("not-the-password").As<LinkExternalPage>()).LinkAsync("still-not-the-password").As<LinkExternalPage>();
        var throttled = await second.LinkAsync(local.Password).As<LinkExternalPage>();

        Assert.Contains("Wait 1 seconds", throttled.Alerts);
        Assert.Equal(2, (await Factory.ReadUserAsync(local.Id)).AccessFailedCount);
        Assert.Contains(await Factory.SecurityEventsAsync(local.Id), row => row.Kind == SecurityEventKinds.SignInThrottled);
        Factory.Clock.Advance(TimeSpan.FromSeconds(1));
        (await throttled.LinkAsync(local.Password)).As<ManagePage>();
    }

    [Fact]
    public async Task LinkedUserWithADevice_TheOtpStepFollowsTheUpstream_WrongCodeRefused_AmrFedOtpMfa()
    {
        var (person, local, device) = await LinkedUserWithDeviceAsync();
        using var client = fixture.CreateClient();
        var request = UserStories.WebRequest();

        var otp = await ExternalSignInStories.SignInThroughUpstreamAsync(client, Upstream, CorpName, person, request).As<TwoStepPage>();
        var refused = await otp.SubmitCodeAsync(device.WrongTotp(Factory.Clock)).As<TwoStepPage>();
        Factory.Clock.Advance(UserStories.Step);
        var tokens = await UserStories.ExchangeCodeAsync(client, request, await refused.SubmitCodeAsync(device.TotpNow(Factory.Clock)));

        Assert.Contains("not correct", refused.Alerts);
        Assert.Equal(["fed", "otp", "mfa"], tokens.Amr);
        Assert.Equal("mfa", tokens.Acr);
        Assert.Equal(local.Id, tokens.IdTokenJwt.Subject);
        Assert.Contains(await Factory.SecurityEventsAsync(local.Id), row => row.Kind == SecurityEventKinds.SignInSucceeded && row.Detail!.StartsWith("external account and", StringComparison.Ordinal));
    }

    [Fact]
    public async Task LinkedUserWithADevice_NoCodeNoToken_TheRelyingPartyGetsNothingBeforeTheOtpStep()
    {
        var (person, _, _) = await LinkedUserWithDeviceAsync();
        using var client = fixture.CreateClient();
        var request = UserStories.WebRequest();

        var otp = await ExternalSignInStories.SignInThroughUpstreamAsync(client, Upstream, CorpName, person, request).As<TwoStepPage>();
        var reopened = await client.GetAsync(request.ToUrl());

        Assert.NotNull(otp);
        Assert.Null(reopened.ExternalRedirect);
    }

    [Fact]
    public async Task UpstreamDenies_BackToTheSignInPageWithAMessage_NothingLinkedOrCreated()
    {
        var person = await UserStories.CreateUserAsync(Upstream.Factory);
        using var client = fixture.CreateClient();
        var toUpstream = await (await LoginPage.OpenAsync(client)).SignInWithAsync(PartnerName);
        var state = System.Web.HttpUtility.ParseQueryString(toUpstream.ExternalRedirect!.Query)["state"];

        // What the upstream sends back when the person refuses (RFC 6749 4.1.2.1, with its issuer as RFC 9207 asks).
        var answer = await client.GetAsync(
            $"/signin/{Partner}/callback?error=access_denied&state={Uri.EscapeDataString(state!)}&iss={Uri.EscapeDataString(Upstream.AliasAddress.ToString())}").As<LoginPage>();

        Assert.Contains("did not work", answer.ErrorText);
        Assert.False(await Factory.QueryAsync(db => Task.FromResult(db.Users.Any(user => user.Email == person.Email))));
        Assert.Contains(await Factory.SecurityEventsOfKindAsync(SecurityEventKinds.ExternalSignInFailed), row => row.Detail!.Contains("access_denied"));
    }

    [Fact]
    public async Task ReplayedOrForgedState_Refused_NeverA500()
    {
        var (person, _, _) = await LinkedUserWithDeviceAsync();
        using var client = fixture.CreateClient();
        var login = await LoginPage.OpenAsync(client);
        var callback = await ExternalSignInStories.SignInAtUpstreamAsync(Upstream, await login.SignInWithAsync(CorpName), person);
        (await client.GetAsync(callback.PathAndQuery)).As<TwoStepPage>();

        using var attacker = fixture.CreateClient();
        var replayed = await attacker.GetAsync(callback.PathAndQuery).As<LoginPage>();
        var forged = await attacker.GetAsync($"/signin/{Corp}/callback?code=abc&state=forged-state").As<LoginPage>();

        Assert.Contains("did not work", replayed.ErrorText);
        Assert.Contains("did not work", forged.ErrorText);
    }

    [Fact]
    public async Task UpstreamUnreachable_TheSignInPageSaysSo()
    {
        using var client = fixture.CreateClient();

        var answer = await (await LoginPage.OpenAsync(client)).SignInWithAsync(DownName).As<LoginPage>();

        Assert.Contains("did not work", answer.ErrorText);
    }

    [Fact]
    public async Task Unlink_RefusedWhileItIsTheOnlyWayToSignIn_AllowedAfterSettingAPassword()
    {
        var person = await UserStories.CreateUserAsync(Upstream.Factory);
        using var client = fixture.CreateClient();
        (await ExternalSignInStories.SignInThroughUpstreamAsync(client, Upstream, PartnerName, person)).As<ManagePage>();
        var methods = await SignInMethodsPage.OpenAsync(client);
        Assert.StartsWith("You have no password", methods.PasswordText);
        Assert.Contains(PartnerName, Assert.Single(methods.LinkRows));

        var refused = await methods.UnlinkAsync(Partner).As<SignInMethodsPage>();
        var withPassword = await (await refused.SetPasswordAsync()).SetAsync("a-new-password-123").As<SignInMethodsPage>();
        var unlinked = await withPassword.UnlinkAsync(Partner).As<SignInMethodsPage>();

        Assert.Contains("only way to sign in", refused.Alerts);
        Assert.StartsWith("You have a password", withPassword.PasswordText);
        Assert.Empty(unlinked.LinkRows);
        var userId = await Factory.QueryAsync(db => Task.FromResult(db.Users.Single(user => user.Email == person.Email).Id));
        Assert.Contains(await Factory.SecurityEventsAsync(userId), row => row.Kind == SecurityEventKinds.ExternalLoginUnlinked);
        (await UserStories.SignInWithPasswordAsync(fixture.CreateClient(), person.Email, "a-new-password-123")).As<ManagePage>();
    }

    [Fact]
    public async Task LinkFromTheAccountPage_TheSessionProvesTheLocalAccount()
    {
        var person = await UserStories.CreateUserAsync(Upstream.Factory);
        var (local, client) = await UserStories.SignedInUserAsync(fixture);
        using var userClient = client;
        var methods = await SignInMethodsPage.OpenAsync(userClient);

        var callback = await ExternalSignInStories.SignInAtUpstreamAsync(Upstream, await methods.LinkAsync(CorpName), person);
        var linked = await userClient.GetAsync(callback.PathAndQuery).As<SignInMethodsPage>();

        Assert.Contains("is linked", linked.StatusMessage);
        Assert.Contains(person.Email, Assert.Single(linked.LinkRows));
        using var later = fixture.CreateClient();
        var request = UserStories.WebRequest();
        var tokens = await UserStories.ExchangeCodeAsync(later, request,
            await ExternalSignInStories.SignInThroughUpstreamAsync(later, Upstream, CorpName, person, request));
        Assert.Equal(local.Id, tokens.IdTokenJwt.Subject);
    }

    /// <summary>A local user with a TOTP device whose password linked the upstream account of the same address.</summary>
    private async Task<(TestUser Person, TestUser Local, TestDevice Device)> LinkedUserWithDeviceAsync()
    {
        var person = await UserStories.CreateUserAsync(Upstream.Factory);
        var local = await UserStories.CreateUserAsync(Factory, email: person.Email);
        var device = await UserStories.EnrolTotpAsync(Factory, local.Id);
        using var client = fixture.CreateClient();
        var link = await ExternalSignInStories.SignInThroughUpstreamAsync(client, Upstream, CorpName, person).As<LinkExternalPage>();
        (await link.LinkAsync(local.Password)).As<TwoStepPage>();
        return (person, local, device);
    }
}
