using System.Globalization;
using IdentityProvider.Settings;

namespace IdentityProvider.Localization;

/// <summary>
/// Shows times in the reader's language and time zone (Russian: <c>20.06.2023 17:32:41</c>; English, which writes the
/// month first in the United States and second elsewhere, unambiguously and with the zone: <c>20 Jun 2023, 17:32:41 (Europe/Moscow)</c>).
/// The zone is the one the browser reported in the <see cref="CookieName"/> cookie (<c>wwwroot/js/time-zone.js</c>), else <c>Ui:TimeZone</c>.
/// </summary>
public sealed class LocalTimes(IHttpContextAccessor httpContextAccessor, UiSettings settings)
{
    public const string CookieName = "idp.tz";

    /// <summary>The reader's time zone; an unknown or missing name falls back to the configured one.</summary>
    public TimeZoneInfo Zone =>
        httpContextAccessor.HttpContext?.Request.Cookies[CookieName] is { Length: > 0 and <= 64 } name
        && TimeZoneInfo.TryFindSystemTimeZoneById(name, out var zone)
            ? zone
            : settings.TimeZone;

    /// <summary>The zone as the pages name it: <c>UTC</c>, or its IANA name (<c>Europe/Moscow</c>).</summary>
    public string ZoneName => Zone.BaseUtcOffset == TimeSpan.Zero && !Zone.SupportsDaylightSavingTime ? "UTC" : Zone.Id;

    /// <summary>Date and time to the second, as the reader's language writes them, in the reader's zone.</summary>
    public string Format(DateTimeOffset moment)
    {
        var local = TimeZoneInfo.ConvertTime(moment, Zone).DateTime;
        return IsEnglish
            ? $"{local.ToString("d MMM yyyy, HH:mm:ss", CultureInfo.CurrentCulture)} ({ZoneName})"
            : local.ToString("G", CultureInfo.CurrentCulture);
    }

    /// <summary>The date alone.</summary>
    public string FormatDate(DateTimeOffset moment) =>
        TimeZoneInfo.ConvertTime(moment, Zone).DateTime.ToString(IsEnglish ? "d MMM yyyy" : "d", CultureInfo.CurrentCulture);

    private static bool IsEnglish => CultureInfo.CurrentCulture.TwoLetterISOLanguageName == "en";
}
