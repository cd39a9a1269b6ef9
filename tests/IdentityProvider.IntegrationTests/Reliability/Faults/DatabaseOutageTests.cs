using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using IdentityProvider.IntegrationTests.PersonalAccessTokens;
using IdentityProvider.Settings;
using IdentityProvider.Testing;
using IdentityProvider.Testing.Pages;
using IdentityProvider.Testing.Stories;
using Xunit.Abstractions;

namespace IdentityProvider.IntegrationTests.Reliability.Faults;

/// <summary>The provider in-process on a PostgreSQL server of its own, which the test stops and starts again.</summary>
public sealed class StoppableDatabaseFixture : IAsyncLifetime
{
    private PostgresServer? server;
    private ProviderFactory? factory;

    public PostgresServer Server => server ?? throw new InvalidOperationException("The fixture has not started.");

    public ProviderFactory Factory => factory ?? throw new InvalidOperationException("The fixture has not started.");

    public async Task InitializeAsync()
    {
        server = await PostgresServer.StartStoppableAsync();
        var settings = new Dictionary<string, string?>(TestData.TokenClient(3, TokenFixture.Client, null, "api"))
        {
            ["Tokens:AllowSignInByToken"] = "true",
        };
        factory = new ProviderFactory(DatabaseProvider.Postgres, await server.CreateDatabaseAsync("outage"), settings);
        _ = factory.Server;
    }

    public async Task DisposeAsync()
    {
        try
        {
            if (factory is not null)
            {
                await factory.DisposeAsync();
            }
        }
        finally
        {
            if (server is not null)
            {
                await server.DisposeAsync();
            }
        }
    }
}

/// <summary>
/// PostgreSQL stops during a load of sign-ins (password and OTP) and personal access token exchanges: every request
/// fails closed (503, no token, no session, no stack trace), and once the server is back the provider serves again by
/// itself within seconds, without a restart.
/// </summary>
public class DatabaseOutageTests(StoppableDatabaseFixture fixture, ITestOutputHelper output) : IClassFixture<StoppableDatabaseFixture>
{
    private const int Loops = 2;

    private static readonly TimeSpan RecoveryLimit = TimeSpan.FromSeconds(15);

    private static readonly TimeSpan OutageLimit = TimeSpan.FromSeconds(12);

    /// <summary>
    /// The narrow case the load test met by chance: a browser signed in a moment before, whose session check is the
    /// first thing to meet the outage. It gets the outage page too, not a failed request.
    /// </summary>
    [Fact]
    public async Task DatabaseDown_SignedInBrowserOpensTheAccountPage_GetsTheOutagePage()
    {
        var user = await UserStories.CreateUserAsync(fixture.Factory);
        var browser = fixture.Factory.CreateProviderClient();
        (await UserStories.SignInWithPasswordAsync(browser, user.Email, user.Password)).As<ManagePage>();

        await fixture.Server.StopAsync(PostgresServer.StopMode.Fast);
        try
        {
            var page = await ManagePage.OpenAsync(browser);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, page.Status);
            Assert.False(FaultLoad.ShowsStackTrace(new LoadResult("account page", default, default, false, page.Status, page.Body, browser)));
        }
        finally
        {
            await fixture.Server.StartAgainAsync();
        }
    }

    [Theory]
    [InlineData(PostgresServer.StopMode.Fast)]
    [InlineData(PostgresServer.StopMode.Immediate)]
    public async Task DatabaseStops_UnderLoad_EveryRequestFailsClosed_AndTheProviderRecoversByItself(PostgresServer.StopMode mode)
    {
        var factory = fixture.Factory;
        var users = new List<(TestUser User, TestDevice Device)>();
        var tokens = new List<string>();
        for (var loop = 0; loop < Loops; loop++)
        {
            var user = await UserStories.CreateUserAsync(factory);
            users.Add((user, await UserStories.EnrolHotpAsync(factory, user.Id)));
            tokens.Add((await TokenSteps.IssueAsync(factory, user.Id)).Secret);
        }

        // HOTP counters 0 and 1 went to the enrolment; each sign-in takes the next, used or not (the look-ahead covers a skip).
        var counters = Enumerable.Repeat(2L, Loops).ToArray();
        var clock = Stopwatch.StartNew();
        using var script = factory.CreateClient();
        Task<LoadResult> SignIn(int loop) =>
            FaultLoad.SignInAsync(fixture.Factory.CreateProviderClient, clock, users[loop].User, users[loop].Device.HotpAt(counters[loop]++));
        Task<LoadResult> Exchange(int loop) => FaultLoad.ExchangeAsync(script, clock, tokens[loop], TokenFixture.Client);
        for (var loop = 0; loop < Loops; loop++)
        {
            Assert.True((await SignIn(loop)).Succeeded && (await Exchange(loop)).Succeeded, "The warm-up failed.");
        }

        var results = new ConcurrentQueue<LoadResult>();
        using var stopLoad = new CancellationTokenSource();
        var loops = Enumerable.Range(0, Loops).SelectMany(loop => new[]
        {
            Task.Run(() => FaultLoad.LoopAsync(() => SignIn(loop), results, stopLoad.Token)),
            Task.Run(() => FaultLoad.LoopAsync(() => Exchange(loop), results, stopLoad.Token)),
        }).ToList();

        TimeSpan stopping = default, stopped = default, starting, started;
        try
        {
            await Task.Delay(1000);
            stopping = clock.Elapsed;
            await fixture.Server.StopAsync(mode);
            stopped = clock.Elapsed;

            // Down until both kinds of request were tried and answered wholly inside the outage (each waits out the
            // retries first), at most OutageLimit.
            var limit = clock.Elapsed + OutageLimit;
            while (clock.Elapsed < limit && !(results.Any(Inside("sign-in", stopped)) && results.Any(Inside("pat", stopped))))
            {
                await Task.Delay(100);
            }
        }
        finally
        {
            starting = clock.Elapsed;
            await fixture.Server.StartAgainAsync();
            started = clock.Elapsed;
            await stopLoad.CancelAsync();
            await Task.WhenAll(loops);
        }

        var all = results.OrderBy(result => result.Started).ToList();
        foreach (var result in all)
        {
            output.WriteLine(result.ToString());
        }

        output.WriteLine($"{mode} stop {stopping.TotalMilliseconds:0}–{stopped.TotalMilliseconds:0} ms, start {starting.TotalMilliseconds:0}–{started.TotalMilliseconds:0} ms");

        // Before the stop, the load works (else the rest proves nothing).
        var before = all.Where(result => result.Ended < stopping).ToList();
        Assert.Contains(before, result => result.Kind == "sign-in" && result.Succeeded);
        Assert.Contains(before, result => result.Kind == "pat" && result.Succeeded);
        Assert.All(before, result => Assert.True(result.Succeeded, result.ToString()));

        // Whatever overlapped the fault: a success or a 503, never another failure, never a stack trace.
        Assert.All(all, result => Assert.True(result.Succeeded || result.Status == HttpStatusCode.ServiceUnavailable, result.ToString()));
        Assert.DoesNotContain(all, FaultLoad.ShowsStackTrace);
        // Scripts read JSON: an exchange that failed for the outage gets a problem document, not the HTML error page.
        Assert.All(all.Where(result => result.Kind == "pat" && result.Status == HttpStatusCode.ServiceUnavailable),
            result => Assert.Contains("\"status\":503", result.Body, StringComparison.Ordinal));

        // While the server was down, nothing was accepted: no token, no account page.
        var during = all.Where(result => result.Started >= stopped && result.Ended <= starting).ToList();
        Assert.Contains(during, result => result.Kind == "sign-in");
        Assert.Contains(during, result => result.Kind == "pat");
        Assert.All(during, result => Assert.False(result.Succeeded, result.ToString()));

        // The provider serves again by itself: a sign-in and an exchange work within seconds of the server's return.
        var recovered = await RecoverAsync(() => SignIn(0), () => Exchange(0));
        output.WriteLine($"recovered {recovered.TotalMilliseconds:0} ms after the server accepted connections again");

        // And no sign-in attempted during the outage left a browser with a session that works now.
        foreach (var result in during.Where(result => result.Browser is not null))
        {
            Assert.False(await ManagePage.HasSessionAsync(result.Browser!), $"A sign-in during the outage left a session: {result}");
        }
    }

    private static Func<LoadResult, bool> Inside(string kind, TimeSpan stopped) => result => result.Kind == kind && result.Started >= stopped;

    /// <summary>Polls until a sign-in and an exchange both succeed (at most <see cref="RecoveryLimit"/>); the time it took.</summary>
    private static async Task<TimeSpan> RecoverAsync(Func<Task<LoadResult>> signIn, Func<Task<LoadResult>> exchange)
    {
        var waited = Stopwatch.StartNew();
        LoadResult? lastSignIn = null, lastExchange = null;
        while (waited.Elapsed < RecoveryLimit)
        {
            lastSignIn = lastSignIn is { Succeeded: true } ? lastSignIn : await signIn();
            lastExchange = lastExchange is { Succeeded: true } ? lastExchange : await exchange();
            if (lastSignIn.Succeeded && lastExchange.Succeeded)
            {
                return waited.Elapsed;
            }

            await Task.Delay(100);
        }

        throw new Xunit.Sdk.XunitException($"The provider did not recover within {RecoveryLimit.TotalSeconds} s: {lastSignIn} / {lastExchange}");
    }
}
