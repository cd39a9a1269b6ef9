using System.Text;
using IdentityProvider.TwoStep;

namespace IdentityProvider.UnitTests.TwoStep;

/// <summary>
/// Codes computed with Otp.NET's own Totp/Hotp (time based, default key provider), so the
/// verifier's step-as-counter path is checked against an independent computation.
/// </summary>
internal static class TestCodes
{
    // A fixed secret keeps accidental 6-digit collisions between neighbouring steps reproducible.
    public static readonly byte[] Secret = Encoding.ASCII.GetBytes("12345678901234567890");

    /// <summary>5 seconds into step 56,666,667 (2023-11-14).</summary>
    public static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_700_000_015);

    public const long CurrentStep = 56_666_667;

    public static string Totp(long step, OtpParameters? p = null)
    {
        p ??= OtpParameters.DefaultTotp;
        var totp = new OtpNet.Totp(Secret, p.PeriodSeconds, ToMode(p.Algorithm), p.Digits);
        return totp.ComputeTotp(DateTimeOffset.FromUnixTimeSeconds(step * p.PeriodSeconds).UtcDateTime);
    }

    public static string Hotp(long counter, OtpParameters? p = null)
    {
        p ??= OtpParameters.DefaultHotp;
        return new OtpNet.Hotp(Secret, ToMode(p.Algorithm), p.Digits).ComputeHOTP(counter);
    }

    private static OtpNet.OtpHashMode ToMode(OtpHashAlgorithm algorithm) => algorithm switch
    {
        OtpHashAlgorithm.Sha1 => OtpNet.OtpHashMode.Sha1,
        OtpHashAlgorithm.Sha256 => OtpNet.OtpHashMode.Sha256,
        _ => OtpNet.OtpHashMode.Sha512,
    };
}
