using System.Globalization;
using CsvHelper;

namespace IdentityProvider.Admin.SecurityEvents;

/// <summary>
/// The security log as CSV (RFC 4180: CRLF, fields with a comma, quote or line break quoted, quotes doubled),
/// written by CsvHelper straight to the response as the rows stream from the database.
/// </summary>
public static class SecurityLogCsv
{
    public const string ContentType = "text/csv";

    public static readonly string[] Columns =
        ["occurredAt", "kind", "userId", "userEmail", "actorId", "actorEmail", "clientId", "ipAddress", "detail"];

    /// <summary>
    /// Warning: a cell starting with = + - @ (or a tab or CR) is a formula to Excel and LibreOffice, which would run it
    /// when an administrator opens the export, and the detail, e-mail addresses and client ids come from outside
    /// (a user's device name, a token label). CsvHelper prefixes such a cell with a single quote, so it shows as text.
    /// </summary>
    private static readonly CsvWriterOptions Options = CsvWriterOptions.Default with { Injection = CsvInjection.Escape };

    /// <summary>"security-log-20250131-134500.csv", for the download.</summary>
    public static string FileName(DateTimeOffset now) => $"security-log-{now.UtcDateTime:yyyyMMdd-HHmmss}.csv";

    public static async Task WriteAsync(IAsyncEnumerable<SecurityEventRow> rows, Stream destination, CancellationToken cancellationToken = default)
    {
        await using var csv = CsvWriter.Create(destination, Options, leaveOpen: true);
        csv.WriteHeader(Columns);
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            await csv.WriteRecordAsync(
                [
                    row.OccurredAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture),
                    row.Kind,
                    row.UserId,
                    row.UserEmail,
                    row.ActorId,
                    row.ActorEmail,
                    row.ClientId,
                    row.IpAddress,
                    row.Detail,
                ],
                cancellationToken);
        }

        await csv.FlushAsync(cancellationToken);
    }
}
