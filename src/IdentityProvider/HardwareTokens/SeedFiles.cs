using System.Text;
using IdentityProvider.Localization;

namespace IdentityProvider.HardwareTokens;

/// <summary>The two seed-file formats an import takes.</summary>
public enum SeedFileKind
{
    /// <summary>A PSKC key container (RFC 6030), <c>application/pskc+xml</c>.</summary>
    Pskc,

    /// <summary><c>serial,seed_hex,type,digits,period_or_counter</c>, <c>text/csv</c>.</summary>
    Csv,
}

/// <summary>Reads an uploaded seed file of either format, with the vendor's pre-shared key when it is encrypted.</summary>
public static class SeedFiles
{
    public const string PskcMediaType = "application/pskc+xml";
    public const string CsvMediaType = "text/csv";

    /// <summary>A request larger than this is refused before it is read (the PSKC reader's own limit, and room for CSV).</summary>
    public const long MaxBytes = 16 * 1024 * 1024;

    /// <summary>The format a media type names (<c>application/xml</c> and <c>text/xml</c> count as PSKC); null for another.</summary>
    public static SeedFileKind? KindOf(string? mediaType) => mediaType?.Split(';', 2)[0].Trim().ToLowerInvariant() switch
    {
        PskcMediaType or "application/xml" or "text/xml" => SeedFileKind.Pskc,
        CsvMediaType => SeedFileKind.Csv,
        _ => null,
    };

    /// <summary>The format a file's name suggests (.xml or .pskc, .csv); null for another.</summary>
    public static SeedFileKind? KindOfFileName(string? fileName) => Path.GetExtension(fileName ?? "").ToLowerInvariant() switch
    {
        ".xml" or ".pskc" => SeedFileKind.Pskc,
        ".csv" => SeedFileKind.Csv,
        _ => null,
    };

    /// <summary>The tokens and rejected entries of the file; throws <see cref="SeedFileException"/> when the file is refused whole.</summary>
    /// <param name="preSharedKeyHex">PSKC only: the AES-128 key, 32 hexadecimal digits; empty for a file of plain values.</param>
    public static SeedFile Read(Stream content, SeedFileKind kind, string? preSharedKeyHex)
    {
        if (kind == SeedFileKind.Csv)
        {
            using var text = new StreamReader(content, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
            return CsvSeedReader.Read(text);
        }

        return PskcReader.Read(content, PreSharedKey(preSharedKeyHex));
    }

    private static byte[]? PreSharedKey(string? hex)
    {
        var compact = string.Concat((hex ?? "").Where(character => !char.IsWhiteSpace(character)));
        if (compact.Length == 0)
        {
            return null;
        }

        return compact.Length == 32 && compact.All(char.IsAsciiHexDigit)
            ? Convert.FromHexString(compact)
            : throw new SeedFileException(new Sentence("HardwareTokens.File.KeyFormat"));
    }
}
