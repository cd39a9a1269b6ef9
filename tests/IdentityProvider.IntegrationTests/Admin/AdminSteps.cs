using IdentityProvider.IntegrationTests.RecoveryCodes;
using IdentityProvider.Testing;
using static IdentityProvider.IntegrationTests.RecoveryCodes.RecoveryCodeSteps;

namespace IdentityProvider.IntegrationTests.Admin;

/// <summary>An administrator signed in with both steps, and the pages of a user's two-step tab.</summary>
internal static class AdminSteps
{
    public const string UsersPath = "/admin/users";

    public static string TwoStepPath(string userId) => $"/admin/users/{Uri.EscapeDataString(userId)}/two-step";

    /// <summary>A new user with the admin role and a device, signed in with password and one-time password.</summary>
    public static async Task<(ProviderClient Client, CodeUser Admin)> SignedInAdminAsync(ProviderFixture fixture)
    {
        var admin = await CreateUserAsync(fixture.Factory, role: "admin");
        var device = await EnrolTotpAsync(fixture.Factory, admin.Id);
        var client = fixture.CreateClient();
        AssertOn(await SignInWithOtpAsync(fixture.Factory, client, admin, device), "/Manage");
        return (client, admin);
    }

    public static async Task<ProviderPage> TwoStepTabAsync(ProviderClient client, string userId)
    {
        var page = await client.GetAsync(TwoStepPath(userId));
        AssertOn(page, TwoStepPath(userId));
        return page;
    }

    public static Task<ProviderPage> SuspendAsync(ProviderClient client, ProviderPage tab, string? days, string reason) =>
        client.SubmitAsync(tab, days is null
                ? new Dictionary<string, string> { ["Suspend.Duration"] = "indefinitely", ["Suspend.Reason"] = reason }
                : new Dictionary<string, string> { ["Suspend.Duration"] = "days", ["Suspend.Days"] = days, ["Suspend.Reason"] = reason },
            formSelector: "form#suspend");
}
