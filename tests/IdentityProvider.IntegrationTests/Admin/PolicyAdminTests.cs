using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using IdentityProvider.Admin.Api;
using IdentityProvider.Auditing;
using IdentityProvider.Policy;
using IdentityProvider.Testing;
using IdentityProvider.Testing.Pages;
using IdentityProvider.Testing.Pages.Admin;
using IdentityProvider.Testing.Stories;
using IdentityProvider.TwoStep;
using IdentityProvider.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static IdentityProvider.Testing.Stories.AdminApiStories;

namespace IdentityProvider.IntegrationTests.Admin;

/// <summary>
/// The Policy page and <c>/api/admin/policy</c>: every field, a message per bad field, a concurrent change refused,
/// and a saved change applied by a second instance on the same database within 5 seconds, without a restart.
/// </summary>
public sealed class PolicyAdminTests(TwoInstanceFixture fixture) : IClassFixture<TwoInstanceFixture>
{
    private const string PolicyPath = "/api/admin/policy";

    /// <summary>The admin area promises every instance applies a change within this.</summary>
    private static readonly TimeSpan Promise = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task PolicyPage_ShowsEveryFieldWithALabel_AndTheVersionInForce()
    {
        var (adminClient, _) = await UserStories.SignedInAdminAsync(fixture);
        using var client = adminClient;
        var store = fixture.A.Services.GetRequiredService<PolicyStore>();

        var page = await AdminPolicyPage.OpenAsync(client);

        page.AssertEveryInputHasLabel();
        Assert.Equal(store.Version, page.FormVersion);
        Assert.Contains($"Version {store.Version}", page.VersionText);
        Assert.Equal(store.Current.LockoutThreshold.ToString(System.Globalization.CultureInfo.InvariantCulture), page.Value(nameof(ProviderPolicy.LockoutThreshold)));
        Assert.Equal(store.Current.TotpAllowed, page.IsChecked(nameof(ProviderPolicy.TotpAllowed)));
        foreach (var property in typeof(ProviderPolicy).GetProperties())
        {
            // Every field of the policy is on the form (throws when one is missing).
            _ = property.PropertyType == typeof(bool) ? page.IsChecked(property.Name).ToString() : page.Value(property.Name);
        }
    }

    [Fact]
    public async Task PolicyPage_Save_AppliesOnTheSecondInstanceWithin5Seconds_AndIsLoggedWithTheAdmin()
    {
        var (adminClient, admin) = await UserStories.SignedInAdminAsync(fixture);
        using var client = adminClient;
        var page = await AdminPolicyPage.OpenAsync(client);
        var onB = fixture.B.Services.GetRequiredService<TwoStepPolicy>();
        Assert.Contains(ProviderRoles.Administrator, page.OfferedRoles);
        Assert.Contains(ProviderRoles.UserManager, page.OfferedRoles);

        var saved = await page.SaveAsync(new Dictionary<string, string>
        {
            [nameof(ProviderPolicy.TotpAllowed)] = "false",
            [nameof(ProviderPolicy.HotpAllowed)] = "true",
            [nameof(ProviderPolicy.RecoveryCodesEnabled)] = "false",
            [nameof(ProviderPolicy.LockoutThreshold)] = "3",
            [nameof(ProviderPolicy.TwoStepRequiredForEveryone)] = "true",
            [nameof(ProviderPolicy.TwoStepRequiredForRoles)] = "ops, auditors",
            [nameof(ProviderPolicy.RememberBrowserDaysByRole)] = "ops=0\nauditors=7",
            [nameof(ProviderPolicy.TokenScopes)] = "api reports",
        }).As<AdminPolicyPage>();
        var clock = Stopwatch.StartNew();
        while (onB.Allows(OtpType.Totp) && clock.Elapsed < Promise + TimeSpan.FromSeconds(1))
        {
            await Task.Delay(100);
        }

        Assert.Contains("saved", saved.StatusMessage);
        Assert.False(onB.Allows(OtpType.Totp), "Instance B did not apply the saved policy.");
        Assert.True(clock.Elapsed <= Promise, $"Instance B applied it after {clock.Elapsed}.");
        Assert.False(onB.RecoveryCodesEnabled);
        Assert.True(onB.IsRequiredFor(["auditors"]));
        Assert.True(onB.IsRequiredFor([]), "Everyone did not cover a user without a role.");
        Assert.True(saved.IsChecked(nameof(ProviderPolicy.TwoStepRequiredForEveryone)));
        Assert.Equal(0, onB.RememberBrowserDaysFor(["ops"]));
        Assert.Equal(7, onB.RememberBrowserDaysFor(["auditors"]));
        Assert.Equal(3, onB.MaxFailedAttempts);
        Assert.Equal(["api", "reports"], fixture.B.Services.GetRequiredService<PolicyStore>().Current.TokenScopes);
        Assert.False(saved.IsChecked(nameof(ProviderPolicy.TotpAllowed)));
        Assert.Equal("ops=0\nauditors=7".Split('\n').Order(), saved.Value(nameof(ProviderPolicy.RememberBrowserDaysByRole)).Split('\n').Order());
        Assert.Equal("auditors, ops", saved.Value(nameof(ProviderPolicy.TwoStepRequiredForRoles)));
        var logged = await fixture.A.QueryAsync(db => db.SecurityEvents.AsNoTracking()
            .Where(row => row.Kind == SecurityEventKinds.PolicyChanged && row.ActorId == admin.Id).ToListAsync());
        Assert.Contains("TotpAllowed", Assert.Single(logged).Detail, StringComparison.OrdinalIgnoreCase);

        await RestoreDefaultsAsync();
    }

    [Theory]
    [InlineData(nameof(ProviderPolicy.LockoutThreshold), "0", "lockout threshold")]
    [InlineData(nameof(ProviderPolicy.LockoutThreshold), "abc", "not valid")]
    [InlineData(nameof(ProviderPolicy.GracePeriodDays), "", "grace period")]
    [InlineData(nameof(ProviderPolicy.TokenMaxLifetimeDays), "99999", "maximum token lifetime")]
    [InlineData(nameof(ProviderPolicy.RememberBrowserDaysByRole), "admin=soon", "whole number of days")]
    [InlineData(nameof(ProviderPolicy.RememberBrowserDaysByRole), "admin=400", "from 0 to 365")]
    [InlineData(nameof(ProviderPolicy.TwoStepRequiredForRoles), "ops\u0001x", "control characters")]
    [InlineData(nameof(ProviderPolicy.TokenScopes), "api\u001b", "control characters")]
    [InlineData(nameof(ProviderPolicy.PasskeyRequiredForRoles), "ops\u0001x", "control characters")]
    [InlineData(nameof(ProviderPolicy.Passkeys), "Sometimes", "not valid")]
    [InlineData(nameof(ProviderPolicy.Passkeys), "7", "valid value")]
    [InlineData(nameof(ProviderPolicy.Passkeys), "", "what passkeys may be used for")]
    public async Task PolicyPage_BadInput_ShowsAMessageAndSavesNothing(string field, string value, string message)
    {
        var (adminClient, _) = await UserStories.SignedInAdminAsync(fixture);
        using var client = adminClient;
        var page = await AdminPolicyPage.OpenAsync(client);
        var version = page.FormVersion;

        var answer = await page.SaveAsync(new Dictionary<string, string> { [field] = value }).As<AdminPolicyPage>();

        Assert.Contains(message, answer.Alerts, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(version, await StoredVersionAsync());
    }

    [Fact]
    public async Task PolicyPage_PasskeyChoiceAndRoles_SavedAsChosen_AndLogged()
    {
        var (adminClient, admin) = await UserStories.SignedInAdminAsync(fixture);
        using var client = adminClient;
        var page = await AdminPolicyPage.OpenAsync(client);
        Assert.Equal(Enum.GetNames<PasskeyUse>(), page.Choices(nameof(ProviderPolicy.Passkeys)));
        Assert.Equal(nameof(PasskeyUse.Passwordless), page.Value(nameof(ProviderPolicy.Passkeys)));

        var saved = await page.SaveAsync(new Dictionary<string, string>
        {
            [nameof(ProviderPolicy.Passkeys)] = nameof(PasskeyUse.SecondStep),
            [nameof(ProviderPolicy.PasskeyRequiredForRoles)] = "ops, auditors",
        }).As<AdminPolicyPage>();

        Assert.Contains("saved", saved.StatusMessage);
        Assert.Equal(nameof(PasskeyUse.SecondStep), saved.Value(nameof(ProviderPolicy.Passkeys)));
        Assert.Equal("auditors, ops", saved.Value(nameof(ProviderPolicy.PasskeyRequiredForRoles)));
        var stored = fixture.A.Services.GetRequiredService<PolicyStore>().Current;
        Assert.Equal(PasskeyUse.SecondStep, stored.Passkeys);
        Assert.Equal(["auditors", "ops"], stored.PasskeyRequiredForRoles.Order());
        var logged = await fixture.A.QueryAsync(db => db.SecurityEvents.AsNoTracking()
            .Where(row => row.Kind == SecurityEventKinds.PolicyChanged && row.ActorId == admin.Id).ToListAsync());
        Assert.Contains("passkeys \"Passwordless\" -> \"SecondStep\"", Assert.Single(logged).Detail, StringComparison.Ordinal);
        await RestoreDefaultsAsync();
    }

    [Fact]
    public async Task PolicyPage_NulCharacter_IsRefusedAndSavesNothing()
    {
        var (adminClient, _) = await UserStories.SignedInAdminAsync(fixture);
        using var client = adminClient;
        var page = await AdminPolicyPage.OpenAsync(client);

        var answer = await page.SaveAsync(new Dictionary<string, string> { [nameof(ProviderPolicy.TokenScopes)] = "api\u0000" });

        // Either ASP.NET Core refuses the form itself (400, the error page) or the page says why.
        Assert.True(answer.Status == HttpStatusCode.BadRequest || (answer.Is<AdminPolicyPage>() && answer.As<AdminPolicyPage>().Alerts.Contains("control characters")),
            $"{(int)answer.Status}: {answer.Text.Trim()}");
        Assert.Equal(page.FormVersion, await StoredVersionAsync());
    }

    [Fact]
    public async Task PolicyPage_NeitherKindOfAuthenticatorApp_IsRefused()
    {
        var (adminClient, _) = await UserStories.SignedInAdminAsync(fixture);
        using var client = adminClient;
        var page = await AdminPolicyPage.OpenAsync(client);

        var answer = await page.SaveAsync(new Dictionary<string, string>
        {
            [nameof(ProviderPolicy.TotpAllowed)] = "false",
            [nameof(ProviderPolicy.HotpAllowed)] = "false",
        }).As<AdminPolicyPage>();

        Assert.Contains("at least one kind", answer.Alerts);
        Assert.Equal(page.FormVersion, await StoredVersionAsync());
    }

    [Fact]
    public async Task PolicyPage_ChangedMeanwhileThroughTheApi_RefusesAndKeepsTheOtherChange()
    {
        var (adminClient, _) = await UserStories.SignedInAdminAsync(fixture);
        using var client = adminClient;
        var page = await AdminPolicyPage.OpenAsync(client);
        using var http = await ServiceApiClientAsync(fixture.A);
        var current = (await http.GetFromJsonAsync<PolicyEndpoints.PolicyDocument>(PolicyPath))!;
        using var put = await http.PutAsJsonAsync(PolicyPath, current with { Policy = current.Policy with { LockoutMinutes = 42 } });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);

        var answer = await page.SaveAsync(new Dictionary<string, string> { [nameof(ProviderPolicy.LockoutMinutes)] = "7" }).As<AdminPolicyPage>();

        Assert.Contains("changed the policy meanwhile", answer.Alerts);
        Assert.Equal(42, fixture.A.Services.GetRequiredService<PolicyStore>().Current.LockoutMinutes);
        Assert.Equal(current.Version + 1, await StoredVersionAsync());
        await RestoreDefaultsAsync();
    }

    [Fact]
    public async Task PolicyApi_Put_AppliesOnTheSecondInstanceWithin5Seconds_AndNamesABadField()
    {
        using var http = await ServiceApiClientAsync(fixture.A);
        var current = (await http.GetFromJsonAsync<PolicyEndpoints.PolicyDocument>(PolicyPath))!;

        using var bad = await http.PutAsJsonAsync(PolicyPath, current with { Policy = current.Policy with { LockoutThreshold = 0 } });
        using var good = await http.PutAsJsonAsync(PolicyPath, current with { Policy = current.Policy with { RecoveryCodesEnabled = false } });
        var onB = fixture.B.Services.GetRequiredService<TwoStepPolicy>();
        var clock = Stopwatch.StartNew();
        while (onB.RecoveryCodesEnabled && clock.Elapsed < Promise + TimeSpan.FromSeconds(1))
        {
            await Task.Delay(100);
        }

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await bad.JsonAsync()).GetProperty("errors").TryGetProperty("lockoutThreshold", out _));
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        Assert.False(onB.RecoveryCodesEnabled, "Instance B did not apply the saved policy.");
        Assert.True(clock.Elapsed <= Promise, $"Instance B applied it after {clock.Elapsed}.");
        await RestoreDefaultsAsync();
    }

    [Fact]
    public async Task PolicyApi_Passkeys_ReadAndReplaced_AndAnUnknownChoiceIs400NamingTheField()
    {
        using var http = await ServiceApiClientAsync(fixture.A);
        var current = (await http.GetFromJsonAsync<PolicyEndpoints.PolicyDocument>(PolicyPath))!;
        var read = await (await http.GetAsync(PolicyPath)).JsonAsync();
        var version = await StoredVersionAsync();

        var refused = new List<HttpResponseMessage>();
        foreach (var choice in new[] { "\"Sometimes\"", "7", "null", "\"\"" })
        {
            refused.Add(await PutWithPasskeysAsync(http, current, choice));
        }

        using var withoutPolicy = await http.PutAsync(PolicyPath, new StringContent("{\"version\": null}", Encoding.UTF8, "application/json"));
        using var notJson = await http.PutAsync(PolicyPath, new StringContent("passkeys=Off", Encoding.UTF8, "text/plain"));

        Assert.Equal(nameof(PasskeyUse.Passwordless), read.GetProperty("policy").GetProperty("passkeys").GetString());
        foreach (var response in refused)
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var message = (await response.JsonAsync()).GetProperty("errors").GetProperty("passkeys")[0].GetString();
            Assert.Contains("Off, SecondStep, Passwordless", message, StringComparison.Ordinal);
            response.Dispose();
        }

        Assert.Equal(HttpStatusCode.BadRequest, withoutPolicy.StatusCode);
        Assert.True((await withoutPolicy.JsonAsync()).GetProperty("errors").TryGetProperty("policy", out _));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, notJson.StatusCode);
        Assert.Equal(version, await StoredVersionAsync());

        using var saved = await PutWithPasskeysAsync(http, current, "\"SecondStep\"");

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(nameof(PasskeyUse.SecondStep), (await saved.JsonAsync()).GetProperty("policy").GetProperty("passkeys").GetString());
        await RestoreDefaultsAsync();
    }

    [Fact]
    public async Task OpenApiDocument_DescribesThePolicyBody_WithThePasskeyChoices()
    {
        using var http = fixture.A.CreateClient();

        var document = await (await http.GetAsync("/openapi/v1.json")).JsonAsync();

        var body = document.GetProperty("paths").GetProperty(PolicyPath).GetProperty("put").GetProperty("requestBody").GetProperty("content");
        Assert.True(body.TryGetProperty("application/json", out _), body.ToString());
        var choices = document.GetProperty("components").GetProperty("schemas").GetProperty(nameof(PasskeyUse)).GetProperty("enum");
        Assert.Equal(Enum.GetNames<PasskeyUse>(), choices.EnumerateArray().Select(choice => choice.GetString()));
    }

    [Fact]
    public async Task PolicyPage_NonAdministrator_IsRefused_AndTheApiWithoutScopeToo()
    {
        var (_, userClient) = await UserStories.SignedInUserAsync(fixture);
        using var client = userClient;
        using var scopeless = ApiClient(fixture.A, await ServiceTokenAsync(fixture.A, scope: "api", clientId: "service", secret: TestData.ServiceSecret));
        using var anonymous = ApiClient(fixture.A, accessToken: null);

        var answer = await AdminPolicyPage.TryOpenAsync(client);
        using var byScopeless = await scopeless.PutAsJsonAsync(PolicyPath, new { version = (long?)null, policy = new ProviderPolicy() });
        using var byAnonymous = await anonymous.PutAsJsonAsync(PolicyPath, new { version = (long?)null, policy = new ProviderPolicy() });

        Assert.False(answer.Is<AdminPolicyPage>());
        Assert.Equal(HttpStatusCode.Forbidden, byScopeless.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, byAnonymous.StatusCode);
    }

    /// <summary>PUTs the policy read with its <c>passkeys</c> replaced by <paramref name="json"/> as written (any JSON value).</summary>
    private static Task<HttpResponseMessage> PutWithPasskeysAsync(HttpClient http, PolicyEndpoints.PolicyDocument read, string json)
    {
        var document = JsonSerializer.SerializeToNode(read, JsonSerializerOptions.Web)!;
        document["policy"]!["passkeys"] = JsonNode.Parse(json);
        return http.PutAsync(PolicyPath, new StringContent(document.ToJsonString(), Encoding.UTF8, "application/json"));
    }

    private Task<long> StoredVersionAsync() =>
        fixture.A.QueryAsync(db => db.StoredSettings.AsNoTracking().Where(setting => setting.Name == PolicyStore.SettingName)
            .Select(setting => setting.Version).FirstOrDefaultAsync());

    /// <summary>Saves the configured defaults again, so the class's other tests start from them.</summary>
    private async Task RestoreDefaultsAsync()
    {
        using var http = await ServiceApiClientAsync(fixture.A);
        using var response = await http.PutAsJsonAsync(PolicyPath, new PolicyEndpoints.PolicyDocument(null, fixture.A.Services.GetRequiredService<PolicyStore>().Defaults));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
