namespace IdentityProvider.Connect;

public static class ConnectEndpoints
{
    /// <summary>
    /// The passthrough protocol endpoints. They are minimal APIs, not Razor Pages, because relying parties
    /// post to them cross-site; OpenIddict has validated each request before the handler runs.
    /// </summary>
    public static IEndpointRouteBuilder MapConnectEndpoints(this IEndpointRouteBuilder endpoints)
    {
        string[] getAndPost = [HttpMethods.Get, HttpMethods.Post];
        endpoints.MapMethods(ConnectPaths.Authorize, getAndPost, AuthorizationEndpoint.HandleAsync).DisableAntiforgery();
        endpoints.MapPost(ConnectPaths.Token, TokenEndpoint.HandleAsync).DisableAntiforgery();
        endpoints.MapMethods(ConnectPaths.UserInfo, getAndPost, UserInfoEndpoint.HandleAsync).DisableAntiforgery();
        endpoints.MapMethods(ConnectPaths.EndSession, getAndPost, EndSessionEndpoint.HandleAsync).DisableAntiforgery();
        return endpoints;
    }
}
