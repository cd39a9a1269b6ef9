using IdentityProvider.Data.Entities;
using IdentityProvider.RecoveryCodes;
using IdentityProvider.Testing.Pages;
using IdentityProvider.TwoStep;
using IdentityProvider.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace IdentityProvider.Testing.Stories;

/// <summary>
/// The steps tests start from, composed of page objects and the provider's own services: create a user,
/// enrol a device, generate recovery codes, sign in with one or two steps.
/// </summary>
public static class UserStories
{
    /// <summary>The length of one TOTP step.</summary>
    public static readonly TimeSpan Step = TimeSpan.FromSeconds(30);

    /// <summary>Longer than the session cookie's 10 hours, far shorter than the 30 days a browser is remembered.</summary>
    public static readonly TimeSpan PastSessionLifetime = TimeSpan.FromHours(11);

    /// <summary>The provider session cookie's name.</summary>
    public const string SessionCookie = "idp.session";

    /// <summary>The web client's authorize request (confidential, implicit consent), as a relying party builds it.</summary>
    public static AuthorizationRequest WebRequest(IReadOnlyDictionary<string, string>? extra = null) =>
        new("web", TestData.WebRedirectUri, "openid profile email offline_access roles") { Extra = extra ?? new Dictionary<string, string>() };

    /// <summary>Signs Alice (seeded, role admin, no device) in at the web client and exchanges the code.</summary>
    public static async Task<TokenResponse> AliceTokensAsync(ProviderClient client, AuthorizationRequest? request = null)
    {
        request ??= WebRequest();
        var page = await (await LoginPage.OpenAsync(client, request)).SignInAsync("alice@example.com", TestData.AlicePassword);
        return await TokenResponse.ExchangeCodeAsync(client.Http, request, page.Code, TestData.WebSecret);
    }

    /// <param name="email">The address; a new unique one when null (an upstream and a local account may share one).</param>
    public static async Task<TestUser> CreateUserAsync(ProviderFactory factory, string? role = null, string displayName = "Test Person", string? email = null)
    {
        email ??= $"user-{Guid.NewGuid():N}@example.com";
        var password = $"pw-{Guid.NewGuid():N}";
        SuiteSecrets.Remember(SuiteSecrets.Password, password);
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = displayName,
            CreatedAt = factory.Clock.GetUtcNow(),
        };
        var created = await users.CreateAsync(user, password);
        Xunit.Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(error => error.Description)));
        if (role is not null)
        {
            var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }

            Xunit.Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        }

        return new TestUser(user.Id, email, password);
    }

    /// <summary>
    /// Enrols and confirms a TOTP device at the current step through the provider's service, then moves the clock
    /// two steps on, so the step before and the step of "now" were never spent by the enrolment.
    /// </summary>
    public static async Task<TestDevice> EnrolTotpAsync(ProviderFactory factory, string userId, string name = "Phone")
    {
        using var scope = factory.Services.CreateScope();
        var devices = scope.ServiceProvider.GetRequiredService<OtpDevices>();
        var (device, secret) = await devices.BeginEnrolmentAsync(userId, name, OtpParameters.DefaultTotp);
        var testDevice = new TestDevice(device.Id, secret, OtpParameters.DefaultTotp);
        Xunit.Assert.True(await devices.ConfirmEnrolmentAsync(userId, device.Id, testDevice.TotpNow(factory.Clock), null), "TOTP enrolment was not confirmed.");
        factory.Clock.Advance(2 * Step);
        return testDevice;
    }

    /// <summary>Enrols and confirms an HOTP device with the codes of counters 0 and 1: the next counter is 2.</summary>
    public static async Task<TestDevice> EnrolHotpAsync(ProviderFactory factory, string userId, string name = "Token")
    {
        using var scope = factory.Services.CreateScope();
        var devices = scope.ServiceProvider.GetRequiredService<OtpDevices>();
        var (device, secret) = await devices.BeginEnrolmentAsync(userId, name, OtpParameters.DefaultHotp);
        var testDevice = new TestDevice(device.Id, secret, OtpParameters.DefaultHotp);
        Xunit.Assert.True(await devices.ConfirmEnrolmentAsync(userId, device.Id, testDevice.HotpAt(0), testDevice.HotpAt(1)), "HOTP enrolment was not confirmed.");
        return testDevice;
    }

    /// <summary>A new set of recovery codes generated by the provider's store (not through a page).</summary>
    public static async Task<IReadOnlyList<string>> GenerateRecoveryCodesAsync(ProviderFactory factory, string userId)
    {
        var codes = await factory.WithServiceAsync<RecoveryCodeStore, IReadOnlyList<string>>(store => store.GenerateAsync(userId));
        SuiteSecrets.RememberRecoveryCodes(codes);
        return codes;
    }

    /// <summary>A user with a TOTP device and a set of recovery codes.</summary>
    public static async Task<(TestUser User, TestDevice Device, IReadOnlyList<string> Codes)> UserWithRecoveryCodesAsync(ProviderFactory factory, string? role = null)
    {
        var user = await CreateUserAsync(factory, role);
        var device = await EnrolTotpAsync(factory, user.Id);
        return (user, device, await GenerateRecoveryCodesAsync(factory, user.Id));
    }

    /// <summary>Opens the relying party's authorize URL and submits the password; where that leads (OTP step, enrolment, the relying party).</summary>
    public static async Task<ProviderPage> SignInWithPasswordAsync(ProviderClient client, AuthorizationRequest request, TestUser user) =>
        await (await LoginPage.OpenAsync(client, request)).SignInAsync(user.Email, user.Password);

    /// <summary>Signs in at the sign-in page itself (no relying party) with the password alone; where that leads.</summary>
    public static async Task<ProviderPage> SignInWithPasswordAsync(ProviderClient client, string email, string password) =>
        await (await LoginPage.OpenAsync(client)).SignInAsync(email, password);

    /// <summary>The password at the authorize request, then the OTP page (asserted).</summary>
    public static Task<TwoStepPage> PasswordToOtpPageAsync(ProviderClient client, AuthorizationRequest request, TestUser user) =>
        SignInWithPasswordAsync(client, request, user).As<TwoStepPage>();

    /// <summary>
    /// Signs in with both steps, at the relying party's request or (when <paramref name="request"/> is null) at
    /// the sign-in page; the clock moves one step first so the code is fresh. Where that leads.
    /// </summary>
    public static async Task<ProviderPage> SignInWithTwoStepsAsync(ProviderFactory factory, ProviderClient client, TestUser user, TestDevice device, AuthorizationRequest? request = null)
    {
        var login = request is null ? await LoginPage.OpenAsync(client) : await LoginPage.OpenAsync(client, request);
        var otp = await login.SignInAsync(user.Email, user.Password).As<TwoStepPage>();
        factory.Clock.Advance(Step);
        return await otp.SubmitCodeAsync(device.TotpNow(factory.Clock));
    }

    /// <summary>A new administrator with a device, signed in with both steps (the admin area demands them).</summary>
    public static async Task<(ProviderClient Client, TestUser Admin)> SignedInAdminAsync(ProviderFixture fixture)
    {
        var (client, admin, _) = await SignedInAdminWithDeviceAsync(fixture);
        return (client, admin);
    }

    /// <summary>The same, with the administrator's device (to confirm a change with a fresh code).</summary>
    public static Task<(ProviderClient Client, TestUser Admin, TestDevice Device)> SignedInAdminWithDeviceAsync(ProviderFixture fixture) =>
        SignedInWithRoleAsync(fixture, ProviderRoles.Administrator);

    /// <summary>A new user-manager (the user-manager role and a TOTP device) signed in with both steps: the user pages of the admin area open.</summary>
    public static async Task<(ProviderClient Client, TestUser Manager)> SignedInUserManagerAsync(ProviderFixture fixture)
    {
        var (client, manager, _) = await SignedInWithRoleAsync(fixture, ProviderRoles.UserManager);
        return (client, manager);
    }

    /// <summary>A new user with <paramref name="role"/> and a TOTP device, signed in with both steps (at the account page).</summary>
    public static async Task<(ProviderClient Client, TestUser User, TestDevice Device)> SignedInWithRoleAsync(ProviderFixture fixture, string role)
    {
        var user = await CreateUserAsync(fixture.Factory, role: role);
        var device = await EnrolTotpAsync(fixture.Factory, user.Id);
        var client = fixture.CreateClient();
        (await SignInWithTwoStepsAsync(fixture.Factory, client, user, device)).As<ManagePage>();
        return (client, user, device);
    }

    /// <summary>A new user signed in with the password at the account page (the account pages need no second step).</summary>
    public static async Task<(TestUser User, ProviderClient Client)> SignedInUserAsync(ProviderFixture fixture, string? role = null)
    {
        var user = await CreateUserAsync(fixture.Factory, role);
        var client = fixture.CreateClient();
        (await SignInWithPasswordAsync(client, user.Email, user.Password)).As<ManagePage>();
        return (user, client);
    }

    /// <summary>The relying party got a code: exchanges it for the web client's tokens, checking state and the answer.</summary>
    public static async Task<TokenResponse> ExchangeCodeAsync(ProviderClient client, AuthorizationRequest request, ProviderPage redirect)
    {
        Xunit.Assert.True(redirect.ExternalRedirect?.ToString().StartsWith(request.RedirectUri, StringComparison.Ordinal) == true,
            $"Expected a redirect to the relying party, but ended on {redirect.Uri} ({(int)redirect.Status}): {redirect.Text.Trim()}");
        Xunit.Assert.Equal(request.State, redirect.RedirectQuery["state"]);
        var tokens = await TokenResponse.ExchangeCodeAsync(client.Http, request, redirect.Code, TestData.WebSecret);
        Xunit.Assert.True(tokens.Status == System.Net.HttpStatusCode.OK, $"Token exchange failed: {tokens.Json}");
        return tokens;
    }
}
