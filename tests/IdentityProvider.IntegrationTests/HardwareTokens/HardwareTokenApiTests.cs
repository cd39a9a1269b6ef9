using System.Net;
using System.Net.Http.Json;
using IdentityProvider.Auditing;
using IdentityProvider.HardwareTokens;
using IdentityProvider.Testing;
using IdentityProvider.Testing.Pages;
using IdentityProvider.Testing.Stories;
using IdentityProvider.TwoStep;
using static IdentityProvider.Testing.Stories.AdminApiStories;
using static IdentityProvider.Testing.Stories.HardwareTokenStories;

namespace IdentityProvider.IntegrationTests.HardwareTokens;

/// <summary>
/// Hardware tokens through <c>/api/admin/hardware-tokens</c>, on PostgreSQL: vendor files imported, tokens assigned
/// and then used at sign-in as one more OTP device of their user, lost, disabled, unassigned, resynchronised and
/// identified, each checked where the user meets it: the OTP step.
/// </summary>
public sealed class HardwareTokenApiTests(ProviderFixture fixture) : IClassFixture<ProviderFixture>
{
    private ProviderFactory Factory => fixture.Factory;

    [Fact]
    public async Task EncryptedPskc_Imported_Assigned_SignsInWithItsEightDigitHotpCodes_AmrPwdOtpMfa_ReplayRefused()
    {
        using var http = await ServiceApiClientAsync(Factory);
        var serial = await ImportRfcTokenAsync(http);
        var user = await UserStories.CreateUserAsync(Factory);

        var assigned = await AssignAsync(http, serial, user.Email);

        Assert.Equal(serial, assigned.GetProperty("serial").GetString());
        Assert.Equal(10, assigned.GetProperty("recoveryCodes").GetArrayLength());
        Assert.Equal(8, RfcToken.HotpAt(0).Length);
        Assert.Equal(["pwd", "otp", "mfa"], (await SignInAsync(user, RfcToken.HotpAt(0))).Amr);
        Assert.Contains("not correct", (await OtpRefusalAsync(user, RfcToken.HotpAt(0))).Alerts);
        Assert.Equal(["pwd", "otp", "mfa"], (await SignInAsync(user, RfcToken.HotpAt(1))).Amr);
        var listed = await GetAsync(http, serial);
        Assert.Equal(HardwareTokenStatus.Assigned, listed.GetProperty("status").GetString());
        Assert.Equal(user.Id, listed.GetProperty("userId").GetString());
        Assert.Equal("Manufacturer", listed.GetProperty("model").GetString());
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, listed.GetProperty("lastUsedAt").ValueKind);
        Assert.DoesNotContain("seed", listed.GetRawText(), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("00112233445566778899aabbccddeeff", false, "does not fit")]
    [InlineData(SeedFileSamples.PreSharedKeyHex, true, "MAC does not match")]
    [InlineData(null, false, "pre-shared key")]
    [InlineData("12345", false, "32 hexadecimal digits")]
    public async Task EncryptedPskc_WrongKeyTamperedValueOrNoKey_400_NothingAdded(string? psk, bool tamper, string reason)
    {
        using var http = await ServiceApiClientAsync(Factory);
        var serial = SeedFileSamples.UniqueSerial();
        var file = SeedFileSamples.WithSerial(SeedFileSamples.PreSharedKeyHotp, serial);

        using var response = await ImportAsync(http, tamper ? file.Replace("wZqIUqGv", "wZqIUqGw", StringComparison.Ordinal) : file, SeedFiles.PskcMediaType, psk);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, (await response.JsonAsync()).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(TokenPath(serial))).StatusCode);
    }

    [Fact]
    public async Task EncryptedPskc_KeyInTheHeader_Imported()
    {
        using var http = await ServiceApiClientAsync(Factory);
        var serial = SeedFileSamples.UniqueSerial();
        using var request = new HttpRequestMessage(HttpMethod.Post, ApiPath + "/import")
        {
            Content = new StringContent(SeedFileSamples.WithSerial(SeedFileSamples.PreSharedKeyHotp, serial), System.Text.Encoding.UTF8, SeedFiles.PskcMediaType),
        };
        request.Headers.Add("X-Pskc-Key", SeedFileSamples.PreSharedKeyHex);

        using var response = await http.SendAsync(request);

        Assert.Equal(1, (await response.AssertOkJsonAsync()).GetProperty("added").GetInt32());
    }

    [Fact]
    public async Task Csv_AddsTotpAndHotp_SkipsDuplicates_RejectsBadRows_ThenTheTotpTokenSignsIn()
    {
        using var http = await ServiceApiClientAsync(Factory);
        var (totpSerial, hotpSerial, badSerial) = (SeedFileSamples.UniqueSerial(), SeedFileSamples.UniqueSerial(), SeedFileSamples.UniqueSerial());
        var seed = OtpSecret.Generate(OtpHashAlgorithm.Sha1);
        var file = SeedFileSamples.Csv(
            $"{totpSerial},{Convert.ToHexString(seed)},totp,6,30",
            $"{hotpSerial},{Convert.ToHexString(seed)},hotp,8,5",
            $"{totpSerial},{Convert.ToHexString(seed)},totp,6,30",
            $"{badSerial},not-hex,totp,6,30");

        using var first = await ImportAsync(http, file, SeedFiles.CsvMediaType);
        using var again = await ImportAsync(http, file, "text/csv; charset=utf-8");

        var report = await first.AssertOkJsonAsync();
        Assert.Equal(2, report.GetProperty("added").GetInt32());
        var skipped = Assert.Single(report.GetProperty("skipped").EnumerateArray());
        Assert.Equal(totpSerial, skipped.GetProperty("serial").GetString());
        Assert.Contains("twice in the file", skipped.GetProperty("reason").GetString());
        var rejected = Assert.Single(report.GetProperty("rejected").EnumerateArray());
        Assert.Equal(badSerial, rejected.GetProperty("serial").GetString());
        Assert.Contains("not hexadecimal", rejected.GetProperty("reason").GetString());
        var second = await again.AssertOkJsonAsync();
        Assert.Equal(0, second.GetProperty("added").GetInt32());
        Assert.All(second.GetProperty("skipped").EnumerateArray(), entry => Assert.Contains("already in the inventory", entry.GetProperty("reason").GetString()));
        Assert.Equal(3, second.GetProperty("skipped").GetArrayLength());
        var hotp = await GetAsync(http, hotpSerial);
        Assert.Equal(8, hotp.GetProperty("digits").GetInt32());

        var user = await UserStories.CreateUserAsync(Factory);
        await AssignAsync(http, totpSerial, user.Id);
        var token = new TestDevice(Guid.Empty, seed, OtpParameters.DefaultTotp);
        Assert.Equal(["pwd", "otp", "mfa"], (await SignInAsync(user, token.TotpNow(Factory.Clock))).Amr);
    }

    [Fact]
    public async Task NeitherThePreSharedKeyNorASeed_ReachesALogLine()
    {
        using var http = await ServiceApiClientAsync(Factory);
        var serial = await ImportRfcTokenAsync(http);
        var (_, token) = await ImportRandomTokenAsync(http, OtpType.Totp);
        await AssignAsync(http, serial, (await UserStories.CreateUserAsync(Factory)).Email);

        var logs = string.Join("\n", Factory.Logs.Lines);

        Assert.Contains(serial, logs);
        Assert.DoesNotContain(SeedFileSamples.PreSharedKeyHex, logs, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Convert.ToHexString(token.Secret), logs, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(token.Base32Secret, logs, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("text/plain")]
    public async Task Import_AnotherMediaType_415(string mediaType)
    {
        using var http = await ServiceApiClientAsync(Factory);

        using var response = await ImportAsync(http, SeedFileSamples.Csv(), mediaType);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task Lost_RefusedAtOnce_NeverAssignedAgain_UntilDeletedAndRegisteredAnew()
    {
        using var http = await ServiceApiClientAsync(Factory);
        var (serial, token) = await ImportRandomTokenAsync(http, OtpType.Hotp);
        var user = await UserStories.CreateUserAsync(Factory);
        var app = await UserStories.EnrolTotpAsync(Factory, user.Id);
        await AssignAsync(http, serial, user.Email);
        Assert.Equal(["pwd", "otp", "mfa"], (await SignInAsync(user, token.HotpAt(0))).Amr);

        using var lost = await ActAsync(http, serial, "lost");

        Assert.Equal(HttpStatusCode.NoContent, lost.StatusCode);
        Assert.Contains("not correct", (await OtpRefusalAsync(user, token.HotpAt(1))).Alerts);
        using var reassigned = await http.PostAsJsonAsync(TokenPath(serial) + "/assign", new { user = user.Email });
        Assert.Equal(HttpStatusCode.Conflict, reassigned.StatusCode);
        Assert.Contains("lost", (await reassigned.JsonAsync()).GetProperty("detail").GetString());
        Assert.Equal(HardwareTokenStatus.Lost, (await GetAsync(http, serial)).GetProperty("status").GetString());
        // The user's app still works: only the token went.
        Factory.Clock.Advance(UserStories.Step);
        Assert.Equal(["pwd", "otp", "mfa"], (await SignInAsync(user, app.TotpNow(Factory.Clock))).Amr);
        Assert.Equal(HttpStatusCode.NoContent, (await http.DeleteAsync(TokenPath(serial))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(TokenPath(serial))).StatusCode);
        var events = await Factory.SecurityEventsAsync(user.Id);
        Assert.Equal("admin-service", Assert.Single(events, row => row.Kind == SecurityEventKinds.HardwareTokenLost).ActorId);
        Assert.Contains(events, row => row.Kind == SecurityEventKinds.DeviceRemoved);
    }

    [Fact]
    public async Task DisableThenEnable_RefusedWhileDisabled_BackToItsHolderAfter()
    {
        using var http = await ServiceApiClientAsync(Factory);
        var (serial, token) = await ImportRandomTokenAsync(http, OtpType.Hotp);
        var user = await UserStories.CreateUserAsync(Factory);
        await UserStories.EnrolTotpAsync(Factory, user.Id);
        await AssignAsync(http, serial, user.Email);

        Assert.Equal(HttpStatusCode.NoContent, (await ActAsync(http, serial, "disable")).StatusCode);
        Assert.Contains("not correct", (await OtpRefusalAsync(user, token.HotpAt(0))).Alerts);
        Assert.Equal(user.Id, (await GetAsync(http, serial)).GetProperty("userId").GetString());
        Assert.Equal(HttpStatusCode.NoContent, (await ActAsync(http, serial, "enable")).StatusCode);

        Assert.Equal(HardwareTokenStatus.Assigned, (await GetAsync(http, serial)).GetProperty("status").GetString());
        Assert.Equal(["pwd", "otp", "mfa"], (await SignInAsync(user, token.HotpAt(0))).Amr);
        Assert.Equal(HttpStatusCode.Conflict, (await ActAsync(http, serial, "enable")).StatusCode);
    }

    [Fact]
    public async Task Unassign_BackInStock_TheCounterStaysWhereTheLastHolderLeftIt()
    {
        using var http = await ServiceApiClientAsync(Factory);
        var (serial, token) = await ImportRandomTokenAsync(http, OtpType.Hotp);
        var first = await UserStories.CreateUserAsync(Factory);
        var next = await UserStories.CreateUserAsync(Factory);
        await AssignAsync(http, serial, first.Email);
        Assert.Equal(["pwd", "otp", "mfa"], (await SignInAsync(first, token.HotpAt(0))).Amr);

        using var unassigned = await ActAsync(http, serial, "unassign");
        await AssignAsync(http, serial, next.Email);

        Assert.Equal(HttpStatusCode.NoContent, unassigned.StatusCode);
        Assert.Equal(["pwd"], (await SignInAsync(first, code: null)).Amr);
        Assert.Contains("not correct", (await OtpRefusalAsync(next, token.HotpAt(0))).Alerts);
        Assert.Equal(["pwd", "otp", "mfa"], (await SignInAsync(next, token.HotpAt(1))).Amr);
        Assert.Equal(HttpStatusCode.Conflict, (await http.DeleteAsync(TokenPath(serial))).StatusCode);
    }

    [Fact]
    public async Task Resync_HotpPressedBeyondTheLookAhead_SignsInAgainAfterTwoConsecutiveCodes()
    {
        using var http = await ServiceApiClientAsync(Factory);
        var (serial, token) = await ImportRandomTokenAsync(http, OtpType.Hotp);
        var user = await UserStories.CreateUserAsync(Factory);
        await AssignAsync(http, serial, user.Email);
        Assert.Contains("not correct", (await OtpRefusalAsync(user, token.HotpAt(50))).Alerts);

        using var wrong = await http.PostAsJsonAsync(TokenPath(serial) + "/resync", new { code1 = token.HotpAt(50), code2 = token.HotpAt(52) });
        using var resynced = await http.PostAsJsonAsync(TokenPath(serial) + "/resync", new { code1 = token.HotpAt(50), code2 = token.HotpAt(51) });

        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, resynced.StatusCode);
        Assert.Equal(["pwd", "otp", "mfa"], (await SignInAsync(user, token.HotpAt(52))).Amr);
        Assert.Contains(await Factory.SecurityEventsAsync(user.Id), row => row.Kind == SecurityEventKinds.OtpResynchronised && row.ActorId == "admin-service");
    }

    [Fact]
    public async Task Resync_InStockTotpTokenWhoseClockDrifted_ItsFirstHolderSignsInWithTheDriftedClock()
    {
        using var http = await ServiceApiClientAsync(Factory);
        var (serial, token) = await ImportRandomTokenAsync(http, OtpType.Totp);
        const int drift = 20;

        using var resynced = await http.PostAsJsonAsync(TokenPath(serial) + "/resync",
            new { code1 = token.TotpNow(Factory.Clock, drift), code2 = token.TotpNow(Factory.Clock, drift + 1) });
        var user = await UserStories.CreateUserAsync(Factory);
        await AssignAsync(http, serial, user.Email);
        Factory.Clock.Advance(2 * UserStories.Step);

        Assert.Equal(HttpStatusCode.NoContent, resynced.StatusCode);
        Assert.Equal(["pwd", "otp", "mfa"], (await SignInAsync(user, token.TotpNow(Factory.Clock, drift))).Amr);
    }

    [Fact]
    public async Task Identify_FindsTheTokenShowingACode_AndSpendsNothing()
    {
        using var http = await ServiceApiClientAsync(Factory);
        var (totpSerial, totp) = await ImportRandomTokenAsync(http, OtpType.Totp);
        var (hotpSerial, hotp) = await ImportRandomTokenAsync(http, OtpType.Hotp, digits: 8);
        var user = await UserStories.CreateUserAsync(Factory);
        await AssignAsync(http, totpSerial, user.Email);
        var code = totp.TotpNow(Factory.Clock);

        using var byTotp = await http.PostAsJsonAsync(ApiPath + "/identify", new { code });
        using var byHotp = await http.PostAsJsonAsync(ApiPath + "/identify", new { code = hotp.HotpAt(3) });
        using var malformed = await http.PostAsJsonAsync(ApiPath + "/identify", new { code = "12ab56" });

        Assert.Equal([totpSerial], (await byTotp.AssertOkJsonAsync()).GetProperty("serials").EnumerateArray().Select(serial => serial.GetString()));
        Assert.Equal([hotpSerial], (await byHotp.AssertOkJsonAsync()).GetProperty("serials").EnumerateArray().Select(serial => serial.GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal(["pwd", "otp", "mfa"], (await SignInAsync(user, code)).Amr);
    }

    [Fact]
    public async Task Register_ByHandWithABase32Seed_InStock_DuplicateIs409_BadFieldsAre400()
    {
        using var http = await ServiceApiClientAsync(Factory);
        var serial = SeedFileSamples.UniqueSerial();
        var token = new TestDevice(Guid.Empty, OtpSecret.Generate(OtpHashAlgorithm.Sha1), new OtpParameters(OtpType.Totp, OtpHashAlgorithm.Sha1, 6, 60));
        var body = new { serial, model = "Feitian c200", type = "totp", algorithm = "SHA1", digits = "6", periodSeconds = "60", seed = token.Base32Secret, seedEncoding = "base32" };

        using var created = await http.PostAsJsonAsync(ApiPath, body);
        using var duplicate = await http.PostAsJsonAsync(ApiPath, body);
        using var bad = await http.PostAsJsonAsync(ApiPath, new { serial = "X\u0000Y", type = "motp", algorithm = "MD5", digits = "7", seed = "xyz" });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var registered = await created.JsonAsync();
        Assert.Equal(HardwareTokenStatus.InStock, registered.GetProperty("status").GetString());
        Assert.Equal(60, registered.GetProperty("periodSeconds").GetInt32());
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.JsonAsync()).GetProperty("errors");
        Assert.All(new[] { "type", "algorithm", "digits", "seed" }, field => Assert.True(errors.TryGetProperty(field, out _), field));
        var user = await UserStories.CreateUserAsync(Factory);
        await AssignAsync(http, serial, user.Id);
        Assert.Equal(["pwd", "otp", "mfa"], (await SignInAsync(user, token.TotpNow(Factory.Clock))).Amr);
    }

    [Fact]
    public async Task List_FiltersByStatusSerialAndHolder()
    {
        using var http = await ServiceApiClientAsync(Factory);
        var (assignedSerial, _) = await ImportRandomTokenAsync(http, OtpType.Hotp);
        var (stockSerial, _) = await ImportRandomTokenAsync(http, OtpType.Hotp);
        var user = await UserStories.CreateUserAsync(Factory);
        await AssignAsync(http, assignedSerial, user.Email);

        var byHolder = await (await http.GetAsync($"{ApiPath}?user={Uri.EscapeDataString(user.Email.ToUpperInvariant())}")).AssertOkJsonAsync();
        var bySerial = await (await http.GetAsync($"{ApiPath}?serial={stockSerial[3..].ToLowerInvariant()}&status=in-stock")).AssertOkJsonAsync();
        var none = await (await http.GetAsync($"{ApiPath}?serial={stockSerial}&status=assigned")).AssertOkJsonAsync();
        using var badStatus = await http.GetAsync($"{ApiPath}?status=broken");

        Assert.Equal(assignedSerial, Assert.Single(byHolder.GetProperty("tokens").EnumerateArray()).GetProperty("serial").GetString());
        Assert.Equal(user.Email, byHolder.GetProperty("tokens")[0].GetProperty("holder").GetString());
        Assert.Equal(stockSerial, Assert.Single(bySerial.GetProperty("tokens").EnumerateArray()).GetProperty("serial").GetString());
        Assert.Equal(0, none.GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, badStatus.StatusCode);
    }

    [Fact]
    public async Task AssignedToken_OnTheAccountPage_SerialAndModelWithoutRemove_AndTheRemovePageRefusesIt()
    {
        using var http = await ServiceApiClientAsync(Factory);
        var serial = await ImportRfcTokenAsync(http);
        var (user, client) = await UserStories.SignedInUserAsync(fixture);
        using var userClient = client;
        await AssignAsync(http, serial, user.Email);

        var devices = await DevicesPage.OpenAsync(userClient);

        var row = Assert.Single(devices.HardwareTokenRows);
        Assert.Contains(serial, row);
        Assert.Contains("Manufacturer", row);
        var deviceId = Assert.Single(devices.DeviceIds);
        Assert.False(devices.OffersRemove(deviceId));
        Assert.Equal(HttpStatusCode.NotFound, (await RemoveDevicePage.TryOpenAsync(userClient, deviceId)).Status);
    }

    [Fact]
    public async Task AdministratorRemovesTheTokenDeviceFromTheUser_TheTokenIsBackInStock()
    {
        using var http = await ServiceApiClientAsync(Factory);
        var (serial, _) = await ImportRandomTokenAsync(http, OtpType.Hotp);
        var user = await UserStories.CreateUserAsync(Factory);
        await AssignAsync(http, serial, user.Email);
        var deviceId = (await (await http.GetAsync($"/api/admin/users/{user.Id}/two-step")).AssertOkJsonAsync())
            .GetProperty("devices")[0].GetProperty("id").GetGuid();

        using var removed = await http.DeleteAsync($"/api/admin/users/{user.Id}/devices/{deviceId}");

        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        var token = await GetAsync(http, serial);
        Assert.Equal(HardwareTokenStatus.InStock, token.GetProperty("status").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, token.GetProperty("userId").ValueKind);
    }

    [Fact]
    public async Task DeletedUser_TheirTokenGoesBackToStockWithItsCounter()
    {
        using var http = await ServiceApiClientAsync(Factory);
        var (serial, token) = await ImportRandomTokenAsync(http, OtpType.Hotp);
        var leaver = await UserStories.CreateUserAsync(Factory);
        await AssignAsync(http, serial, leaver.Email);
        Assert.Equal(["pwd", "otp", "mfa"], (await SignInAsync(leaver, token.HotpAt(0))).Amr);

        Assert.Equal(HttpStatusCode.NoContent, (await http.DeleteAsync($"/api/admin/users/{leaver.Id}")).StatusCode);

        Assert.Equal(HardwareTokenStatus.InStock, (await GetAsync(http, serial)).GetProperty("status").GetString());
        var next = await UserStories.CreateUserAsync(Factory);
        await AssignAsync(http, serial, next.Email);
        Assert.Contains("not correct", (await OtpRefusalAsync(next, token.HotpAt(0))).Alerts);
    }

    [Theory]
    [InlineData("abc%01def")]
    [InlineData("%E2%80%AEevil")]
    [InlineData("unknown-serial")]
    public async Task UnknownOrUnprintableSerial_404_NeverAnOutage(string escapedSerial)
    {
        using var http = await ServiceApiClientAsync(Factory);

        using var read = await http.GetAsync($"{ApiPath}/{escapedSerial}");
        using var assign = await http.PostAsJsonAsync($"{ApiPath}/{escapedSerial}/assign", new { user = "nobody@example.com" });
        using var lost = await http.PostAsync($"{ApiPath}/{escapedSerial}/lost", content: null);

        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, assign.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, lost.StatusCode);
    }

    [Fact]
    public async Task Assign_UnknownUser400_AssignedToken409()
    {
        using var http = await ServiceApiClientAsync(Factory);
        var (serial, _) = await ImportRandomTokenAsync(http, OtpType.Hotp);
        var user = await UserStories.CreateUserAsync(Factory);

        using var unknown = await http.PostAsJsonAsync(TokenPath(serial) + "/assign", new { user = "nobody-here@example.com" });
        await AssignAsync(http, serial, user.Email);
        using var twice = await http.PostAsJsonAsync(TokenPath(serial) + "/assign", new { user = user.Email });

        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.True((await unknown.JsonAsync()).GetProperty("errors").TryGetProperty("user", out _));
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
    }

    [Fact]
    public async Task TenAssignmentsOfOneTokenAtOnce_ExactlyOneUserGetsIt()
    {
        using var http = await ServiceApiClientAsync(Factory);
        var (serial, _) = await ImportRandomTokenAsync(http, OtpType.Hotp);
        var users = new List<TestUser>();
        for (var index = 0; index < 10; index++)
        {
            users.Add(await UserStories.CreateUserAsync(Factory));
        }

        var answers = await Race.RunAsync(users.Count, async index =>
        {
            using var response = await http.PostAsJsonAsync(TokenPath(serial) + "/assign", new { user = users[index].Id });
            return response.StatusCode;
        });

        Assert.Equal(1, answers.Winners(status => status == HttpStatusCode.OK));
        Assert.All(answers, status => Assert.True(status is HttpStatusCode.OK or HttpStatusCode.Conflict, status.ToString()));
        var holder = (await GetAsync(http, serial)).GetProperty("userId").GetString();
        Assert.Equal(users[Array.IndexOf(answers, HttpStatusCode.OK)].Id, holder);
        Assert.Equal(1, await Factory.QueryAsync(db => Task.FromResult(db.OtpDevices.Count(device => users.Select(user => user.Id).Contains(device.UserId)))));
    }

    /// <summary>Password, then <paramref name="code"/> at the OTP step (null: the OTP step must not be asked), then the relying party's tokens.</summary>
    private async Task<TokenResponse> SignInAsync(TestUser user, string? code)
    {
        using var client = fixture.CreateClient();
        var request = UserStories.WebRequest();
        var answer = code is null
            ? await UserStories.SignInWithPasswordAsync(client, request, user)
            : await (await UserStories.PasswordToOtpPageAsync(client, request, user)).SubmitCodeAsync(code);
        return await UserStories.ExchangeCodeAsync(client, request, answer);
    }

    /// <summary>Password, then <paramref name="code"/> at the OTP step, which must refuse it.</summary>
    private async Task<TwoStepPage> OtpRefusalAsync(TestUser user, string code)
    {
        using var client = fixture.CreateClient();
        return await (await UserStories.PasswordToOtpPageAsync(client, UserStories.WebRequest(), user)).SubmitCodeAsync(code).As<TwoStepPage>();
    }
}
