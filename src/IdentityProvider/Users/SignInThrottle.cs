using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using IdentityProvider.Settings;
using Microsoft.AspNetCore.Identity;

namespace IdentityProvider.Users;

/// <summary>
/// Growing delays per client address and typed account, before Identity's account lockout. After
/// <see cref="LockoutSettings.FreeAttemptsPerAddress"/> password attempts for one e-mail from one address without a
/// correct password, each further attempt waits 1 s, 2 s, 4 s… up to <see cref="LockoutSettings.MaxDelayMinutes"/>;
/// an attempt made sooner is refused before the password is checked, so it counts toward no lockout. An attacker
/// who does not know the password can still lock an account once, but from one address the delays soon grow past
/// the lockout's duration, so the account is free most of the time; its owner, at another address (or the same
/// address after a correct password), is never delayed by the attacker's failures.
/// </summary>
/// <remarks>
/// Warning: the key includes the typed e-mail (known or not), so people behind one office address do not delay
/// each other, and an unknown e-mail is throttled exactly like a real one. IPv6 addresses count per /64, the block
/// one subscriber usually holds. Kept in each instance's memory, like the rate limits: N instances allow N times.
/// </remarks>
public sealed class SignInThrottle(LockoutSettings settings, TimeProvider time, ILookupNormalizer normalizer)
{
    /// <summary>A pair is forgotten this long after its last attempt.</summary>
    private static readonly TimeSpan Memory = TimeSpan.FromHours(24);

    /// <summary>Bounds the memory an attacker with many addresses can make us spend.</summary>
    private const int MaxTrackedPairs = 100_000;

    private readonly ConcurrentDictionary<string, Pair> pairs = new();
    private DateTimeOffset nextSweep;

    /// <summary>
    /// Asks to check one password for <paramref name="email"/> (as typed; normalized as Identity does) from <paramref name="address"/>. Allowed
    /// attempts are counted as failures at once (a correct password clears them through <see cref="Succeeded"/>),
    /// so parallel attempts cannot slip through between the check and the count.
    /// </summary>
    public SignInAttempt TryBegin(IPAddress? address, string email)
    {
        var now = time.GetUtcNow();
        SweepIfDue(now);
        var pair = pairs.GetOrAdd(Key(address, email), _ => new Pair());
        lock (pair)
        {
            if (now < pair.NotBefore)
            {
                return SignInAttempt.Wait(pair.NotBefore - now);
            }

            pair.Attempts++;
            pair.LastAttempt = now;
            if (pair.Attempts >= settings.FreeAttemptsPerAddress)
            {
                pair.NotBefore = now + DelayAfter(pair.Attempts - settings.FreeAttemptsPerAddress);
            }

            return SignInAttempt.Allowed;
        }
    }

    /// <summary>The password was correct: this address owes no delay for this account any more.</summary>
    public void Succeeded(IPAddress? address, string email) => pairs.TryRemove(Key(address, email), out _);

    /// <summary>1 s after the first attempt beyond the free ones, doubling each time, up to the configured maximum.</summary>
    private TimeSpan DelayAfter(int attemptsBeyondFree)
    {
        var maximum = TimeSpan.FromMinutes(settings.MaxDelayMinutes);
        return attemptsBeyondFree >= 31 ? maximum : TimeSpan.FromSeconds(Math.Min(1L << attemptsBeyondFree, (long)maximum.TotalSeconds));
    }

    private string Key(IPAddress? address, string email) => $"{Block(address)} {normalizer.NormalizeEmail(email.Trim())}";

    private static string Block(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4().ToString();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    /// <summary>Forgets quiet pairs every few minutes; when too many remain, the oldest go first.</summary>
    private void SweepIfDue(DateTimeOffset now)
    {
        if (now < nextSweep && pairs.Count < MaxTrackedPairs)
        {
            return;
        }

        nextSweep = now + TimeSpan.FromMinutes(5);
        foreach (var (key, pair) in pairs)
        {
            if (now - pair.LastAttempt > Memory && now >= pair.NotBefore)
            {
                pairs.TryRemove(key, out _);
            }
        }

        if (pairs.Count >= MaxTrackedPairs)
        {
            foreach (var (key, _) in pairs.OrderBy(entry => entry.Value.LastAttempt).Take(MaxTrackedPairs / 2).ToList())
            {
                pairs.TryRemove(key, out _);
            }
        }
    }

    private sealed class Pair
    {
        public int Attempts { get; set; }

        public DateTimeOffset LastAttempt { get; set; }

        public DateTimeOffset NotBefore { get; set; }
    }
}

/// <summary>Whether a password may be checked now, or how long the address must wait first.</summary>
public readonly record struct SignInAttempt(bool IsAllowed, TimeSpan RetryAfter)
{
    public static SignInAttempt Allowed => new(true, TimeSpan.Zero);

    public static SignInAttempt Wait(TimeSpan retryAfter) => new(false, retryAfter);
}
