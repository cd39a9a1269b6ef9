namespace IdentityProvider.Admin.Api;

/// <summary>To be written (administration issue).</summary>
public static class UserEndpoints
{
    public static void MapUserEndpoints(this RouteGroupBuilder api)
    {
    }
}
