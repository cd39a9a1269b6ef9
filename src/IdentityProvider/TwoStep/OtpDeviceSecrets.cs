using IdentityProvider.Data.Entities;
using Microsoft.AspNetCore.DataProtection;

namespace IdentityProvider.TwoStep;

/// <summary>Encrypts OTP seeds at rest (Data Protection, keys in the database) and maps devices to OTP parameters.</summary>
public sealed class OtpDeviceSecrets(IDataProtectionProvider dataProtection)
{
    private readonly IDataProtector protector = dataProtection.CreateProtector("IdentityProvider.OtpDevice.Secret");

    public string Protect(byte[] secret) => Convert.ToBase64String(protector.Protect(secret));

    public byte[] Unprotect(OtpDevice device) => protector.Unprotect(Convert.FromBase64String(device.ProtectedSecret));

    public static OtpParameters ParametersOf(OtpDevice device) => new(
        device.Type == "hotp" ? OtpType.Hotp : OtpType.Totp,
        Enum.GetValues<OtpHashAlgorithm>().First(algorithm => algorithm.ToUriName() == device.Algorithm),
        device.Digits,
        device.PeriodSeconds);

    public static void Describe(OtpDevice device, OtpParameters parameters)
    {
        device.Type = parameters.Type == OtpType.Hotp ? "hotp" : "totp";
        device.Algorithm = parameters.Algorithm.ToUriName();
        device.Digits = parameters.Digits;
        device.PeriodSeconds = parameters.PeriodSeconds;
    }
}
