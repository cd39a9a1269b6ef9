using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace IdentityProvider.PersonalAccessTokens;

/// <summary>
/// Which scopes a personal access token may carry: those of the clients allowed the token grant (their
/// <c>Seed:Clients[].Scopes</c>), so a user is never offered a scope no script could use. An exchange then
/// grants only scopes that the token carries and the presenting client is permitted. The policy may narrow
/// them further (admin area: Policy, "scopes a token may carry").
/// </summary>
public sealed class TokenScopes(IOpenIddictApplicationManager applications, TokenPolicy policy)
{
    /// <summary>
    /// Note: never carried by a token: <c>openid</c> would add an id_token and <c>offline_access</c> a refresh
    /// token, and an exchange must yield one short-lived access token only.
    /// </summary>
    private static readonly string[] Reserved = [Scopes.OpenId, Scopes.OfflineAccess];

    private const string GrantPermission = Permissions.Prefixes.GrantType + PersonalAccessTokenProtocol.GrantType;

    /// <summary>The scopes offered when creating a token, sorted. Reads every client: for pages, not for exchanges.</summary>
    public async Task<IReadOnlyList<string>> OfferedAsync(CancellationToken cancellationToken = default)
    {
        var offered = new SortedSet<string>(StringComparer.Ordinal);
        await foreach (var application in applications.ListAsync(count: null, offset: null, cancellationToken))
        {
            var permissions = await applications.GetPermissionsAsync(application, cancellationToken);
            if (permissions.Contains(GrantPermission))
            {
                offered.UnionWith(permissions
                    .Where(permission => permission.StartsWith(Permissions.Prefixes.Scope, StringComparison.Ordinal))
                    .Select(permission => permission[Permissions.Prefixes.Scope.Length..]));
            }
        }

        offered.ExceptWith(Reserved);
        if (policy.AllowedScopes.Count > 0)
        {
            offered.IntersectWith(policy.AllowedScopes);
        }

        return [.. offered];
    }

    /// <summary>The scopes stored on a token: space-separated, as in OAuth.</summary>
    public static string Join(IEnumerable<string> scopes) => string.Join(' ', scopes);

    public static string[] Split(string? stored) =>
        (stored ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>
    /// The scopes an exchange grants: the requested ones (all of the token's when none are requested), each
    /// also permitted to the client. Null, with the first offending scope, when a requested scope is not on the token.
    /// </summary>
    public static string[]? Grant(IReadOnlyCollection<string> tokenScopes, IReadOnlyCollection<string> requested,
        Func<string, bool> clientPermits, out string? missing)
    {
        missing = requested.FirstOrDefault(scope => !tokenScopes.Contains(scope));
        if (missing is not null)
        {
            return null;
        }

        return (requested.Count == 0 ? tokenScopes : requested).Where(clientPermits).Distinct().ToArray();
    }
}
