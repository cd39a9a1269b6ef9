using IdentityProvider.Auditing;
using IdentityProvider.Settings;

namespace IdentityProvider.Email;

public static class EmailServices
{
    /// <summary>
    /// The outbox and its sender (SMTP, or the pickup folder without <c>Email:Smtp:Host</c>), the templates, and the
    /// security notifications that listen to the security log.
    /// </summary>
    public static IServiceCollection AddEmail(this IServiceCollection services, ProviderSettings settings)
    {
        services.AddSingleton(settings.Email).AddSingleton<OutboxSignal>();
        services.AddSingleton<IMailTransport>(provider => settings.Email.Smtp is { } smtp
            ? new SmtpMailTransport(smtp)
            : new PickupDirectoryTransport(settings.Email.PickupDirectory, provider.GetRequiredService<TimeProvider>()));
        services.AddHostedService<OutboxSender>();
        return services.AddScoped<MailOutbox>()
            .AddScoped<OutboxStore>()
            .AddScoped<ProviderAddress>()
            .AddScoped<MailTemplates>()
            .AddScoped<NotificationPreferences>()
            .AddScoped<ISecurityEventObserver, SecurityNotifications>();
    }
}
