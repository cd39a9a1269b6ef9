using System.Globalization;
using IdentityProvider.Settings;

namespace IdentityProvider.Localization;

/// <summary>
/// Shows times in the reader's language and time zone (Russian: <c>20.06.2023 17:32:41</c>). The zone is the one the
/// browser reported in the <see cref="CookieName"/> cookie (<c>wwwroot/js/time-zone.js</c>), else <c>Ui:TimeZone</c>.
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

    /// <summary>Date and time to the second, as the reader's language writes them, in the reader's zone.</summary>
    public string Format(DateTimeOffset moment) => TimeZoneInfo.ConvertTime(moment, Zone).DateTime.ToString("G", CultureInfo.CurrentCulture);

    /// <summary>The date alone.</summary>
    public string FormatDate(DateTimeOffset moment) => TimeZoneInfo.ConvertTime(moment, Zone).DateTime.ToString("d", CultureInfo.CurrentCulture);
}
