namespace IdentityProvider.Admin.Api;

/// <summary>To be written (administration issue).</summary>
public static class SecurityEventEndpoints
{
    public static void MapSecurityEventEndpoints(this RouteGroupBuilder api)
    {
    }
}
