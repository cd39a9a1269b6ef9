using IdentityProvider.Settings;

namespace IdentityProvider.Hosting;

/// <summary>
/// One-shot modes of the same binary, for containers: <c>--migrate</c> applies the migrations and exits (a
/// Kubernetes Job or init container), <c>--health-check</c> asks the local <c>/health/ready</c> (the image's
/// HEALTHCHECK, which needs no curl in the runtime image).
/// </summary>
public static class CommandLineModes
{
    public const string Migrate = "--migrate";
    public const string HealthCheck = "--health-check";

    public static async Task<int> MigrateAsync(WebApplication app, ProviderSettings settings)
    {
        await DatabaseSetup.MigrateAsync(app.Services, settings.Database with { MigrateOnStart = true }, CancellationToken.None);
        app.Logger.LogInformation("The database is migrated.");
        return 0;
    }

    public static async Task<int> HealthCheckAsync(string[] args)
    {
        var url = args.SkipWhile(arg => arg != HealthCheck).Skip(1).FirstOrDefault() ?? "http://127.0.0.1:8080/health/ready";
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
        try
        {
            return (await http.GetAsync(url)).IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception error) when (error is HttpRequestException or TaskCanceledException)
        {
            return 1;
        }
    }
}
