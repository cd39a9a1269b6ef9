using System.Globalization;
using IdentityProvider.Localization;
using IdentityProvider.TwoStep;

namespace IdentityProvider.HardwareTokens;

/// <summary>
/// One token registered by hand, as the admin form and the admin API take it (text, so that any typing gets a
/// message rather than a binding error): serial, model, type, algorithm, digits, period (TOTP) or counter (HOTP),
/// and the seed in hexadecimal or Base32.
/// </summary>
public sealed class HardwareTokenInput
{
    public const string Hex = "hex";
    public const string Base32 = "base32";

    public string? Serial { get; set; }

    public string? Model { get; set; }

    /// <summary><c>hotp</c> or <c>totp</c>.</summary>
    public string? Type { get; set; } = "hotp";

    /// <summary><c>SHA1</c>, <c>SHA256</c> or <c>SHA512</c>.</summary>
    public string? Algorithm { get; set; } = "SHA1";

    public string? Digits { get; set; } = "6";

    /// <summary>TOTP: 30 or 60 seconds.</summary>
    public string? PeriodSeconds { get; set; } = "30";

    /// <summary>HOTP: the counter the token stands at (0 for a new one).</summary>
    public string? Counter { get; set; } = "0";

    public string? Seed { get; set; }

    /// <summary><c>hex</c> or <c>base32</c>.</summary>
    public string? SeedEncoding { get; set; } = Hex;

    /// <summary>The token to register, or the problem of each field (property names as above).</summary>
    public SeedFileToken? TryBuild(out List<FieldProblem> problems)
    {
        problems = [];
        var type = Type?.Trim().ToLowerInvariant() switch
        {
            "hotp" => OtpType.Hotp,
            "totp" => OtpType.Totp,
            _ => (OtpType?)null,
        };
        if (type is null)
        {
            problems.Add(new(nameof(Type), new Sentence("HardwareTokens.Input.Type")));
        }

        var algorithm = Enum.GetValues<OtpHashAlgorithm>().Cast<OtpHashAlgorithm?>()
            .FirstOrDefault(candidate => string.Equals(candidate!.Value.ToUriName(), Algorithm?.Trim(), StringComparison.OrdinalIgnoreCase));
        if (algorithm is null)
        {
            problems.Add(new(nameof(Algorithm), new Sentence("HardwareTokens.Input.Algorithm")));
        }

        var digits = Number(Digits);
        if (digits is not (6 or 8))
        {
            problems.Add(new(nameof(Digits), new Sentence("HardwareTokens.Input.Digits")));
        }

        var period = type == OtpType.Totp ? Number(PeriodSeconds) : 30;
        if (period is not (30 or 60))
        {
            problems.Add(new(nameof(PeriodSeconds), new Sentence("HardwareTokens.Input.Period")));
        }

        var counter = type == OtpType.Hotp ? Number(Counter) : 0;
        if (counter is null)
        {
            problems.Add(new(nameof(Counter), new Sentence("HardwareTokens.Input.Counter")));
        }

        var seed = ReadSeed();
        if (seed is null)
        {
            problems.Add(new(nameof(Seed), SeedEncoding?.Trim().ToLowerInvariant() == Base32
                ? new Sentence("HardwareTokens.Input.SeedBase32")
                : new Sentence("HardwareTokens.Input.SeedHex")));
        }

        if (problems.Count > 0)
        {
            return null;
        }

        var parameters = new OtpParameters(type!.Value, algorithm!.Value, (int)digits!.Value, (int)period!.Value);
        return new SeedFileToken(Serial?.Trim() ?? "", parameters, counter!.Value, seed!, string.IsNullOrWhiteSpace(Model) ? null : Model.Trim());
    }

    private byte[]? ReadSeed()
    {
        var text = Seed?.Trim() ?? "";
        if (SeedEncoding?.Trim().ToLowerInvariant() == Base32)
        {
            return OtpSecret.TryParseManualEntry(text, out var secret) ? secret : null;
        }

        var compact = string.Concat(text.Where(character => !char.IsWhiteSpace(character)));
        if (compact.Length is < OtpSecret.MinimumLength * 2 or > OtpSecret.MaximumLength * 2 || compact.Length % 2 != 0 || !compact.All(char.IsAsciiHexDigit))
        {
            return null;
        }

        return Convert.FromHexString(compact);
    }

    private static long? Number(string? text) =>
        long.TryParse(text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : null;
}
