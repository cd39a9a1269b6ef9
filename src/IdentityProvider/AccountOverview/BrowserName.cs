namespace IdentityProvider.AccountOverview;

/// <summary>A browser as people name it: "Chrome" on "Windows". Either part may be unknown.</summary>
public sealed record BrowserName(string? Browser, string? System)
{
    // Order matters: Edge, Opera, Yandex and Samsung also say "Chrome", Chrome also says "Safari", Android also says "Linux".
    private static readonly (string Token, string Name)[] Browsers =
    [
        ("Edg/", "Edge"), ("EdgA/", "Edge"), ("EdgiOS/", "Edge"),
        ("OPR/", "Opera"), ("Opera", "Opera"),
        ("YaBrowser/", "Yandex Browser"),
        ("SamsungBrowser/", "Samsung Internet"),
        ("Firefox/", "Firefox"), ("FxiOS/", "Firefox"),
        ("CriOS/", "Chrome"), ("Chromium/", "Chromium"), ("Chrome/", "Chrome"),
        ("Version/", "Safari"),
        ("curl/", "curl"),
    ];

    private static readonly (string Token, string Name)[] Systems =
    [
        ("Windows", "Windows"),
        ("iPhone", "iOS"), ("iPod", "iOS"), ("iPad", "iPadOS"),
        ("Android", "Android"),
        ("CrOS", "ChromeOS"),
        ("Macintosh", "macOS"), ("Mac OS X", "macOS"),
        ("Linux", "Linux"),
    ];

    /// <summary>
    /// A short description of a User-Agent header; null when neither part is recognised.
    /// Note: for people to read only; a User-Agent is whatever the client chose to send, never a decision's input.
    /// </summary>
    public static BrowserName? From(string? userAgent)
    {
        if (string.IsNullOrWhiteSpace(userAgent))
        {
            return null;
        }

        var browser = Find(Browsers, userAgent);
        var system = Find(Systems, userAgent);
        return browser is null && system is null ? null : new BrowserName(browser, system);
    }

    private static string? Find((string Token, string Name)[] candidates, string userAgent) =>
        candidates.FirstOrDefault(candidate => userAgent.Contains(candidate.Token, StringComparison.Ordinal)).Name;
}
