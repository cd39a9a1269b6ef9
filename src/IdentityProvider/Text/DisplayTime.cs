using System.Globalization;

namespace IdentityProvider.Text;

/// <summary>
/// How the account pages show a moment: the one place dates and times are formatted, so the user's language and
/// time zone can be applied here later. For now UTC, with the offset written out, so no reader mistakes it for local time.
/// </summary>
public static class DisplayTime
{
    /// <summary>A moment to the minute: <c>2026-11-30 17:32 UTC+00:00</c>.</summary>
    public static string Moment(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'zzz", CultureInfo.InvariantCulture);

    /// <summary>A day: <c>2026-11-30</c>.</summary>
    public static string Date(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The machine-readable form for a <c>&lt;time datetime&gt;</c> attribute (ISO 8601, UTC).</summary>
    public static string Iso(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
