namespace IdentityProvider.Connect;

/// <summary>The protocol endpoints' paths, shared by OpenIddict, routing, rate limiting and headers.</summary>
public static class ConnectPaths
{
    public const string Prefix = "/connect";
    public const string Authorize = "/connect/authorize";
    public const string Token = "/connect/token";
    public const string UserInfo = "/connect/userinfo";
    public const string EndSession = "/connect/endsession";
    public const string Introspect = "/connect/introspect";
    public const string Revoke = "/connect/revoke";
    public const string Discovery = "/.well-known/openid-configuration";
    public const string Jwks = "/.well-known/jwks";
}
