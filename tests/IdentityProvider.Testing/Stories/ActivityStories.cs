using IdentityProvider.Data.Entities;

namespace IdentityProvider.Testing.Stories;

/// <summary>Steps for the account overview and activity tests: browsers that name themselves, and security events at chosen moments.</summary>
public static class ActivityStories
{
    public const string ChromeOnWindows =
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

    public const string FirefoxOnLinux = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0";

    public const string SafariOnIphone =
        "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1";

    /// <summary>A moment as the pages' &lt;time datetime&gt; gives it: UTC, to the second.</summary>
    public static DateTimeOffset ToSecond(DateTimeOffset moment) =>
        new(moment.UtcTicks - (moment.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);

    /// <summary>A client of the provider whose requests carry <paramref name="userAgent"/>.</summary>
    public static ProviderClient BrowserClient(ProviderFixture fixture, string userAgent)
    {
        var client = fixture.CreateClient();
        client.Http.DefaultRequestHeaders.UserAgent.ParseAdd(userAgent);
        return client;
    }

    /// <summary>
    /// Adds a security event as the provider's log would store it, at <paramref name="at"/> (default: the test clock's now),
    /// for what a test server cannot produce (a client address) or would take long to (many events). Returns its id.
    /// </summary>
    public static Task<long> RecordEventAsync(ProviderFactory factory, string kind, string? userId, DateTimeOffset? at = null,
        string? actorId = null, string? ipAddress = null, string? userAgent = null, string? methods = null) =>
        factory.QueryAsync(async db =>
        {
            var row = new SecurityEvent
            {
                OccurredAt = (at ?? factory.Clock.GetUtcNow()).ToUniversalTime(),
                Kind = kind,
                UserId = userId,
                ActorId = actorId,
                IpAddress = ipAddress,
                UserAgent = userAgent,
                Methods = methods,
            };
            db.SecurityEvents.Add(row);
            await db.SaveChangesAsync();
            return row.Id;
        });
}
