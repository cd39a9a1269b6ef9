using System.Security.Claims;
using System.Text.Json;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace IdentityProvider.Connect;

/// <summary>
/// What a relying party asked for with the <c>claims</c> parameter (OpenID Connect Core 5.5): the claims it wants in the
/// id_token and in the userinfo answer, whatever scopes it asked for, kept to the claims this provider serves
/// (<see cref="ClaimsFactory.ReleasingScopes"/>; unknown names are ignored). Note: <c>essential</c> and voluntary
/// requests are served alike (a claim the user has a value for is released, one without is omitted, which is all
/// "essential" can ask), and <c>value</c>/<c>values</c> are not checked.
/// </summary>
public sealed class ClaimsRequest
{
    /// <summary>
    /// The private claim that remembers the id_token's requested claims inside codes and refresh tokens (never in an
    /// issued token), so the id_token of a code exchange or a refresh carries them again.
    /// </summary>
    public const string IdTokenClaimType = "idp_id_token_claims";

    /// <summary>
    /// The private claim that remembers the userinfo answer's requested claims inside the access token (and codes and
    /// refresh tokens), for <c>/connect/userinfo</c> to release them.
    /// </summary>
    public const string UserInfoClaimType = "idp_userinfo_claims";

    public static ClaimsRequest None { get; } = new([], []);

    private ClaimsRequest(IEnumerable<string> idToken, IEnumerable<string> userInfo)
    {
        IdToken = idToken.Where(ClaimsFactory.ReleasingScopes.ContainsKey).ToHashSet(StringComparer.Ordinal);
        UserInfo = userInfo.Where(ClaimsFactory.ReleasingScopes.ContainsKey).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The served claims asked for in the id_token.</summary>
    public IReadOnlySet<string> IdToken { get; }

    /// <summary>The served claims asked for in the userinfo answer.</summary>
    public IReadOnlySet<string> UserInfo { get; }

    /// <summary>The scopes that release the requested claims (what a user consents to when a client asks for them).</summary>
    public IReadOnlySet<string> Scopes =>
        IdToken.Concat(UserInfo).Select(claim => ClaimsFactory.ReleasingScopes[claim]).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// Reads the request's <c>claims</c> parameter: <see cref="None"/> without one; false when it is not a JSON object
    /// whose <c>id_token</c> and <c>userinfo</c> members (when present) are objects of claim names each mapped to null or
    /// an object (the request is then refused with <c>invalid_request</c>).
    /// </summary>
    public static bool TryRead(OpenIddictRequest request, out ClaimsRequest claims)
    {
        claims = None;
        JsonElement root;
        switch (request.GetParameter(Parameters.Claims)?.GetRawValue())
        {
            case null:
            case string { Length: 0 }:
                return true;
            case string text:
                try
                {
                    using var document = JsonDocument.Parse(text);
                    root = document.RootElement.Clone();
                }
                catch (JsonException)
                {
                    return false;
                }

                break;
            case JsonElement element:
                root = element;
                break;
            default:
                // Note: a parameter given twice arrives as several values, which is not one JSON document.
                return false;
        }

        if (root.ValueKind != JsonValueKind.Object
            || !TryReadMember(root, "id_token", out var idToken)
            || !TryReadMember(root, "userinfo", out var userInfo))
        {
            return false;
        }

        claims = new ClaimsRequest(idToken, userInfo);
        return true;
    }

    /// <summary>What the codes and refresh tokens behind <paramref name="granted"/> remember was asked for.</summary>
    public static ClaimsRequest From(ClaimsPrincipal granted) =>
        new(granted.GetClaims(IdTokenClaimType), granted.GetClaims(UserInfoClaimType));

    /// <summary>
    /// The requested claims the client may be given: those whose releasing scope it holds the permission for, so the
    /// parameter never releases what the client could not ask for by scope.
    /// </summary>
    public async Task<ClaimsRequest> PermittedForAsync(IOpenIddictApplicationManager applications, object application, CancellationToken cancellationToken = default)
    {
        if (IdToken.Count == 0 && UserInfo.Count == 0)
        {
            return this;
        }

        var permitted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var scope in Scopes)
        {
            if (await applications.HasPermissionAsync(application, Permissions.Prefixes.Scope + scope, cancellationToken))
            {
                permitted.Add(scope);
            }
        }

        bool Allowed(string claim) => permitted.Contains(ClaimsFactory.ReleasingScopes[claim]);
        return new ClaimsRequest(IdToken.Where(Allowed), UserInfo.Where(Allowed));
    }

    private static bool TryReadMember(JsonElement root, string name, out IReadOnlyList<string> claims)
    {
        claims = [];
        if (!root.TryGetProperty(name, out var member) || member.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (member.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        var names = new List<string>();
        foreach (var claim in member.EnumerateObject())
        {
            if (claim.Value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Object))
            {
                return false;
            }

            names.Add(claim.Name);
        }

        claims = names;
        return true;
    }
}
