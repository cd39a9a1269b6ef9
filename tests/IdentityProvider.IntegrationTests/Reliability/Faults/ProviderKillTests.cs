using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using IdentityProvider.HardwareTokens;
using IdentityProvider.IntegrationTests.PersonalAccessTokens;
using IdentityProvider.Settings;
using IdentityProvider.Testing;
using IdentityProvider.Testing.Pages;
using IdentityProvider.Testing.Stories;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace IdentityProvider.IntegrationTests.Reliability.Faults;

/// <summary>
/// The provider, a process of its own, is killed with SIGKILL in the middle of a load (sign-ins, token exchanges,
/// recovery-code sets, a hardware-token import) and started again on the same database: everything it had
/// committed is intact (sessions, refresh and access tokens, remembered browsers, the mail outbox, replay markers,
/// lockout counters, keys), and nothing it was writing is left half-written.
/// </summary>
public sealed class ProviderKillTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int BatchSize = 25;

    private readonly MailCatcher mail = new();
    private readonly string pickup = Directory.CreateTempSubdirectory("idp-kill-mail-").FullName;
    private ProviderFactory setup = null!;
    private ProviderProcess provider = null!;

    public async Task InitializeAsync()
    {
        mail.Stop(); // the mail server is down until the test says: queued mail waits in the outbox
        var database = await SharedPostgres.CreateDatabaseAsync("kill");
        var settings = new Dictionary<string, string?>(TestData.Settings.Concat(TestData.TokenClient(3, TokenFixture.Client, null, "api")))
        {
            ["Tokens:AllowSignInByToken"] = "true",
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:Default"] = database,
            ["Keys:AllowDevelopmentKeys"] = "true", // signing keys in the database: they must survive the kill
        };

        // Users and devices are made in-process on the same database (its clock is the real one, unmoved); its own
        // outbox goes to a folder and waits an hour between polls, so it never takes the process's mail.
        setup = new ProviderFactory(DatabaseProvider.Postgres, database, new Dictionary<string, string?>(settings)
        {
            ["Email:PickupDirectory"] = pickup,
            ["Email:PollSeconds"] = "3600",
        });
        _ = setup.Server;
        provider = new ProviderProcess(new Dictionary<string, string?>(settings.Concat(mail.ProviderSettings)));
    }

    public async Task DisposeAsync()
    {
        try
        {
            await provider.DisposeAsync();
            await setup.DisposeAsync();
        }
        finally
        {
            mail.Dispose();
            Directory.Delete(pickup, recursive: true);
        }
    }

    [Fact]
    public async Task Sigkill_UnderLoad_RestartKeepsEverythingCommittedAndNothingHalfWritten()
    {
        var signer = await UserWithHotpAsync();
        var generator = await UserWithHotpAsync();
        var loader = await UserWithHotpAsync();
        var locked = await UserStories.CreateUserAsync(setup);
        var pat = (await TokenSteps.IssueAsync(setup, loader.User.Id)).Secret;
        await provider.StartAsync();
        try
        {
            await RunAsync(signer, generator, loader, locked, pat);
        }
        catch
        {
            output.WriteLine(provider.Output);
            throw;
        }
    }

    private async Task RunAsync(
        (TestUser User, TestDevice Device) signer, (TestUser User, TestDevice Device) generator, (TestUser User, TestDevice Device) loader,
        TestUser locked, string pat)
    {
        // What the provider commits before the kill.
        var request = UserStories.WebRequest();
        var jar = new CookieContainer();
        var browser = provider.CreateClient(jar);
        var otp = await (await LoginPage.OpenAsync(browser, request)).SignInAsync(signer.User.Email, signer.User.Password).As<TwoStepPage>();
        var spentCode = signer.Device.HotpAt(2);
        var tokens = await UserStories.ExchangeCodeAsync(browser, request, await otp.SubmitCodeAsync(spentCode, rememberBrowser: true));
        Assert.True(await ManagePage.HasSessionAsync(browser));
        for (var attempt = 0; attempt < 3; attempt++)
        {
            await UserStories.SignInWithPasswordAsync(provider.CreateClient(), locked.Email, "not-the-password");
        }

        await (await ForgotPasswordPage.OpenAsync(provider.CreateClient())).RequestAsync(signer.User.Email);
        var jwksBefore = await browser.Http.GetStringAsync("/.well-known/jwks");
        var keysBefore = await setup.QueryAsync(db => db.DataProtectionKeys.Select(key => key.FriendlyName).OrderBy(name => name).ToListAsync());
        using var admin = new HttpClient { BaseAddress = provider.BaseAddress };
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await AdminTokenAsync(admin));
        var generatorBrowser = provider.CreateClient();
        var generatorOtp = await UserStories.SignInWithPasswordAsync(generatorBrowser, generator.User.Email, generator.User.Password).As<TwoStepPage>();
        (await generatorOtp.SubmitCodeAsync(generator.Device.HotpAt(2))).As<ManagePage>();

        // The load, killed in its middle.
        var clock = Stopwatch.StartNew();
        var results = new ConcurrentQueue<LoadResult>();
        var batches = new ConcurrentDictionary<string, HttpStatusCode?>();
        var counter = 2L;
        using var script = new HttpClient { BaseAddress = provider.BaseAddress };
        using var stopLoad = new CancellationTokenSource();
        var loops = new List<Task>
        {
            Task.Run(() => FaultLoad.LoopAsync(() => FaultLoad.SignInAsync(() => provider.CreateClient(), clock, loader.User, loader.Device.HotpAt(counter++)), results, stopLoad.Token)),
            Task.Run(() => FaultLoad.LoopAsync(() => FaultLoad.ExchangeAsync(script, clock, pat, TokenFixture.Client), results, stopLoad.Token)),
            Task.Run(() => FaultLoad.LoopAsync(() => GenerateCodesAsync(generatorBrowser, generator.User, clock), results, stopLoad.Token)),
            Task.Run(() => FaultLoad.LoopAsync(() => ImportBatchAsync(admin, batches, clock), results, stopLoad.Token)),
        };
        // Killed once every kind of work has been done at least once (each is then mid-way through its next one), at
        // the latest after 20 s: on a busy machine the first recovery-code set alone can take over a second.
        string[] kinds = ["sign-in", "pat", "codes", "import"];
        var deadline = clock.Elapsed + TimeSpan.FromSeconds(20);
        while (clock.Elapsed < deadline && !kinds.All(kind => results.Any(result => result.Kind == kind && result.Succeeded)))
        {
            await Task.Delay(100);
        }

        await Task.Delay(300);
        await provider.KillAsync();
        await stopLoad.CancelAsync();
        await Task.WhenAll(loops);
        var all = results.OrderBy(result => result.Started).ToList();
        Assert.Contains(all, result => result.Kind == "codes" && result.Succeeded);
        Assert.Contains(all, result => result.Kind == "import" && result.Succeeded);
        Assert.Contains(all, result => result.Kind == "pat" && result.Succeeded);
        Assert.Contains(all, result => result.Kind == "sign-in" && result.Succeeded);

        var restart = Stopwatch.StartNew();
        await provider.StartAsync();
        output.WriteLine($"{all.Count} requests before the kill; restarted in {restart.ElapsedMilliseconds} ms");

        // Sessions, refresh tokens, access tokens.
        Assert.True(await ManagePage.HasSessionAsync(browser), "The session of before the kill no longer opens the account page.");
        using var userInfo = new HttpRequestMessage(HttpMethod.Get, "/connect/userinfo");
        userInfo.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens.AccessToken);
        using (var answer = await browser.Http.SendAsync(userInfo))
        {
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        }

        Assert.True(ResourceServer.IsActive(await ResourceServer.IntrospectAsync(browser.Http, tokens.AccessToken!, "web", TestData.WebSecret)));
        var refreshed = await TokenResponse.RefreshAsync(browser.Http, "web", TestData.WebSecret, tokens.RefreshToken!);
        Assert.True(refreshed.Status == HttpStatusCode.OK, refreshed.Json.ToString());

        // Keys: the same signing keys published, no new Data Protection key needed.
        Assert.Equal(jwksBefore, await browser.Http.GetStringAsync("/.well-known/jwks"));
        Assert.Equal(keysBefore, await setup.QueryAsync(db => db.DataProtectionKeys.Select(key => key.FriendlyName).OrderBy(name => name).ToListAsync()));

        // The remembered browser (its cookies without the session) skips the OTP step.
        var remembered = new CookieContainer();
        foreach (var cookie in jar.GetAllCookies().Where(cookie => cookie.Name != UserStories.SessionCookie))
        {
            remembered.Add(cookie);
        }

        (await UserStories.SignInWithPasswordAsync(provider.CreateClient(remembered), signer.User.Email, signer.User.Password)).As<ManagePage>();

        // Replay marker: the code accepted before the kill stays spent; lockout counter: the 3 failures still count.
        var replay = await UserStories.SignInWithPasswordAsync(provider.CreateClient(), signer.User.Email, signer.User.Password).As<TwoStepPage>();
        Assert.False((await replay.SubmitCodeAsync(spentCode)).Is<ManagePage>(), "A code accepted before the kill was accepted again.");
        Assert.Equal(3, (await setup.ReadUserAsync(locked.Id)).AccessFailedCount);

        // Nothing half-written: one whole set of 10 recovery codes; each import batch all or nothing.
        var codes = await setup.ReadRecoveryCodesAsync(generator.User.Id);
        Assert.Equal(10, codes.Count);
        Assert.Single(codes.Select(code => code.CreatedAt).Distinct());
        foreach (var (prefix, status) in batches)
        {
            var imported = await setup.QueryAsync(db => db.HardwareTokens.CountAsync(token => token.Serial.StartsWith(prefix)));
            Assert.True(imported is 0 or BatchSize, $"Batch {prefix} ({status}): {imported} of {BatchSize} tokens.");
            Assert.True(status != HttpStatusCode.OK || imported == BatchSize, $"Batch {prefix} was answered 200 but has {imported} tokens.");
        }

        // The outbox: the reset mail queued before the kill is still there, and goes out once the server is back and
        // its back-off has passed (moved back here, as time would; a claim by the dead process expires the same way).
        var queued = await setup.QueryAsync(db => db.OutboxMails.Where(row => row.UserId == signer.User.Id && row.SentAt == null).ToListAsync());
        Assert.NotEmpty(queued);
        mail.Start();
        await setup.QueryAsync(db => db.OutboxMails.Where(row => row.SentAt == null).ExecuteUpdateAsync(update => update
            .SetProperty(row => row.NextAttemptAt, DateTimeOffset.UtcNow.AddMinutes(-1))
            .SetProperty(row => row.ClaimedUntil, (DateTimeOffset?)null)));
        await mail.WaitForAsync(signer.User.Email, MailStories.IsReset, timeout: TimeSpan.FromSeconds(10));
        output.WriteLine($"checked {batches.Count} import batches, {queued.Count} queued mails");
    }

    private async Task<(TestUser User, TestDevice Device)> UserWithHotpAsync()
    {
        var user = await UserStories.CreateUserAsync(setup);
        return (user, await UserStories.EnrolHotpAsync(setup, user.Id));
    }

    private static async Task<string> AdminTokenAsync(HttpClient http)
    {
        var answer = await TokenResponse.PostAsync(http, "/connect/token", new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = "admin-service",
            ["client_secret"] = TestData.AdminServiceSecret,
            ["scope"] = AdminApiStories.AdminScope,
        });
        return answer.AccessToken ?? throw new Xunit.Sdk.XunitException($"No admin API token: {answer.Json}");
    }

    private static async Task<LoadResult> GenerateCodesAsync(ProviderClient browser, TestUser user, Stopwatch clock)
    {
        var started = clock.Elapsed;
        try
        {
            var page = await RecoveryCodesPage.OpenAsync(browser);
            if (page.Is<RecoveryCodesPage>())
            {
                page = await RecoveryCodesPage.Create(page).GenerateAsync(user.Password);
            }

            var shown = page.Is<ShowRecoveryCodesPage>() && ShowRecoveryCodesPage.Create(page).Codes.Count == 10;
            return new LoadResult("codes", started, clock.Elapsed, shown, page.Status, page.Body, null);
        }
        catch (HttpRequestException error)
        {
            return new LoadResult("codes", started, clock.Elapsed, false, null, error.Message, null);
        }
    }

    private static async Task<LoadResult> ImportBatchAsync(HttpClient admin, ConcurrentDictionary<string, HttpStatusCode?> batches, Stopwatch clock)
    {
        var started = clock.Elapsed;
        var prefix = SeedFileSamples.UniqueSerial("K");
        batches[prefix] = null;
        var rows = Enumerable.Range(0, BatchSize).Select(index => $"{prefix}-{index:00},{Convert.ToHexString(Guid.NewGuid().ToByteArray())}{Convert.ToHexString(Guid.NewGuid().ToByteArray())[..8]},hotp,6,0").ToArray();
        try
        {
            using var response = await HardwareTokenStories.ImportAsync(admin, SeedFileSamples.Csv(rows), SeedFiles.CsvMediaType);
            batches[prefix] = response.StatusCode;
            return new LoadResult("import", started, clock.Elapsed, response.StatusCode == HttpStatusCode.OK, response.StatusCode, await response.Content.ReadAsStringAsync(), null);
        }
        catch (HttpRequestException error)
        {
            return new LoadResult("import", started, clock.Elapsed, false, null, error.Message, null);
        }
    }
}
