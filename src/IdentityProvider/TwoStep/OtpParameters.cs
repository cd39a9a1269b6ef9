namespace IdentityProvider.TwoStep;

/// <summary>
/// How a device computes its codes. Every property validates on set (also through <c>with</c>),
/// so an instance always holds values that authenticator apps and hardware tokens support.
/// </summary>
public sealed record OtpParameters
{
    /// <summary>The usual authenticator-app setting: TOTP, SHA1, 6 digits, 30 s.</summary>
    public static readonly OtpParameters DefaultTotp = new(OtpType.Totp);

    /// <summary>The usual HOTP token setting: SHA1, 6 digits.</summary>
    public static readonly OtpParameters DefaultHotp = new(OtpType.Hotp);

    public OtpParameters(
        OtpType type,
        OtpHashAlgorithm algorithm = OtpHashAlgorithm.Sha1,
        int digits = 6,
        int periodSeconds = 30)
    {
        Type = type;
        Algorithm = algorithm;
        Digits = digits;
        PeriodSeconds = periodSeconds;
    }

    public OtpType Type
    {
        get;
        init => field = Enum.IsDefined(value)
            ? value
            : throw new ArgumentOutOfRangeException(nameof(Type), value, "Unknown OTP type.");
    }

    public OtpHashAlgorithm Algorithm
    {
        get;
        init => field = Enum.IsDefined(value)
            ? value
            : throw new ArgumentOutOfRangeException(nameof(Algorithm), value, "Unknown OTP hash algorithm.");
    }

    /// <summary>6 or 8. Note: fewer digits are too guessable; authenticator apps do not show more.</summary>
    public int Digits
    {
        get;
        init => field = value is 6 or 8
            ? value
            : throw new ArgumentOutOfRangeException(nameof(Digits), value, "An OTP has 6 or 8 digits.");
    }

    /// <summary>
    /// TOTP time step: 30 s (RFC 6238 default, the only value most apps honour) or 60 s
    /// (some hardware tokens). Ignored for HOTP.
    /// </summary>
    public int PeriodSeconds
    {
        get;
        init => field = value is 30 or 60
            ? value
            : throw new ArgumentOutOfRangeException(nameof(PeriodSeconds), value, "A TOTP period is 30 or 60 seconds.");
    }
}
