using IdentityProvider.Admin.Api;
using IdentityProvider.Connect;
using IdentityProvider.Data;
using IdentityProvider.Settings;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Serilog;

namespace IdentityProvider.Hosting;

public static class Pipeline
{
    /// <summary>The middleware order matters: errors outermost, the rate limiter before OpenIddict sees a request.</summary>
    public static WebApplication UseProviderPipeline(this WebApplication app, ProviderSettings settings)
    {
        // First, so that everything after it (rate limits, the issuer, cookies) sees the client's address and scheme.
        app.UseConfiguredForwardedHeaders(settings.ForwardedHeaders);
        // Next, with the forwarded scheme known: nothing below answers a plain-HTTP request when HTTPS is required.
        app.UseHttpsRequirement(settings.Server);
        // Note: never the developer exception page; a stack trace is not an answer for anyone. The admin API and
        // the protocol endpoints that scripts call answer with RFC 9457 problem documents, pages with the error page.
        app.UseWhen(AnswersJson, api => api.UseExceptionHandler(new ExceptionHandlerOptions { StatusCodeSelector = ApiStatusOf }));
        app.UseWhen(IsAdminApi, api => api.UseStatusCodePages());
        // Note: the error page runs in a scope of its own. In the failed request's scope, authentication would answer
        // from its cache: a sign-in cookie whose check failed for a database outage would throw again, and the outage
        // would get no 503 page (IdentitySetup skips those checks on the error page; they must run there to be skipped).
        app.UseWhen(context => !AnswersJson(context), pages => pages
            .UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandlingPath = "/Error", CreateScopeForErrors = true })
            .UseStatusCodePagesWithReExecute("/Error", "?status={0}"));
        app.UseSecurityHeaders();
        if (!app.Environment.IsDevelopment())
        {
            // HSTS on HTTPS answers (directly or through the trusted proxy), so browsers never try plain HTTP again.
            app.UseHsts();
        }

        // This host's logger, not Serilog's process-wide static one.
        app.UseSerilogRequestLogging(options => options.Logger = app.Services.GetRequiredService<Serilog.ILogger>());
        // Before OpenIddict (in the authentication middleware), which would build the documents again.
        app.UseOutputCache();
        app.UseStaticFiles();
        app.UseProviderLocalization(settings.Ui);
        app.UseRouting();
        app.UseRateLimiter();
        // Before OpenIddict reads a protocol request: unreadable forms and control characters get invalid_request.
        app.UseProtocolRequestGuard();
        app.UseEmptyUserInfoPost();
        // The plain personal access token exchange, answered before OpenIddict's token pipeline (the hot path of scripts).
        app.UsePersonalAccessTokenEndpoint();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        return app;
    }

    private static bool IsAdminApi(HttpContext context) => context.Request.Path.StartsWithSegments(AdminApi.Prefix);

    /// <summary>Machine clients: the admin API, and the token, introspection, revocation and userinfo endpoints.</summary>
    private static bool AnswersJson(HttpContext context) =>
        IsAdminApi(context)
        || context.Request.Path.StartsWithSegments(ConnectPaths.Token)
        || context.Request.Path.StartsWithSegments(ConnectPaths.Introspect)
        || context.Request.Path.StartsWithSegments(ConnectPaths.Revoke)
        || context.Request.Path.StartsWithSegments(ConnectPaths.UserInfo);

    /// <summary>Fail closed and say so: without the database the API answers 503, like the pages.</summary>
    private static int ApiStatusOf(Exception exception) =>
        DatabaseOutage.Is(exception) ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status500InternalServerError;

    /// <summary><c>/health/live</c> answers while the process runs; <c>/health/ready</c> also checks the database.</summary>
    public static WebApplication MapProviderHealthChecks(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
        return app;
    }
}
