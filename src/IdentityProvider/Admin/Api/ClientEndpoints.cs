namespace IdentityProvider.Admin.Api;

/// <summary>To be written (administration issue).</summary>
public static class ClientEndpoints
{
    public static void MapClientEndpoints(this RouteGroupBuilder api)
    {
    }
}
