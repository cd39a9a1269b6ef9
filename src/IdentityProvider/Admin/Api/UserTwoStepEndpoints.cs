namespace IdentityProvider.Admin.Api;

/// <summary>To be written (administration issue).</summary>
public static class UserTwoStepEndpoints
{
    public static void MapUserTwoStepEndpoints(this RouteGroupBuilder api)
    {
    }
}
