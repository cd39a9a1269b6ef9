using System.Globalization;
using IdentityProvider.Auditing;
using IdentityProvider.Localization;

namespace IdentityProvider.Admin.SecurityEvents;

/// <summary>The security log's filter as typed on the page or in the API's query string; every part optional.</summary>
/// <param name="Type">Event types, any of which matches (none: every type).</param>
public sealed record SecurityEventCriteria(string? User = null, string[]? Type = null, string? From = null, string? To = null, string? Page = null)
{
    /// <summary>The form of a <c>datetime-local</c> input: a moment without its zone.</summary>
    public const string LocalMomentFormat = "yyyy-MM-dd'T'HH:mm";

    /// <summary>
    /// The criteria with <see cref="From"/> and <see cref="To"/> typed as <c>datetime-local</c> values in <paramref name="zone"/>
    /// (the page's inputs) turned into UTC, <see cref="To"/> taking in its whole minute; anything else is left as typed.
    /// </summary>
    public SecurityEventCriteria FromLocalTimes(TimeZoneInfo zone) => this with
    {
        From = ToUtc(From, zone, TimeSpan.Zero),
        To = ToUtc(To, zone, TimeSpan.FromMinutes(1) - TimeSpan.FromTicks(1)),
    };

    private static string? ToUtc(string? typed, TimeZoneInfo zone, TimeSpan within) =>
        DateTime.TryParseExact(typed?.Trim(), LocalMomentFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            ? (TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), zone) + within)
                .ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture)
            : typed;
}

/// <summary>
/// A checked filter of the security log: the user (id or e-mail address), the event types (none: all), the moments from
/// and to (inclusive, UTC) and the page (1 = newest).
/// </summary>
public sealed record SecurityEventFilter(string? User, IReadOnlyList<string> Types, DateTimeOffset? From, DateTimeOffset? To, int Page)
{
    public const int MaxUserLength = 256;
    public const int MaxPage = 100_000;

    /// <summary>What the date fields accept: an ISO 8601 date, or a date and time (UTC unless an offset is given).</summary>
    private static readonly string[] MomentFormats =
    [
        "yyyy-MM-dd",
        "yyyy-MM-dd'T'HH:mmK",
        "yyyy-MM-dd'T'HH:mm:ssK",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd HH:mmK",
        "yyyy-MM-dd HH:mm:ssK",
    ];

    /// <summary>
    /// Checks <paramref name="criteria"/>; the filter, or the problems (field names as in the API's query string).
    /// A "to" date without a time means the end of that day.
    /// </summary>
    public static (SecurityEventFilter? Filter, IReadOnlyList<FieldProblem> Problems) Read(SecurityEventCriteria criteria)
    {
        var problems = new List<FieldProblem>();
        var user = criteria.User?.Trim() is { Length: > 0 } typed ? typed : null;
        if (user is { Length: > MaxUserLength })
        {
            problems.Add(new("user", new Sentence("SecurityLog.User.TooLong", MaxUserLength)));
        }
        else if (user is not null && user.Any(char.IsControl))
        {
            // Note: control characters never reach a query, nor the page that echoes the filter.
            problems.Add(new("user", new Sentence("SecurityLog.User.Control")));
        }

        string[] types = [.. (criteria.Type ?? []).Select(kind => kind?.Trim() ?? "").Where(kind => kind.Length > 0).Distinct(StringComparer.Ordinal)];
        if (types.Any(kind => !SecurityEventKinds.All.Contains(kind, StringComparer.Ordinal)))
        {
            problems.Add(new("type", new Sentence("SecurityLog.Type.Unknown")));
        }

        var from = ReadMoment(criteria.From, endOfDay: false, "from", "From", problems);
        var to = ReadMoment(criteria.To, endOfDay: true, "to", "To", problems);
        if (from > to)
        {
            problems.Add(new("to", new Sentence("SecurityLog.ToBeforeFrom")));
        }

        var page = 1;
        if (criteria.Page?.Trim() is { Length: > 0 } pageText
            && (!int.TryParse(pageText, NumberStyles.None, CultureInfo.InvariantCulture, out page) || page is < 1 or > MaxPage))
        {
            problems.Add(new("page", new Sentence("SecurityLog.Page", MaxPage)));
        }

        return problems.Count > 0 ? (null, problems) : (new SecurityEventFilter(user, types, from, to, page), []);
    }

    /// <summary>The same filter on another page.</summary>
    public SecurityEventFilter OnPage(int page) => this with { Page = page };

    private static DateTimeOffset? ReadMoment(string? text, bool endOfDay, string field, string label, List<FieldProblem> problems)
    {
        if (text?.Trim() is not { Length: > 0 } trimmed)
        {
            return null;
        }

        if (trimmed.Length > 40 || !DateTimeOffset.TryParseExact(trimmed, MomentFormats, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var moment))
        {
            problems.Add(new(field, new Sentence($"SecurityLog.{label}.Invalid")));
            return null;
        }

        // Note: Npgsql stores timestamptz only with offset 0; a date alone as "to" takes in the whole day.
        moment = moment.ToUniversalTime();
        return endOfDay && trimmed.Length == 10 ? moment.AddDays(1).AddTicks(-1) : moment;
    }
}
