using IdentityProvider.TwoStep;
using OtpNet;

namespace IdentityProvider.Testing.Stories;

/// <summary>
/// An active device and its secret, so the test can play the authenticator app: TOTP codes for any moment or
/// step offset, HOTP codes for any counter.
/// </summary>
public sealed record TestDevice(Guid Id, byte[] Secret, OtpParameters Parameters)
{
    // Every seed a test plays is one the suite used: the secrets scan at the end of the run looks for it.
    private readonly bool remembered = SuiteSecrets.RememberSeed(Secret);

    public string Base32Secret => Base32Encoding.ToString(Secret).TrimEnd('=');

    /// <summary>The TOTP code a device whose clock reads <paramref name="time"/> shows.</summary>
    public string TotpAt(DateTimeOffset time) =>
        new Totp(Secret, Parameters.PeriodSeconds, OtpHashMode.Sha1, Parameters.Digits).ComputeTotp(time.UtcDateTime);

    /// <summary>The code of a device whose clock runs <paramref name="stepOffset"/> steps ahead (+) or behind (-) of the provider's.</summary>
    public string TotpNow(TestClock clock, int stepOffset = 0) =>
        TotpAt(clock.GetUtcNow().AddSeconds((double)stepOffset * Parameters.PeriodSeconds));

    public string HotpAt(long counter) => new Hotp(Secret, OtpHashMode.Sha1, Parameters.Digits).ComputeHOTP(counter);

    /// <summary>A well-formed code that no step from -<paramref name="span"/> to +<paramref name="span"/> around now produces.</summary>
    public string WrongTotp(TestClock clock, int span = 3)
    {
        var valid = Enumerable.Range(-span, 2 * span + 1).Select(offset => TotpNow(clock, offset)).ToHashSet();
        return Enumerable.Range(0, 10).Select(digit => new string((char)('0' + digit), Parameters.Digits)).First(code => !valid.Contains(code));
    }
}
