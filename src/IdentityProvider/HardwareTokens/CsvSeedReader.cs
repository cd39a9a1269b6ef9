using System.Globalization;
using CsvHelper;
using IdentityProvider.Localization;
using IdentityProvider.TwoStep;

namespace IdentityProvider.HardwareTokens;

/// <summary>
/// Reads a seed file in the simple CSV form vendors and scripts produce: a header row
/// <c>serial,seed_hex,type,digits,period_or_counter</c>, then one token per row (RFC 4180 quoting). A bad row is
/// rejected with its reason; a file without that header is refused whole.
/// </summary>
public static class CsvSeedReader
{
    public static readonly string[] Header = ["serial", "seed_hex", "type", "digits", "period_or_counter"];

    /// <summary>More rows than this refuse the file (a vendor batch is far smaller).</summary>
    public const int MaxRows = 100_000;

    public static SeedFile Read(TextReader text)
    {
        // Note: a comma, as the format says; CsvHelper would otherwise guess among , ; tab and |.
        using var csv = CsvReader.Create(text, CsvReaderOptions.Default with { Separator = ',' });
        bool header;
        try
        {
            csv.ReadHeader();
            header = csv.Headers.Select(name => name.Trim().ToLowerInvariant()).SequenceEqual(Header);
        }
        catch (Exception error) when (error is CsvFormatException or CsvValidationException or InvalidOperationException)
        {
            // An empty file or one whose first row is not a record: no header either.
            header = false;
        }

        if (!header)
        {
            throw new SeedFileException(new Sentence("HardwareTokens.File.CsvHeader", string.Join(',', Header)));
        }

        var tokens = new List<SeedFileToken>();
        var rejected = new List<RejectedSeedEntry>();
        while (csv.Read())
        {
            string Field(int index) => index < csv.FieldCount ? csv.GetString(index).Trim() : "";
            if (csv.FieldCount <= 1 && Field(0).Length == 0)
            {
                continue;
            }

            if (tokens.Count + rejected.Count >= MaxRows)
            {
                throw new SeedFileException(new Sentence("HardwareTokens.File.TooManyRows", MaxRows));
            }

            var serial = Field(0);
            var problem = TryRead(serial, Field(1), Field(2), Field(3), Field(4), out var token);
            if (token is not null)
            {
                tokens.Add(token);
            }
            else
            {
                rejected.Add(new RejectedSeedEntry(serial, problem!));
            }
        }

        return new SeedFile(tokens, rejected);
    }

    private static Sentence? TryRead(string serial, string? seedHex, string? typeText, string? digitsText, string? periodOrCounter, out SeedFileToken? token)
    {
        token = null;
        if (serial.Length is 0 or > 64 || serial.Any(char.IsControl))
        {
            return new Sentence("HardwareTokens.Entry.CsvSerial");
        }

        byte[] seed;
        try
        {
            seed = Convert.FromHexString(seedHex ?? "");
        }
        catch (FormatException)
        {
            return new Sentence("HardwareTokens.Entry.NotHex");
        }

        var type = typeText?.ToLowerInvariant() switch
        {
            "hotp" => OtpType.Hotp,
            "totp" => OtpType.Totp,
            _ => (OtpType?)null,
        };
        if (seed.Length < 16 || type is null || !int.TryParse(digitsText, NumberStyles.None, CultureInfo.InvariantCulture, out var digits)
            || !long.TryParse(periodOrCounter, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return seed.Length < 16 ? new Sentence("HardwareTokens.Entry.CsvSeedTooShort")
                : type is null ? new Sentence("HardwareTokens.Entry.CsvType")
                : new Sentence("HardwareTokens.Entry.CsvNumbers");
        }

        try
        {
            var parameters = type == OtpType.Totp
                ? new OtpParameters(OtpType.Totp, OtpHashAlgorithm.Sha1, digits, (int)Math.Min(number, int.MaxValue))
                : new OtpParameters(OtpType.Hotp, OtpHashAlgorithm.Sha1, digits);
            token = new SeedFileToken(serial, parameters, type == OtpType.Hotp ? number : 0, seed, Model: null);
            return null;
        }
        catch (ArgumentOutOfRangeException error)
        {
            return SeedFileException.OfParameter(error);
        }
    }
}
