using System.Runtime.InteropServices;
using System.Security.Cryptography;
using OtpNet;

namespace IdentityProvider.TwoStep;

/// <summary>
/// Computes and compares the code of one device at a given counter. Built once per verification
/// so the key is loaded once, however many candidates are tried.
/// Note: TOTP is HOTP over the time-step number (RFC 6238 §4), so one Hotp instance serves both
/// kinds and a step never has to be turned back into a DateTime.
/// </summary>
internal sealed class OtpCodeMatcher : IDisposable
{
    private readonly OtpHmacKey key;
    private readonly Hotp hotp;

    public OtpCodeMatcher(byte[] secret, OtpParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(secret);
        key = new OtpHmacKey(secret, parameters.Algorithm);
        hotp = new Hotp(key, parameters.Algorithm.ToOtpHashMode(), parameters.Digits);
    }

    public string Compute(long counter) => hotp.ComputeHOTP(counter);

    public bool Matches(long counter, string code) => AreEqual(Compute(counter), code);

    public void Dispose() => key.Dispose();

    /// <summary>Warning: constant time, so the response time tells nothing of how many digits were right.</summary>
    public static bool AreEqual(string expected, string actual) =>
        CryptographicOperations.FixedTimeEquals(
            MemoryMarshal.AsBytes(expected.AsSpan()),
            MemoryMarshal.AsBytes(actual.AsSpan()));

    /// <summary>Exactly <paramref name="digits"/> ASCII digits. Length is not secret, so an early exit is fine.</summary>
    public static bool IsWellFormed(string? code, int digits)
    {
        if (code is null || code.Length != digits)
        {
            return false;
        }

        foreach (char c in code)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
