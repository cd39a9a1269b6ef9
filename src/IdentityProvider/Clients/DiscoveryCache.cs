namespace IdentityProvider.Clients;

/// <summary>The output-cache tag of the discovery document and the JWKS, so a change to what they list can evict them.</summary>
public static class DiscoveryCache
{
    public const string Tag = "openid-documents";
}
