using IdentityProvider.Sessions;

namespace IdentityProvider.TwoStep;

public static class TwoStepServices
{
    public static IServiceCollection AddTwoStep(this IServiceCollection services) =>
        services.AddSingleton<TwoStepPolicy>()
            .AddSingleton<OtpDeviceSecrets>()
            .AddScoped<OtpVerification>()
            .AddScoped<FreshCodeConfirmation>()
            .AddScoped<OtpDevices>()
            .AddScoped<SecondStepMethods>()
            .AddScoped<PasskeyRequirement>()
            .AddScoped<OtpEnrolment>()
            .AddScoped<DeviceChanges>()
            .AddScoped<RememberedBrowsers>()
            .AddScoped<ISessionEndHandler>(provider => provider.GetRequiredService<RememberedBrowsers>())
            .AddScoped<PendingSignIn>()
            .AddScoped<TwoStepGate>()
            .AddScoped<TwoStepCompletion>()
            .AddScoped<TwoStepSuspension>();
}
