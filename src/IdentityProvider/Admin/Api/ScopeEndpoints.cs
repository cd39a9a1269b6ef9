namespace IdentityProvider.Admin.Api;

/// <summary>To be written (administration issue).</summary>
public static class ScopeEndpoints
{
    public static void MapScopeEndpoints(this RouteGroupBuilder api)
    {
    }
}
