using System.Globalization;
using IdentityProvider.Localization;
using IdentityProvider.Settings;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace IdentityProvider.UnitTests.Localization;

public sealed class LocalTimesTests
{
    private static readonly DateTimeOffset Moment = new(2023, 6, 20, 14, 32, 41, TimeSpan.Zero);

    [Theory]
    [InlineData("ru", "Europe/Moscow", "20.06.2023 17:32:41")]
    [InlineData("ru", "Asia/Yekaterinburg", "20.06.2023 19:32:41")]
    [InlineData("ru", "Mars/Olympus", "20.06.2023 14:32:41")]
    [InlineData("en", "", "20 Jun 2023, 14:32:41 (UTC)")]
    [InlineData("en", "Europe/Moscow", "20 Jun 2023, 17:32:41 (Europe/Moscow)")]
    public void Format_WritesTheReadersLanguage_InTheBrowsersZone_ElseTheConfiguredOne(string language, string browserZone, string expected)
    {
        var times = new LocalTimes(Accessor(browserZone), Settings(("Ui:TimeZone", "UTC")));

        Assert.Equal(expected, InCulture(language, () => times.Format(Moment)));
    }

    [Fact]
    public void WithoutABrowserZone_TheConfiguredZoneApplies()
    {
        var times = new LocalTimes(Accessor(""), Settings(("Ui:TimeZone", "Europe/Moscow")));

        // 22:32 in UTC is already the next day in Moscow.
        Assert.Equal("21.06.2023", InCulture("ru", () => times.FormatDate(Moment.AddHours(8))));
        Assert.Equal("Europe/Moscow", times.Zone.Id);
        Assert.Equal("21 Jun 2023", InCulture("en", () => times.FormatDate(Moment.AddHours(8))));
    }

    private static IHttpContextAccessor Accessor(string zoneCookie)
    {
        var context = new DefaultHttpContext();
        if (zoneCookie.Length > 0)
        {
            context.Request.Headers.Cookie = $"{LocalTimes.CookieName}={Uri.EscapeDataString(zoneCookie)}";
        }

        return new HttpContextAccessor { HttpContext = context };
    }

    private static UiSettings Settings(params (string Key, string Value)[] values) =>
        UiSettings.Load(new ConfigurationBuilder().AddInMemoryCollection(values.Select(pair => new KeyValuePair<string, string?>(pair.Key, pair.Value))).Build());

    private static string InCulture(string language, Func<string> format)
    {
        var previous = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
        try
        {
            return format();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = previous;
        }
    }
}
