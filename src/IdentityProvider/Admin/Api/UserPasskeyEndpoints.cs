using IdentityProvider.Admin.Users;
using IdentityProvider.Localization;
using IdentityProvider.Passkeys;

namespace IdentityProvider.Admin.Api;

/// <summary>
/// A user's passkeys: <c>GET /api/admin/users/{id}/passkeys</c> and removing one (<c>DELETE …/passkeys/{passkeyId}</c>, the
/// credential id as the list gives it). Same service, rights and log as the admin page's two-step tab; the owner is mailed.
/// </summary>
public static class UserPasskeyEndpoints
{
    public static void MapUserPasskeyEndpoints(this RouteGroupBuilder api)
    {
        var user = api.MapGroup("/users/{id}").WithTags("User two-step sign-in");
        user.MapGet("/passkeys", ListAsync)
            .WithSummary("The user's passkeys, oldest first (never a key): id, name, when added and last used, whether synced (backed up) and whether it verified the user.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        user.MapDelete("/passkeys/{passkeyId}", RemoveAsync)
            .WithSummary("Removes one of the user's passkeys: it no longer signs in; the user gets a mail.")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> ListAsync(string id, UserTwoStepAdministration administration) =>
        await administration.ListPasskeysAsync(id) is { } passkeys
            ? TypedResults.Ok(new PasskeysDocument(id, [.. passkeys.Select(PasskeyDocument.Of)]))
            : Problems.NotFound("user");

    private static async Task<IResult> RemoveAsync(string id, string passkeyId, UserTwoStepAdministration administration, HttpContext caller) =>
        await administration.RemovePasskeyAsync(id, passkeyId, AdminApiActor.Of(caller)) switch
        {
            { Succeeded: true } => TypedResults.NoContent(),
            { Outcome: ChangeOutcome.Forbidden } refused => Problems.Refusal(refused, "user"),
            _ => await administration.ListPasskeysAsync(id) is null ? Problems.NotFound("user") : Problems.NotFound("passkey of this user"),
        };

    /// <param name="Id">The credential id, base64url: what <c>DELETE …/passkeys/{passkeyId}</c> takes.</param>
    /// <param name="BackedUp">Synced: the authenticator keeps a copy elsewhere (a platform's passkey manager), so it may sign in on other devices too.</param>
    /// <param name="UserVerified">The authenticator verified the user (PIN or biometric) when it was added.</param>
    /// <param name="LastUsedAt">When it last proved a sign-in; null when never.</param>
    public sealed record PasskeyDocument(string Id, string Name, DateTimeOffset CreatedAt, bool BackedUp, bool UserVerified, DateTimeOffset? LastUsedAt)
    {
        public static PasskeyDocument Of(PasskeySummary passkey) =>
            new(passkey.Id, passkey.Name, passkey.CreatedAt, passkey.IsBackedUp, passkey.IsUserVerified, passkey.LastUsedAt);
    }

    public sealed record PasskeysDocument(string UserId, IReadOnlyList<PasskeyDocument> Passkeys);
}
