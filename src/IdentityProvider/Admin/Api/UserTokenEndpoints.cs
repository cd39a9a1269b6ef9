using IdentityProvider.Admin.Users;
using IdentityProvider.Localization;
using IdentityProvider.PersonalAccessTokens;

namespace IdentityProvider.Admin.Api;

/// <summary>
/// A user's personal access tokens: <c>GET /api/admin/users/{id}/tokens</c>, revoking one
/// (<c>DELETE …/tokens/{tokenId}</c>), and the per-user permission (<c>PUT …/token-permission</c>). Same service as the admin page.
/// </summary>
public static class UserTokenEndpoints
{
    /// <summary>The API's name for "follow the provider setting".</summary>
    public const string Provider = "provider";

    public static void MapUserTokenEndpoints(this RouteGroupBuilder api)
    {
        var user = api.MapGroup("/users/{id}").WithTags("User tokens");
        user.MapGet("/tokens", ReadAsync)
            .WithSummary("The user's personal access tokens (never a secret), newest first, with the permission in force.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        user.MapDelete("/tokens/{tokenId}", RevokeAsync)
            .WithSummary("Revokes a token at once: it cannot be exchanged any more and its access tokens stop working.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        user.MapPut("/token-permission", SetPermissionAsync)
            .WithSummary("Sign-in by token for this user: allow, deny, or provider (follow the provider setting).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<IResult> ReadAsync(string id, UserTokenAdministration administration, TimeProvider time) =>
        await administration.ReadAsync(id) is { } state ? TypedResults.Ok(TokensDocument.Of(state, time.GetUtcNow())) : Problems.NotFound("user");

    private static async Task<IResult> RevokeAsync(string id, Guid tokenId, UserTokenAdministration administration, HttpContext caller) =>
        await administration.RevokeAsync(id, tokenId, AdminApiActor.Of(caller)) switch
        {
            { Succeeded: true } => TypedResults.NoContent(),
            { Outcome: ChangeOutcome.Forbidden } refused => Problems.Refusal(refused, "user"),
            _ => await administration.ReadAsync(id) is null ? Problems.NotFound("user") : Problems.NotFound("unrevoked token of this user"),
        };

    private static async Task<IResult> SetPermissionAsync(string id, PermissionRequest body, UserTokenAdministration administration, HttpContext caller, TimeProvider time)
    {
        if (body.Permission is not (TokenPolicy.Allow or TokenPolicy.Deny or Provider))
        {
            return Problems.Invalid("permission", new Sentence("Api.Permission.Invalid"));
        }

        var result = await administration.SetPermissionAsync(id, body.Permission, AdminApiActor.Of(caller));
        return result.Succeeded ? await ReadAsync(id, administration, time) : Problems.Refusal(result, "user");
    }

    /// <param name="Permission"><c>allow</c>, <c>deny</c> or <c>provider</c>.</param>
    public sealed record PermissionRequest(string? Permission);

    public sealed record TokenDocument(
        Guid Id, string Label, string[] Scopes, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? RevokedAt, bool Active);

    /// <param name="Permission"><c>allow</c>, <c>deny</c> or <c>provider</c>.</param>
    /// <param name="Allowed">Whether the user may use tokens now (the permission, or the provider setting it follows).</param>
    public sealed record TokensDocument(string UserId, string Permission, bool Allowed, IReadOnlyList<TokenDocument> Tokens)
    {
        public static TokensDocument Of(UserTokensState state, DateTimeOffset now) => new(
            state.User.Id,
            state.Permission == TokenPolicy.Follow ? Provider : state.Permission,
            state.EffectivelyAllowed,
            state.Tokens.Select(token => new TokenDocument(token.Id, token.Label, TokenScopes.Split(token.Scopes), token.CreatedAt, token.LastUsedAt,
                token.ExpiresAt, token.RevokedAt, token.IsActive(now))).ToList());
    }
}
