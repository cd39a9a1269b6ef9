using System.Security.Cryptography;
using OtpNet;

namespace IdentityProvider.TwoStep;

/// <summary>
/// Otp.NET key provider that keeps one keyed HMAC for all candidates of a verification.
/// Note: Otp.NET's default InMemoryKey builds a new HMAC object for every code, which made a
/// ±1-window TOTP check about 4× slower (about 53,000/s against over 200,000/s on this machine);
/// the target is 50,000/s per core (README: Benchmarks). Not thread-safe: one instance per verification.
/// </summary>
internal sealed class OtpHmacKey(byte[] secret, OtpHashAlgorithm algorithm) : IKeyProvider, IDisposable
{
    private readonly OtpHashMode mode = algorithm.ToOtpHashMode();

    private readonly IncrementalHash hmac = IncrementalHash.CreateHMAC(
        algorithm switch
        {
            OtpHashAlgorithm.Sha1 => HashAlgorithmName.SHA1,
            OtpHashAlgorithm.Sha256 => HashAlgorithmName.SHA256,
            OtpHashAlgorithm.Sha512 => HashAlgorithmName.SHA512,
            _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "Unknown OTP hash algorithm."),
        },
        secret);

    public byte[] ComputeHmac(OtpHashMode mode, byte[] data)
    {
        // Warning: a mismatch would silently compute codes with the wrong hash; fail loudly instead.
        if (mode != this.mode)
        {
            throw new InvalidOperationException($"This key computes {this.mode}, not {mode}.");
        }

        hmac.AppendData(data);
        return hmac.GetHashAndReset();
    }

    public void Dispose() => hmac.Dispose();
}
