using IdentityProvider.Auditing;
using IdentityProvider.Testing;
using IdentityProvider.Testing.Pages;
using IdentityProvider.Testing.Stories;

namespace IdentityProvider.IntegrationTests.Reliability;

/// <summary>
/// The defaults operators get: 3 free attempts per address and e-mail, then 1 s, 2 s, 4 s… up to an hour; 5 failures
/// lock the account for 15 minutes. Client addresses come from <c>X-Forwarded-For</c>, believed from any proxy here.
/// </summary>
public sealed class SignInThrottleFixture : ProviderFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Lockout:FreeAttemptsPerAddress"] = "3",
        ["ForwardedHeaders:KnownNetworks:0"] = "0.0.0.0/0",
        ["ForwardedHeaders:KnownNetworks:1"] = "::/0",
    };
}

/// <summary>
/// Brute force without locking people out: an address that keeps failing for one e-mail waits longer and longer
/// before its next password is even checked, so it cannot keep the account locked, and its owner elsewhere is
/// never delayed.
/// </summary>
public sealed class SignInThrottleTests(SignInThrottleFixture provider) : IClassFixture<SignInThrottleFixture>
{
    private const string WrongPassword = "not-the-right-password";

    [Fact]
    public async Task FourthFailureFromOneAddress_WaitsASecond_IsNotChecked_AndTheOwnerElsewhereSignsIn()
    {
        var user = await UserStories.CreateUserAsync(provider.Factory);
        using var attacker = ClientAt("203.0.113.7");
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            Assert.DoesNotContain("Wait", await FailedSignInAsync(attacker, user.Email, WrongPassword));
        }

        // Even the right password is refused unchecked while the address waits: nothing counts toward the lockout.
        var throttled = await UserStories.SignInWithPasswordAsync(attacker, user.Email, user.Password).As<LoginPage>();
        Assert.Contains("Wait 1 seconds", throttled.ErrorText);
        Assert.Equal(TimeSpan.FromSeconds(1), throttled.Page.Response.Headers.RetryAfter?.Delta);
        Assert.Equal(3, (await provider.Factory.ReadUserAsync(user.Id)).AccessFailedCount);
        Assert.Single(await provider.Factory.SecurityEventsAsync(user.Id), entry => entry.Kind == SecurityEventKinds.SignInThrottled);

        using var owner = ClientAt("198.51.100.20");
        await UserStories.SignInWithPasswordAsync(owner, user.Email, user.Password).As<ManagePage>();

        provider.Factory.Clock.Advance(TimeSpan.FromSeconds(1));
        await UserStories.SignInWithPasswordAsync(attacker, user.Email, user.Password).As<ManagePage>();
    }

    [Fact]
    public async Task UnknownEmail_IsThrottledExactlyLikeAKnownOne()
    {
        var user = await UserStories.CreateUserAsync(provider.Factory);
        using var client = ClientAt("203.0.113.8");
        var known = new List<string>();
        var unknown = new List<string>();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            known.Add(await FailedSignInAsync(client, user.Email, WrongPassword));
            unknown.Add(await FailedSignInAsync(client, "nobody-" + user.Email, WrongPassword));
        }

        Assert.Equal(known, unknown);
        Assert.Contains("Wait", known[^1]);
    }

    [Fact]
    public async Task AnotherAddressInTheSameIpv6Block_SharesTheDelay()
    {
        var user = await UserStories.CreateUserAsync(provider.Factory);
        using (var first = ClientAt("2001:db8:1:2::1"))
        {
            for (var attempt = 1; attempt <= 3; attempt++)
            {
                await FailedSignInAsync(first, user.Email, WrongPassword);
            }
        }

        using var sameBlock = ClientAt("2001:db8:1:2:ffff::9");
        Assert.Contains("Wait", await FailedSignInAsync(sameBlock, user.Email, WrongPassword));
        using var otherBlock = ClientAt("2001:db8:1:3::1");
        await UserStories.SignInWithPasswordAsync(otherBlock, user.Email, user.Password).As<ManagePage>();
    }

    /// <summary>
    /// An attacker at one address who tries again the moment each delay ends, for a simulated day. Without the
    /// delays, 5 failures every 15 minutes would keep the account locked all day; with them it is locked for at most
    /// 6 periods of 15 minutes (measured: see the README), and its owner at another address signs in whenever it is
    /// not locked.
    /// </summary>
    [Fact]
    public async Task AttackerAtOneAddress_TryingForADay_KeepsTheAccountLockedOnlyAFewTimes()
    {
        var user = await UserStories.CreateUserAsync(provider.Factory);
        using var attacker = ClientAt("203.0.113.9");
        var clock = provider.Factory.Clock;
        var end = clock.GetUtcNow() + TimeSpan.FromDays(1);
        var checkedPasswords = 0;
        while (clock.GetUtcNow() < end)
        {
            var page = await UserStories.SignInWithPasswordAsync(attacker, user.Email, WrongPassword).As<LoginPage>();
            if (page.Page.Response.Headers.RetryAfter?.Delta is { } wait)
            {
                clock.Advance(wait);
            }
            else
            {
                checkedPasswords++;
            }
        }

        var lockouts = (await provider.Factory.SecurityEventsAsync(user.Id)).Count(entry => entry.Kind == SecurityEventKinds.LockedOut);
        Assert.InRange(lockouts, 1, 6);
        Assert.InRange(checkedPasswords, 5, 40);
        using var owner = ClientAt("198.51.100.21");
        clock.Advance(TimeSpan.FromMinutes(15));
        await UserStories.SignInWithPasswordAsync(owner, user.Email, user.Password).As<ManagePage>();
    }

    private ProviderClient ClientAt(string address)
    {
        var client = provider.CreateClient();
        client.Http.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return client;
    }

    private static async Task<string> FailedSignInAsync(ProviderClient client, string email, string password) =>
        (await UserStories.SignInWithPasswordAsync(client, email, password).As<LoginPage>()).ErrorText;
}
