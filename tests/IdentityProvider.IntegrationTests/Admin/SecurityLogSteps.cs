using System.Net.Http.Headers;
using CsvHelper;
using IdentityProvider.Data.Entities;
using IdentityProvider.Testing;
using IdentityProvider.Testing.Stories;

namespace IdentityProvider.IntegrationTests.Admin;

/// <summary>Security log rows written for a test, and the CSV export read back with CsvHelper.</summary>
internal static class SecurityLogSteps
{
    public const string EventsPath = "/api/admin/security-events";

    /// <summary>The columns of the export, in order.</summary>
    public static readonly string[] CsvColumns =
        ["occurredAt", "kind", "userId", "userEmail", "actorId", "actorEmail", "clientId", "ipAddress", "detail"];

    /// <summary>Stores an event as the provider would have at <paramref name="at"/> (now when null).</summary>
    public static Task WriteEventAsync(ProviderFactory factory, string kind, string? userId, string? detail = null,
        DateTimeOffset? at = null, string? actorId = null, string? clientId = null) =>
        factory.QueryAsync(db =>
        {
            db.SecurityEvents.Add(new SecurityEvent
            {
                OccurredAt = (at ?? factory.Clock.GetUtcNow()).ToUniversalTime(),
                Kind = kind,
                UserId = userId,
                ActorId = actorId,
                ClientId = clientId,
                IpAddress = "192.0.2.7",
                Detail = detail,
            });
            return db.SaveChangesAsync();
        });

    /// <summary>The admin API's CSV of the filter in <paramref name="query"/> (e.g. "user=…&amp;type=…").</summary>
    public static async Task<HttpResponseMessage> GetCsvAsync(HttpClient api, string query)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{EventsPath}?{query}");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        return await api.SendAsync(request);
    }

    /// <summary>Reads CSV as a spreadsheet or script would: the header, then each record by column name.</summary>
    public static (IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyDictionary<string, string>> Records) ParseCsv(string text)
    {
        using var reader = CsvReader.Create(new StringReader(text));
        var records = new List<IReadOnlyDictionary<string, string>>();
        while (reader.Read())
        {
            var header = reader.Headers;
            records.Add(header.Select((name, index) => (name, index)).ToDictionary(column => column.name, column => reader.GetString(column.index)));
        }

        return (reader.Headers.ToList(), records);
    }

    public static string Escape(string value) => Uri.EscapeDataString(value);
}
