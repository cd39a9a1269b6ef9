using OtpNet;

namespace IdentityProvider.TwoStep;

/// <summary>HMAC hash of an OTP device. SHA1 is what nearly every authenticator app supports.</summary>
public enum OtpHashAlgorithm
{
    Sha1,
    Sha256,
    Sha512,
}

/// <summary>Maps our enum to Otp.NET and to the Key Uri Format, so neither leaks into stored data.</summary>
internal static class OtpHashAlgorithmExtensions
{
    public static OtpHashMode ToOtpHashMode(this OtpHashAlgorithm algorithm) => algorithm switch
    {
        OtpHashAlgorithm.Sha1 => OtpHashMode.Sha1,
        OtpHashAlgorithm.Sha256 => OtpHashMode.Sha256,
        OtpHashAlgorithm.Sha512 => OtpHashMode.Sha512,
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "Unknown OTP hash algorithm."),
    };

    /// <summary>The <c>algorithm=</c> value of an otpauth URI.</summary>
    public static string ToUriName(this OtpHashAlgorithm algorithm) => algorithm switch
    {
        OtpHashAlgorithm.Sha1 => "SHA1",
        OtpHashAlgorithm.Sha256 => "SHA256",
        OtpHashAlgorithm.Sha512 => "SHA512",
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "Unknown OTP hash algorithm."),
    };
}
