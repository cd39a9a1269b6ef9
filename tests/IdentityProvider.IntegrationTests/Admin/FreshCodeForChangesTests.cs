using IdentityProvider.Auditing;
using IdentityProvider.Testing;
using IdentityProvider.Testing.Pages;
using IdentityProvider.Testing.Pages.Admin;
using IdentityProvider.Testing.Stories;
using IdentityProvider.Users;

namespace IdentityProvider.IntegrationTests.Admin;

/// <summary>A provider of its own: these tests move the clock past the 15 minutes a code is fresh for.</summary>
public sealed class FreshCodeFixture : ProviderFixture;

/// <summary>
/// The admin area asks for a fresh one-time password before a change when the last one is older than 15 minutes,
/// and refuses entry altogether after 12 hours: for an administrator and a user-manager alike.
/// </summary>
public class FreshCodeForChangesTests(FreshCodeFixture provider) : IClassFixture<FreshCodeFixture>
{
    [Theory]
    [InlineData(ProviderRoles.Administrator)]
    [InlineData(ProviderRoles.UserManager)]
    public async Task Change_SecondStepOlderThan15Minutes_AsksForAFreshCodeFirst_ThenTheChangeGoesThrough(string role)
    {
        var (client, _, device) = await UserStories.SignedInWithRoleAsync(provider, role);
        using var _ = client;
        var user = await UserStories.CreateUserAsync(provider.Factory);
        provider.Factory.Clock.Advance(TimeSpan.FromMinutes(16));

        var tab = await AdminUserTwoStepPage.OpenAsync(client, user.Id);
        var confirm = (await tab.SuspendAsync("3", "lost phone")).As<AdminConfirmPage>();

        Assert.False((await provider.Factory.ReadUserAsync(user.Id)).TwoStepDisabledUntil.HasValue, "The change went through without a fresh code.");

        // A wrong code is refused (and counted), the right one leads back to the tab, where the change now works.
        var wrong = (await confirm.ConfirmAsync(device.WrongTotp(provider.Factory.Clock))).As<AdminConfirmPage>();
        Assert.Contains("not correct", wrong.Alerts, StringComparison.Ordinal);
        var back = (await wrong.ConfirmAsync(device.TotpNow(provider.Factory.Clock))).As<AdminUserTwoStepPage>();
        (await back.SuspendAsync("3", "lost phone")).As<AdminUserTwoStepPage>();
        Assert.True((await provider.Factory.ReadUserAsync(user.Id)).TwoStepDisabledUntil.HasValue);
        Assert.Contains(await provider.Factory.SecurityEventsAsync(user.Id),
            row => row.Kind == SecurityEventKinds.TwoStepSuspended);
    }

    [Theory]
    [InlineData(ProviderRoles.Administrator)]
    [InlineData(ProviderRoles.UserManager)]
    public async Task AdminArea_SecondStepOlderThan12Hours_IsRefused(string role)
    {
        var (client, _, _) = await UserStories.SignedInWithRoleAsync(provider, role);
        using var _ = client;
        Assert.True((await AdminUsersPage.OpenAsync(client)).Is<AdminUsersPage>());

        provider.Factory.Clock.Advance(TimeSpan.FromHours(12) + TimeSpan.FromMinutes(1));

        Assert.False((await AdminUsersPage.OpenAsync(client)).Is<AdminUsersPage>());
    }
}
