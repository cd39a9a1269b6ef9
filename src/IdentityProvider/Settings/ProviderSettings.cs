namespace IdentityProvider.Settings;

/// <summary>
/// Every setting the provider reads, loaded and checked once at start so a bad value stops the
/// start with one line naming its key, instead of failing on some later request.
/// </summary>
public sealed record ProviderSettings(
    DatabaseSettings Database,
    ServerSettings Server,
    KeySettings Keys,
    ForwardedHeadersSettings ForwardedHeaders,
    LockoutSettings Lockout,
    RateLimitSettings RateLimiting,
    TokenSettings Tokens,
    LoggingSettings Log,
    TwoStepSettings TwoStep,
    EmailSettings Email,
    SeedSettings Seed,
    ExternalProvider[] ExternalProviders,
    UiSettings Ui,
    AdministrationSettings Administration)
{
    /// <summary>
    /// A host that starts the provider in process (the tests' WebApplicationFactory) sets this, so a bad setting
    /// reaches it as the exception; an operator's start prints the one line and exits with 1.
    /// </summary>
    public const string ThrowOnInvalidSettingsKey = "Hosting:ThrowOnInvalidSettings";

    public static ProviderSettings Load(IConfiguration configuration, IHostEnvironment environment) => new(
        DatabaseSettings.Load(configuration, environment),
        ServerSettings.Load(configuration),
        KeySettings.Load(configuration, environment),
        ForwardedHeadersSettings.Load(configuration),
        LockoutSettings.Load(configuration),
        RateLimitSettings.Load(configuration),
        TokenSettings.Load(configuration),
        LoggingSettings.Load(configuration),
        TwoStepSettings.Load(configuration),
        EmailSettings.Load(configuration, environment),
        SeedSettings.Load(configuration),
        ExternalProviderSettings.Load(configuration, environment),
        UiSettings.Load(configuration),
        AdministrationSettings.Load(configuration, environment));
}
