using IdentityProvider.Data.Entities;
using Microsoft.AspNetCore.DataProtection;

namespace IdentityProvider.TwoStep;

/// <summary>Encrypts OTP seeds at rest (Data Protection, keys in the database) and maps devices to OTP parameters.</summary>
public sealed class OtpDeviceSecrets(IDataProtectionProvider dataProtection)
{
    private readonly IDataProtector protector = dataProtection.CreateProtector("IdentityProvider.OtpDevice.Secret");

    public string Protect(byte[] secret) => Convert.ToBase64String(protector.Protect(secret));

    public byte[] Unprotect(OtpDevice device) => Unprotect(device.ProtectedSecret);

    /// <summary>A seed protected by <see cref="Protect"/> (an app's secret or a hardware token's seed).</summary>
    public byte[] Unprotect(string protectedSecret) => protector.Unprotect(Convert.FromBase64String(protectedSecret));

    public static OtpParameters ParametersOf(OtpDevice device) =>
        ParametersOf(device.Type, device.Algorithm, device.Digits, device.PeriodSeconds);

    /// <summary>The parameters stored as columns (<see cref="TypeName"/>, <see cref="OtpHashAlgorithmExtensions.ToUriName"/>, digits, period).</summary>
    public static OtpParameters ParametersOf(string type, string algorithm, int digits, int periodSeconds) => new(
        type == TypeName(OtpType.Hotp) ? OtpType.Hotp : OtpType.Totp,
        Enum.GetValues<OtpHashAlgorithm>().First(candidate => candidate.ToUriName() == algorithm),
        digits,
        periodSeconds);

    /// <summary><c>hotp</c> or <c>totp</c>, as stored.</summary>
    public static string TypeName(OtpType type) => type == OtpType.Hotp ? "hotp" : "totp";

    public static void Describe(OtpDevice device, OtpParameters parameters)
    {
        device.Type = TypeName(parameters.Type);
        device.Algorithm = parameters.Algorithm.ToUriName();
        device.Digits = parameters.Digits;
        device.PeriodSeconds = parameters.PeriodSeconds;
    }
}
