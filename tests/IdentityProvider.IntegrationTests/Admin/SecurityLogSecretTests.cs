using System.Net;
using System.Text.Json;
using IdentityProvider.Auditing;
using IdentityProvider.PersonalAccessTokens;
using IdentityProvider.Testing;
using IdentityProvider.Testing.Pages;
using IdentityProvider.Testing.Pages.Admin;
using IdentityProvider.Testing.Stories;
using static IdentityProvider.IntegrationTests.Admin.SecurityLogSteps;
using static IdentityProvider.Testing.Stories.AdminApiStories;

namespace IdentityProvider.IntegrationTests.Admin;

/// <summary>What the security log holds after real sign-ins and token use: the events, never a secret; token use once a minute.</summary>
public sealed class SecurityLogSecretTests(SecurityLogFixture fixture) : IClassFixture<SecurityLogFixture>
{
    private ProviderFactory Factory => fixture.Factory;

    [Fact]
    public async Task SecurityLog_AfterPasswordOtpRecoveryCodeAndToken_HoldsTheEventsButNoSecret()
    {
        var (user, device, codes) = await UserStories.UserWithRecoveryCodesAsync(Factory);
        var typo = user.Password + "-typo";
        var secrets = new List<string> { user.Password, typo, device.Base32Secret };
        secrets.AddRange(codes);

        // A wrong password, a wrong code, then password and code.
        using var first = fixture.CreateClient();
        await (await LoginPage.OpenAsync(first)).SignInAsync(user.Email, typo).As<LoginPage>();
        var otp = await UserStories.SignInWithPasswordAsync(first, user.Email, user.Password).As<TwoStepPage>();
        var wrongCode = device.WrongTotp(Factory.Clock);
        await otp.SubmitCodeAsync(wrongCode).As<TwoStepPage>();
        Factory.Clock.Advance(UserStories.Step);
        var goodCode = device.TotpNow(Factory.Clock);
        await otp.SubmitCodeAsync(goodCode).As<ManagePage>();
        secrets.AddRange([wrongCode, goodCode]);

        // The password and a recovery code, on another browser.
        using var second = fixture.CreateClient();
        var recovery = await (await UserStories.SignInWithPasswordAsync(second, user.Email, user.Password).As<TwoStepPage>()).UseRecoveryCodeAsync();
        (await recovery.SubmitCodeAsync(codes[0])).As<ManagePage>();

        // A personal access token created on the account page, then used by a script.
        var created = await (await CreateTokenPage.OpenAsync(first)).SubmitAsync(TokenForm.Valid("nightly, \"backup\""));
        var token = created.NewToken ?? throw new Xunit.Sdk.XunitException($"No token shown: {created.Alerts}");
        secrets.Add(token);
        using var script = Factory.CreateClient();
        var exchange = await TokenResponse.PostAsync(script, "/connect/token", new Dictionary<string, string>
        {
            ["grant_type"] = PersonalAccessTokenProtocol.GrantType,
            [PersonalAccessTokenProtocol.TokenParameter] = token,
            ["client_id"] = SecurityLogFixture.TokenClient,
        });
        Assert.True(exchange.Status == HttpStatusCode.OK, exchange.Json.ToString());
        secrets.Add(exchange.AccessToken!);

        using var api = await ServiceApiClientAsync(Factory);
        using var json = await api.GetAsync($"{EventsPath}?user={user.Id}");
        var events = (await json.JsonAsync()).GetProperty("events").EnumerateArray().ToList();
        using var csv = await GetCsvAsync(api, $"user={user.Id}");
        var (_, records) = ParseCsv(await csv.Content.ReadAsStringAsync());
        using var adminClient = (await UserStories.SignedInAdminAsync(fixture)).Client;
        var page = await AdminSecurityLogPage.FilterAsync(adminClient, user: user.Email);

        var kinds = events.Select(row => row.GetProperty("kind").GetString()).ToList();
        Assert.Contains(SecurityEventKinds.PasswordFailed, kinds);
        Assert.Contains(SecurityEventKinds.OtpFailed, kinds);
        Assert.Contains(SecurityEventKinds.SignInSucceeded, kinds);
        Assert.Contains(SecurityEventKinds.RecoveryCodeUsed, kinds);
        Assert.Contains(SecurityEventKinds.TokenCreated, kinds);
        Assert.Contains(SecurityEventKinds.TokenUsed, kinds);
        Assert.Equal(events.Count, records.Count);
        Assert.Equal(events.Count, page.Rows.Count);
        var cells = events.SelectMany(row => row.EnumerateObject().Select(property => property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText()))
            .Concat(records.SelectMany(record => record.Values))
            .Concat(page.Rows.SelectMany(row => new[] { row.When, row.Kind, row.User, row.Actor, row.Address, row.Detail }))
            .ToList();
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(cells, cell => cell.Contains(secret, StringComparison.OrdinalIgnoreCase));
        }
    }

    [Fact]
    public async Task TokenExchange_ManyWithinAMinute_LogsOneUsePerMinutePerToken()
    {
        var user = await UserStories.CreateUserAsync(Factory);
        using var owner = fixture.CreateClient();
        (await UserStories.SignInWithPasswordAsync(owner, user.Email, user.Password)).As<ManagePage>();
        var first = (await (await CreateTokenPage.OpenAsync(owner)).SubmitAsync(TokenForm.Valid("one"))).NewToken!;
        var second = (await (await CreateTokenPage.OpenAsync(owner)).SubmitAsync(TokenForm.Valid("two"))).NewToken!;
        using var script = Factory.CreateClient();
        using var api = await ServiceApiClientAsync(Factory);

        for (var i = 0; i < 5; i++)
        {
            await ExchangeAsync(script, first);
            Factory.Clock.Advance(TimeSpan.FromSeconds(10));
        }

        await ExchangeAsync(script, second);
        var withinAMinute = await UsesAsync(api, user.Id);
        Factory.Clock.Advance(TimeSpan.FromSeconds(15));
        await ExchangeAsync(script, first);
        await ExchangeAsync(script, first);
        var nextMinute = await UsesAsync(api, user.Id);

        // Five exchanges of "one" in 40 seconds: one use; "two" has its own minute.
        Assert.Equal(1, withinAMinute.Count(detail => detail.Contains("\"one\"", StringComparison.Ordinal)));
        Assert.Equal(1, withinAMinute.Count(detail => detail.Contains("\"two\"", StringComparison.Ordinal)));
        Assert.Equal(2, nextMinute.Count(detail => detail.Contains("\"one\"", StringComparison.Ordinal)));
        Assert.Equal(3, nextMinute.Count);
        Assert.All(nextMinute, detail => Assert.DoesNotContain(first, detail, StringComparison.Ordinal));
        Assert.All(nextMinute, detail => Assert.DoesNotContain(second, detail, StringComparison.Ordinal));
    }

    private static async Task ExchangeAsync(HttpClient script, string token)
    {
        var answer = await TokenResponse.PostAsync(script, "/connect/token", new Dictionary<string, string>
        {
            ["grant_type"] = PersonalAccessTokenProtocol.GrantType,
            [PersonalAccessTokenProtocol.TokenParameter] = token,
            ["client_id"] = SecurityLogFixture.TokenClient,
        });
        Assert.True(answer.Status == HttpStatusCode.OK, answer.Json.ToString());
    }

    /// <summary>The details of the user's token.used events, as the admin API lists them.</summary>
    private static async Task<List<string>> UsesAsync(HttpClient api, string userId)
    {
        using var response = await api.GetAsync($"{EventsPath}?user={userId}&type={SecurityEventKinds.TokenUsed}");
        var body = await response.JsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body.ToString());
        return body.GetProperty("events").EnumerateArray().Select(row =>
        {
            Assert.Equal(SecurityLogFixture.TokenClient, row.GetProperty("clientId").GetString());
            return row.GetProperty("detail").GetString()!;
        }).ToList();
    }
}
