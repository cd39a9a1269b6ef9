using IdentityProvider.Data;
using IdentityProvider.Data.Entities;
using IdentityProvider.Impersonation;
using IdentityProvider.Localization;
using IdentityProvider.Sessions;
using IdentityProvider.Settings;
using IdentityProvider.Users;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Identity;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace IdentityProvider.Hosting;

public static class IdentitySetup
{
    public const string SessionCookieName = "idp.session";

    /// <summary>ASP.NET Core Identity: users, roles, password hashing, lockout and the session cookie.</summary>
    public static IServiceCollection AddIdentityServices(this IServiceCollection services, ProviderSettings settings)
    {
        services.AddIdentity<ApplicationUser, IdentityRole>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.SignIn.RequireConfirmedAccount = false;
                // Note: schema version 3 maps the passkeys table; the migrations are built with the same version.
                options.Stores.SchemaVersion = ApplicationDbContext.IdentitySchemaVersion;

                // Note: length over composition rules (NIST SP 800-63B).
                options.Password.RequiredLength = 8;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 4;

                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = settings.Lockout.MaxFailedAttempts;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(settings.Lockout.DurationMinutes);

                // The cookie principal uses the same claim names as the tokens.
                options.ClaimsIdentity.UserIdClaimType = Claims.Subject;
                options.ClaimsIdentity.UserNameClaimType = Claims.Name;
                options.ClaimsIdentity.RoleClaimType = Claims.Role;
                options.ClaimsIdentity.EmailClaimType = Claims.Email;
            })
            .AddEntityFrameworkStores<ApplicationDbContext>()
            .AddUserManager<ClockedUserManager>()
            .AddSignInManager<ProviderSignInManager>()
            .AddErrorDescriber<LocalizedIdentityErrors>()
            .AddDefaultTokenProviders();

        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = SessionCookieName;
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = settings.Server.RequireHttps ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            options.LoginPath = "/Account/Login";
            options.LogoutPath = "/Account/Logout";
            options.AccessDeniedPath = "/Account/AccessDenied";
            options.ExpireTimeSpan = TimeSpan.FromHours(10);
            options.SlidingExpiration = true;
            // After Identity's security stamp check (set by AddIdentity): the session must still exist on the server.
            var checkSecurityStamp = options.Events.OnValidatePrincipal;
            options.Events.OnValidatePrincipal = async context =>
            {
                // The error page answering a database outage: these checks would fail again and the page could not be
                // shown at all (no 503, only a broken answer); it shows nothing of the account, so they are skipped there.
                if (context.HttpContext.Features.Get<IExceptionHandlerFeature>() is { } failure && DatabaseOutage.Is(failure.Error))
                {
                    return;
                }

                await checkSecurityStamp(context);
                if (context.Principal is not null)
                {
                    await ImpersonationSessionEnd.ValidateAsync(context);
                }

                if (context.Principal is not null)
                {
                    await ServerSessions.ValidateAsync(context);
                }
            };
        });

        services.Configure<SecurityStampValidatorOptions>(options =>
        {
            // Warning: checked on every request, so a password change or an administrator's action
            // ends the user's other sessions at once rather than after the default 30 minutes.
            options.ValidationInterval = TimeSpan.Zero;
            options.OnRefreshingPrincipal = context =>
            {
                SessionProof.CopyClaims(context.CurrentPrincipal, context.NewPrincipal);
                return Task.CompletedTask;
            };
        });

        return services;
    }
}
