using BenchmarkDotNet.Attributes;
using IdentityProvider.TwoStep;
using OtpNet;

namespace IdentityProvider.Benchmarks.Otp;

/// <summary>
/// In-process code checks, one core: the target is at least 50,000 TOTP verifications per second with the
/// default window (docs/PERFORMANCE.md). A wrong code is the worst case: every candidate step is computed.
/// </summary>
[MemoryDiagnoser]
public class OtpVerificationBenchmarks
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
    private readonly byte[] secret = OtpSecret.Generate(OtpHashAlgorithm.Sha1);
    private string validTotp = "";
    private string validHotp = "";

    [GlobalSetup]
    public void Setup()
    {
        validTotp = new Totp(secret).ComputeTotp(Now.UtcDateTime);
        validHotp = new Hotp(secret).ComputeHOTP(5);
    }

    [Benchmark(Baseline = true)]
    public TotpMatch? TotpValidCode() =>
        OtpVerifier.VerifyTotp(secret, OtpParameters.DefaultTotp, validTotp, Now, 0, OtpVerifier.NoTotpStepAccepted, 1);

    [Benchmark]
    public TotpMatch? TotpWrongCode() =>
        OtpVerifier.VerifyTotp(secret, OtpParameters.DefaultTotp, "000000", Now, 0, OtpVerifier.NoTotpStepAccepted, 1);

    [Benchmark]
    public long? HotpWrongCodeLookAhead10() =>
        OtpVerifier.VerifyHotp(secret, OtpParameters.DefaultHotp, "000000", 0, 10);

    [Benchmark]
    public long? HotpValidCode() =>
        OtpVerifier.VerifyHotp(secret, OtpParameters.DefaultHotp, validHotp, 0, 10);
}
