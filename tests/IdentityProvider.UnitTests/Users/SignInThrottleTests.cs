using System.Net;
using IdentityProvider.Settings;
using IdentityProvider.Testing;
using IdentityProvider.Users;
using Microsoft.AspNetCore.Identity;

namespace IdentityProvider.UnitTests.Users;

public sealed class SignInThrottleTests
{
    private const string Email = "alice@example.com";
    private static readonly IPAddress Address = IPAddress.Parse("203.0.113.5");

    private readonly TestClock clock = new();

    [Fact]
    public void AfterTheFreeAttempts_DelaysDouble_UpToTheMaximum()
    {
        var throttle = new SignInThrottle(new LockoutSettings(5, 15, FreeAttemptsPerAddress: 3, MaxDelayMinutes: 1), clock, new UpperInvariantLookupNormalizer());
        var allowedAt = new List<DateTimeOffset>();
        while (allowedAt.Count < 10)
        {
            var attempt = throttle.TryBegin(Address, Email);
            if (attempt.IsAllowed)
            {
                allowedAt.Add(clock.GetUtcNow());
            }
            else
            {
                clock.Advance(attempt.RetryAfter);
            }
        }

        var waits = allowedAt.Zip(allowedAt.Skip(1), (earlier, later) => (later - earlier).TotalSeconds);
        Assert.Equal([0, 0, 1, 2, 4, 8, 16, 32, 60], waits);
    }

    [Fact]
    public void ACorrectPassword_ClearsTheDelay_ForThatAddressAndEmailOnly()
    {
        var throttle = new SignInThrottle(new LockoutSettings(5, 15, 1, 60), clock, new UpperInvariantLookupNormalizer());
        var other = IPAddress.Parse("198.51.100.1");
        throttle.TryBegin(Address, Email);
        throttle.TryBegin(other, Email);

        throttle.Succeeded(Address, Email);

        Assert.True(throttle.TryBegin(Address, Email).IsAllowed);
        Assert.False(throttle.TryBegin(other, Email).IsAllowed);
        Assert.True(throttle.TryBegin(other, "bob@example.com").IsAllowed);
    }

    [Fact]
    public void AnIpv4MappedAddress_CountsAsItsIpv4Address()
    {
        var throttle = new SignInThrottle(new LockoutSettings(5, 15, 1, 60), clock, new UpperInvariantLookupNormalizer());
        throttle.TryBegin(Address, Email);

        Assert.False(throttle.TryBegin(Address.MapToIPv6(), Email).IsAllowed);
    }
}
