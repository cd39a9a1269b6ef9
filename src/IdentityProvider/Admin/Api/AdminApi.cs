using Microsoft.AspNetCore.Authorization;

namespace IdentityProvider.Admin.Api;

public static class AdminApi
{
    public const string Prefix = "/api/admin";

    /// <summary>The admin API: JSON over the same services as the admin pages, described at <c>/openapi/v1.json</c>.</summary>
    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder endpoints)
    {
        // Bearer tokens only: no cookie reaches these endpoints, so no antiforgery token is needed.
        var root = endpoints.MapGroup(Prefix).DisableAntiforgery();
        // Two groups on one prefix: every endpoint is an administrator's unless mapped on the user-managers' group.
        var api = root.MapGroup("").RequireAuthorization(AdminApiAccess.PolicyName);
        var users = root.MapGroup("").RequireAuthorization(AdminApiAccess.UsersPolicyName);
        api.MapUserEndpoints(users);
        users.MapUserTwoStepEndpoints();
        users.MapUserPasskeyEndpoints();
        users.MapUserTokenEndpoints();
        api.MapClientEndpoints();
        api.MapScopeEndpoints();
        api.MapPolicyEndpoints();
        api.MapSecurityEventEndpoints();
        api.MapHardwareTokenEndpoints(users);
        return endpoints;
    }

    /// <summary>The OpenAPI document at <c>/openapi/v1.json</c> and its reference page at <c>/api/admin/docs</c>, both served from here (no CDN).</summary>
    public static WebApplication MapAdminApiDocuments(this WebApplication app)
    {
        app.MapOpenApi();
        app.UseSwaggerUI(options =>
        {
            options.SwaggerEndpoint("/openapi/v1.json", "IdentityProvider admin API");
            options.RoutePrefix = DocsPath[1..];
            options.DocumentTitle = "IdentityProvider admin API";
        });
        return app;
    }

    public const string DocsPath = Prefix + "/docs";

    public static IServiceCollection AddAdminApi(this IServiceCollection services)
    {
        // Warning: scoped, so each request asks the database through its own UserManager (a singleton would keep one
        // DbContext for every request, shared across threads, and answer role checks from its stale change tracker).
        services.AddScoped<IAuthorizationHandler, AdminApiCallerHandler>();
        services.AddAuthorizationBuilder()
            .AddPolicy(AdminApiAccess.PolicyName, AdminApiAccess.Build)
            .AddPolicy(AdminApiAccess.UsersPolicyName, AdminApiAccess.BuildUsers);
        services.AddProblemDetails();
        services.AddOpenApi(options =>
            options.ShouldInclude = description => description.RelativePath?.StartsWith(Prefix[1..], StringComparison.Ordinal) == true);
        return services;
    }
}
