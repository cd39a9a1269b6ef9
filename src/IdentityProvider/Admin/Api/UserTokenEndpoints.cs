namespace IdentityProvider.Admin.Api;

/// <summary>To be written (administration issue).</summary>
public static class UserTokenEndpoints
{
    public static void MapUserTokenEndpoints(this RouteGroupBuilder api)
    {
    }
}
