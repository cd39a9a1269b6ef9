using IdentityProvider.Auditing;
using IdentityProvider.Policy;
using IdentityProvider.Testing;
using IdentityProvider.Testing.Pages;
using IdentityProvider.Testing.Pages.Admin;
using IdentityProvider.Testing.Stories;

namespace IdentityProvider.IntegrationTests.Impersonation;

/// <summary>A provider as configured outside Development: nobody may sign in as a user until the policy allows it.</summary>
public sealed class SignInAsOffFixture : ProviderFixture;

public class SignInAsPolicyTests(SignInAsOffFixture provider) : IClassFixture<SignInAsOffFixture>
{
    [Fact]
    public async Task OffByDefault_NothingOffered_AForgedRequestRefused_UntilThePolicyPageTurnsItOn()
    {
        var (client, _) = await UserStories.SignedInAdminAsync(provider);
        using var _ = client;
        var user = await UserStories.CreateUserAsync(provider.Factory);

        Assert.False((await AdminUserPage.OpenAsync(client, user.Id)).OffersSignInAs);
        var page = await AdminSignInAsPage.OpenAsync(client, user.Id);
        Assert.Equal("The policy does not allow administrators to sign in as a user.", page.NotOffered);
        var refused = (await AdminSignInAsPage.ForgeAsync(page, user.Id, "support call")).As<AdminSignInAsPage>();
        Assert.Contains("The policy does not allow", refused.Alerts, StringComparison.Ordinal);
        Assert.DoesNotContain(await provider.Factory.SecurityEventsAsync(user.Id), row => row.Kind == SecurityEventKinds.ImpersonationStarted);

        var policy = await AdminPolicyPage.OpenAsync(client);
        Assert.False(policy.IsChecked(nameof(ProviderPolicy.SignInAsUserAllowed)));
        var saved = (await policy.SaveAsync(new Dictionary<string, string> { [nameof(ProviderPolicy.SignInAsUserAllowed)] = "true" })).As<AdminPolicyPage>();
        Assert.True(saved.IsChecked(nameof(ProviderPolicy.SignInAsUserAllowed)));

        Assert.True((await AdminUserPage.OpenAsync(client, user.Id)).OffersSignInAs);
        (await (await AdminSignInAsPage.OpenAsync(client, user.Id)).SignInAsAsync("support call")).As<ManagePage>();
    }
}
