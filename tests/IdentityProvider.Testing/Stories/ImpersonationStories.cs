using IdentityProvider.Testing.Pages;
using IdentityProvider.Testing.Pages.Admin;

namespace IdentityProvider.Testing.Stories;

/// <summary>
/// An administrator in a session opened as a user: the administrator's browser (<see cref="Client"/>) now holds the
/// user's session, at the user's account page.
/// </summary>
public sealed record Impersonation(ProviderClient Client, TestUser Admin, TestDevice AdminDevice, TestUser User, ManagePage Landing) : IDisposable
{
    public void Dispose() => Client.Dispose();
}

public static class ImpersonationStories
{
    public const string Reason = "Ticket 4711: the user cannot find the token page";

    /// <summary>A new administrator signs in with both steps and signs in as a new user (with <paramref name="role"/>), giving <see cref="Reason"/>.</summary>
    public static async Task<Impersonation> AdministratorSignsInAsUserAsync(ProviderFixture fixture, string? role = null)
    {
        var (client, admin, device) = await UserStories.SignedInAdminWithDeviceAsync(fixture);
        var user = await UserStories.CreateUserAsync(fixture.Factory, role, displayName: "Ivan Petrov");
        var landing = await (await AdminSignInAsPage.OpenAsync(client, user.Id)).SignInAsAsync(Reason);
        return new Impersonation(client, admin, device, user, landing.As<ManagePage>());
    }
}
