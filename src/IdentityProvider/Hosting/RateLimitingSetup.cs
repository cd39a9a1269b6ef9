using System.Threading.RateLimiting;
using IdentityProvider.Connect;
using IdentityProvider.Localization;
using IdentityProvider.Settings;

namespace IdentityProvider.Hosting;

public static class RateLimitingSetup
{
    /// <summary>
    /// Fixed windows per client address on the sign-in pages (POST) and the token endpoint, answering 429.
    /// Note: the counters live in each instance's memory, so N instances allow up to N times the limit.
    /// </summary>
    public static IServiceCollection AddProviderRateLimiting(this IServiceCollection services, RateLimitSettings settings)
    {
        services.AddRateLimiter(options =>
        {
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                if (context.Request.Path.StartsWithSegments(ConnectPaths.Token))
                {
                    return Window("token:" + address, settings.TokenPerMinute);
                }

                if (HttpMethods.IsPost(context.Request.Method)
                    && (context.Request.Path.StartsWithSegments("/Account") || context.Request.Path.StartsWithSegments("/Manage")))
                {
                    return Window("sign-in:" + address, settings.SignInPerMinute);
                }

                return RateLimitPartition.GetNoLimiter("unlimited");
            });
            options.OnRejected = async (context, cancellationToken) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                await TypedResults.Problem(
                        title: "Too many requests",
                        detail: new Sentence("Api.TooManyRequests").English,
                        statusCode: StatusCodes.Status429TooManyRequests)
                    .ExecuteAsync(context.HttpContext);
            };
        });
        return services;
    }

    private static RateLimitPartition<string> Window(string key, int permitsPerMinute) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permitsPerMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });
}
