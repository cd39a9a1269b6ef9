using Microsoft.AspNetCore.Http.Features;

namespace IdentityProvider.Connect;

/// <summary>
/// OpenID Connect Core 5.3.1 lets a client POST to <c>/connect/userinfo</c> with the bearer header alone: no body,
/// so no <c>Content-Type</c>. OpenIddict reads every POST as a form and refuses one without that header; an empty
/// body is an empty form, so it is labelled as one before OpenIddict reads it.
/// </summary>
public static class EmptyUserInfoPost
{
    public static IApplicationBuilder UseEmptyUserInfoPost(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            var request = context.Request;
            if (HttpMethods.IsPost(request.Method) && request.Path.StartsWithSegments(ConnectPaths.UserInfo)
                && string.IsNullOrEmpty(request.ContentType) && HasNoBody(context))
            {
                request.ContentType = "application/x-www-form-urlencoded";
            }

            return next(context);
        });

    private static bool HasNoBody(HttpContext context) =>
        context.Request.ContentLength == 0
        || (context.Request.ContentLength is null && context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody == false);
}
