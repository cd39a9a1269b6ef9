using System.Net;
using System.Text.Json;
using AngleSharp.Html.Dom;
using IdentityProvider.Data;
using IdentityProvider.Data.Entities;
using IdentityProvider.Testing;
using IdentityProvider.TwoStep;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OtpNet;

namespace IdentityProvider.IntegrationTests.TwoStep;

/// <summary>A user created for one test, so no other test's devices, lockouts or remembered browsers touch it.</summary>
public sealed record TestUser(string Id, string Email, string Password);

/// <summary>
/// An active device enrolled through <see cref="OtpDevices"/>, with its secret so the test can play the
/// authenticator app: TOTP codes for any moment or step offset, HOTP codes for any counter.
/// </summary>
public sealed record TestDevice(Guid Id, byte[] Secret, OtpParameters Parameters)
{
    public string Base32Secret => Base32Encoding.ToString(Secret).TrimEnd('=');

    /// <summary>The TOTP code a device whose clock reads <paramref name="time"/> shows.</summary>
    public string TotpAt(DateTimeOffset time) =>
        new Totp(Secret, Parameters.PeriodSeconds, OtpHashMode.Sha1, Parameters.Digits).ComputeTotp(time.UtcDateTime);

    /// <summary>The code of a device whose clock runs <paramref name="stepOffset"/> steps ahead (+) or behind (-) of the provider's.</summary>
    public string TotpNow(TestClock clock, int stepOffset = 0) =>
        TotpAt(clock.GetUtcNow().AddSeconds((double)stepOffset * Parameters.PeriodSeconds));

    public string HotpAt(long counter) => new Hotp(Secret, OtpHashMode.Sha1, Parameters.Digits).ComputeHOTP(counter);

    /// <summary>A well-formed code that no step from -<paramref name="span"/> to +<paramref name="span"/> around now produces.</summary>
    public string WrongTotp(TestClock clock, int span = 3)
    {
        var valid = Enumerable.Range(-span, 2 * span + 1).Select(offset => TotpNow(clock, offset)).ToHashSet();
        return Enumerable.Range(0, 10).Select(digit => new string((char)('0' + digit), Parameters.Digits)).First(code => !valid.Contains(code));
    }
}

/// <summary>Users, devices, pages and tokens for the two-step integration tests.</summary>
internal static class TwoStepSteps
{
    public const string LoginPath = "/Account/Login";
    public const string OtpPath = "/Account/TwoStep";
    public const string ResyncPath = "/Account/Resync";
    public const string EnrolPath = "/Account/EnrolTwoStep";
    public const string ManagePath = "/Manage";
    public const string SessionCookie = "idp.session";
    public static readonly TimeSpan Step = TimeSpan.FromSeconds(30);

    /// <summary>Longer than the session cookie's 10 hours, far shorter than the 30 days a browser is remembered.</summary>
    public static readonly TimeSpan PastSessionLifetime = TimeSpan.FromHours(11);

    public static async Task<TestUser> CreateUserAsync(ProviderFactory factory, string? role = null)
    {
        var email = $"user-{Guid.NewGuid():N}@example.com";
        var password = $"pw-{Guid.NewGuid():N}";
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = "Two-step Tester",
            CreatedAt = factory.Clock.GetUtcNow(),
        };
        var created = await users.CreateAsync(user, password);
        Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(error => error.Description)));
        if (role is not null)
        {
            var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }

            Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        }

        return new TestUser(user.Id, email, password);
    }

    /// <summary>
    /// Enrols and confirms a TOTP device at the current step, then moves the clock two steps on, so the step
    /// before and the step of "now" were never spent by the enrolment.
    /// </summary>
    public static async Task<TestDevice> EnrolTotpAsync(ProviderFactory factory, string userId, string name = "Phone")
    {
        using var scope = factory.Services.CreateScope();
        var devices = scope.ServiceProvider.GetRequiredService<OtpDevices>();
        var (device, secret) = await devices.BeginEnrolmentAsync(userId, name, OtpParameters.DefaultTotp);
        var testDevice = new TestDevice(device.Id, secret, OtpParameters.DefaultTotp);
        Assert.True(await devices.ConfirmEnrolmentAsync(userId, device.Id, testDevice.TotpNow(factory.Clock), null), "TOTP enrolment was not confirmed.");
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
        Assert.True(await devices.ConfirmEnrolmentAsync(userId, device.Id, testDevice.HotpAt(0), testDevice.HotpAt(1)), "HOTP enrolment was not confirmed.");
        return testDevice;
    }

    public static async Task<OtpDevice> ReadDeviceAsync(ProviderFactory factory, Guid deviceId)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        return await db.OtpDevices.AsNoTracking().SingleAsync(device => device.Id == deviceId);
    }

    public static async Task<List<SecurityEvent>> SecurityEventsAsync(ProviderFactory factory, string userId)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        return await db.SecurityEvents.AsNoTracking().Where(row => row.UserId == userId).OrderBy(row => row.Id).ToListAsync();
    }

    /// <summary>Opens the authorize URL and submits the password; where that leads (OTP page, enrolment, the relying party).</summary>
    public static Task<ProviderPage> PasswordAsync(ProviderClient client, AuthorizationRequest request, TestUser user) =>
        SignInSteps.SignInAsync(client, request, user.Email, user.Password);

    public static Task<ProviderPage> SubmitCodeAsync(ProviderClient client, ProviderPage otpPage, string code, bool rememberBrowser = false)
    {
        var fields = new Dictionary<string, string> { ["Input.Code"] = code };
        if (rememberBrowser)
        {
            fields["Input.RememberBrowser"] = "true";
        }

        return client.SubmitAsync(otpPage, fields);
    }

    public static void AssertOtpPage(ProviderPage page)
    {
        Assert.True(page.ExternalRedirect is null && page.Uri.AbsolutePath == OtpPath && page.Document.QuerySelector("input[name='Input.Code']") is not null,
            $"Expected the OTP page, but ended on {page.Uri} {page.ExternalRedirect} ({(int)page.Status}): {AlertText(page)}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
    }

    public static void AssertPasswordPage(ProviderPage page)
    {
        Assert.True(page.ExternalRedirect is null && page.Uri.AbsolutePath == LoginPath && page.Document.QuerySelector("input[name='Input.Password']") is not null,
            $"Expected the password page, but ended on {page.Uri} {page.ExternalRedirect} ({(int)page.Status}): {AlertText(page)}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
    }

    public static void AssertEnrolPage(ProviderPage page)
    {
        Assert.True(page.ExternalRedirect is null && page.Uri.AbsolutePath == EnrolPath,
            $"Expected the enrolment page, but ended on {page.Uri} {page.ExternalRedirect} ({(int)page.Status}): {AlertText(page)}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
    }

    /// <summary>True when the page offers the "Later" button that postpones enrolment.</summary>
    public static bool HasLaterButton(ProviderPage page) =>
        page.Document.QuerySelectorAll("button").Any(button => button.TextContent.Trim().Equals("Later", StringComparison.OrdinalIgnoreCase))
        || page.Document.QuerySelector("form[action*='handler=Postpone']") is not null;

    /// <summary>Every message shown as an alert (sign-in error, validation summary).</summary>
    public static string AlertText(ProviderPage page) =>
        string.Join(" | ", page.Document.QuerySelectorAll("[role=alert]").Select(element => element.TextContent.Trim()).Where(text => text.Length > 0));

    /// <summary>The relying party got a code: exchanges it for tokens and checks the answer.</summary>
    public static async Task<TokenResponse> TokensAsync(ProviderClient client, AuthorizationRequest request, ProviderPage redirect)
    {
        Assert.True(redirect.ExternalRedirect is not null && redirect.ExternalRedirect.ToString().StartsWith(TestData.WebRedirectUri, StringComparison.Ordinal),
            $"Expected a redirect to the relying party, but ended on {redirect.Uri} ({(int)redirect.Status}): {AlertText(redirect)} {redirect.Text.Trim()}");
        Assert.Equal(request.State, redirect.RedirectQuery["state"]);
        var tokens = await TokenResponse.ExchangeCodeAsync(client.Http, request, redirect.Code, TestData.WebSecret);
        Assert.True(tokens.Status == HttpStatusCode.OK, $"Token exchange failed: {tokens.Json}");
        return tokens;
    }

    public static string[] Amr(JsonWebToken idToken)
    {
        var payload = JsonDocument.Parse(Base64UrlEncoder.Decode(idToken.EncodedPayload)).RootElement;
        Assert.Equal(JsonValueKind.Array, payload.GetProperty("amr").ValueKind);
        return payload.GetProperty("amr").EnumerateArray().Select(value => value.GetString()!).ToArray();
    }

    public static string Acr(JsonWebToken idToken) => idToken.GetClaim("acr").Value;

    public static void AssertTwoStepTokens(TokenResponse tokens)
    {
        Assert.Equal(new[] { "pwd", "otp", "mfa" }, Amr(tokens.IdTokenJwt));
        Assert.Equal("mfa", Acr(tokens.IdTokenJwt));
    }

    public static void AssertPasswordOnlyTokens(TokenResponse tokens)
    {
        Assert.Equal(new[] { "pwd" }, Amr(tokens.IdTokenJwt));
        Assert.Equal("pwd", Acr(tokens.IdTokenJwt));
    }

    /// <summary>Whether the browser holds a provider session: the account page opens rather than sending to the password page.</summary>
    public static async Task<bool> HasSessionAsync(ProviderClient client)
    {
        var page = await client.GetAsync(ManagePath);
        return page.Uri.AbsolutePath.StartsWith(ManagePath, StringComparison.Ordinal) && page.Status == HttpStatusCode.OK;
    }

    /// <summary>
    /// Posts a form of the page like <see cref="ProviderClient.SubmitAsync"/> but does not follow the redirect,
    /// so the test can read the status, Location and Set-Cookie headers of that one response.
    /// <paramref name="action"/> replaces the form's action (to forge a post to another handler).
    /// </summary>
    public static async Task<HttpResponseMessage> PostFormAsync(
        ProviderClient client, ProviderPage page, IReadOnlyDictionary<string, string> fields, string formSelector = "main form", string? action = null)
    {
        var form = page.Document.QuerySelector(formSelector) as IHtmlFormElement
            ?? throw new InvalidOperationException($"No form '{formSelector}' on {page.Uri}");
        var values = form.Elements.OfType<IHtmlInputElement>()
            .Where(input => !string.IsNullOrEmpty(input.Name) && !(input.Type is "checkbox" or "radio" && !input.IsChecked) && !fields.ContainsKey(input.Name))
            .Select(input => new KeyValuePair<string, string>(input.Name!, input.Value))
            .Concat(fields)
            .ToList();
        var target = new Uri(page.Uri, action ?? (form.GetAttribute("action") is { Length: > 0 } formAction ? formAction : page.Uri.PathAndQuery));
        return await client.Http.PostAsync(target, new FormUrlEncodedContent(values));
    }

    public static IEnumerable<string> SetCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [];
}
