using IdentityProvider.Settings;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IdentityProvider.Testing;

/// <summary>
/// The provider in-process on a given database, with the test users and clients of <see cref="TestData"/>,
/// a clock the test controls and every log line captured.
/// </summary>
public sealed class ProviderFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> settings;

    /// <summary>
    /// Note: each provider's configuration would watch its appsettings files for changes, one inotify instance each; a
    /// test run keeps dozens of providers at once and the machine allows 128 instances per user (Chromium takes some
    /// too), so the watching is turned off for every host the test process builds. The settings never change mid-test.
    /// </summary>
    static ProviderFactory() => Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");

    public ProviderFactory(DatabaseProvider provider, string connectionString, IReadOnlyDictionary<string, string?>? overrides = null)
    {
        settings = new Dictionary<string, string?>(TestData.Settings)
        {
            // A bad setting in a test surfaces as the exception, not as a process exit code.
            [ProviderSettings.ThrowOnInvalidSettingsKey] = "true",
            ["Database:Provider"] = provider.ToString(),
            ["ConnectionStrings:Default"] = connectionString,
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }
    }

    public TestClock Clock { get; } = new();

    /// <summary>The hosting environment; <c>Production</c> to test what operators get.</summary>
    public string EnvironmentName { get; init; } = "Testing";

    public LogCapture Logs { get; } = new();

    /// <summary>A client that keeps cookies and does not follow redirects (the driver follows them itself).</summary>
    public ProviderClient CreateProviderClient() =>
        new(CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    /// <summary>With <c>IDP_TEST_LOG_DIR</c> set, the provider's log lines are kept there for debugging.</summary>
    public override async ValueTask DisposeAsync()
    {
        if (Environment.GetEnvironmentVariable("IDP_TEST_LOG_DIR") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            await File.WriteAllLinesAsync(Path.Combine(folder, $"provider-{Guid.NewGuid():N}.log"), Logs.Lines);
        }

        await base.DisposeAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName);
        // As Development does (dotnet run): a scoped service taken by a singleton fails here, not only on a developer's machine.
        builder.UseDefaultServiceProvider(options =>
        {
            options.ValidateScopes = true;
            options.ValidateOnBuild = true;
        });
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(Clock));
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
    }
}
