using IdentityProvider.AccountOverview;
using IdentityProvider.Admin;
using IdentityProvider.Admin.Api;
using IdentityProvider.Auditing;
using IdentityProvider.Changes;
using IdentityProvider.Connect;
using IdentityProvider.Email;
using IdentityProvider.ExternalSignIn;
using IdentityProvider.HardwareTokens;
using IdentityProvider.Impersonation;
using IdentityProvider.Localization;
using IdentityProvider.Passkeys;
using IdentityProvider.PasswordReset;
using IdentityProvider.Passwords;
using IdentityProvider.PersonalAccessTokens;
using IdentityProvider.Policy;
using IdentityProvider.Profiles;
using IdentityProvider.RecoveryCodes;
using IdentityProvider.Sessions;
using IdentityProvider.Settings;
using IdentityProvider.TwoStep;
using IdentityProvider.Users;
using Microsoft.AspNetCore.Mvc;

namespace IdentityProvider.Hosting;

public static class ServiceRegistration
{
    /// <summary>Everything the provider needs, one concern per call.</summary>
    public static IServiceCollection AddProviderServices(this IServiceCollection services, ProviderSettings settings)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddDatabase(settings.Database, settings.Keys);
        services.AddIdentityServices(settings);
        services.AddUsers(settings.Lockout);
        services.AddSessions();
        services.AddOpenIddictServer(settings);
        services.AddDocumentCaching();
        services.AddProviderRateLimiting(settings.RateLimiting);
        services.AddSeeding();
        services.AddPolicy();
        services.AddChangeWatching();
        services.AddTwoStep();
        services.AddPasskeys(settings.Server);
        services.AddRecoveryCodes();
        services.AddPersonalAccessTokens();
        services.AddEmail(settings);
        services.AddPasswords();
        services.AddPasswordReset();
        services.AddImpersonation();
        services.AddAdministration();
        services.AddHardwareTokens();
        services.AddExternalSignIn(settings);
        services.AddExternalSignInClient(settings);
        services.AddAccountOverview();
        services.AddProfiles();
        services.AddAdminApi();
        services.AddConnect();
        services.AddAuditing();
        // Note: every cookie the provider sets is Secure where its session cookie is (Server:RequireHttps).
        var cookieSecurity = settings.Server.RequireHttps ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        services.AddAntiforgery(options => options.Cookie.SecurePolicy = cookieSecurity);
        services.Configure<CookieTempDataProviderOptions>(options => options.Cookie.SecurePolicy = cookieSecurity);
        services.AddHsts(options => options.MaxAge = TimeSpan.FromDays(365));
        services.AddProviderLocalization(settings.Ui);
        services.AddRazorPages(options =>
            {
                options.Conventions.AuthorizeFolder("/Manage");
                options.Conventions.AddImpersonationChangeGuard("/Manage");
                options.Conventions.AddAdminAreaAccess();
            })
            .AddMvcOptions(options => options.ModelBinderProviders.Insert(0, new CheckboxBinderProvider()))
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(options =>
                options.DataAnnotationLocalizerProvider = (type, factory) => factory.Create(InputModelTexts.For(type)));
        return services;
    }
}
