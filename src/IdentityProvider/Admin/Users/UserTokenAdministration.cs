using IdentityProvider.Data.Entities;
using IdentityProvider.Localization;
using IdentityProvider.PersonalAccessTokens;
using Microsoft.AspNetCore.Identity;

namespace IdentityProvider.Admin.Users;

/// <summary>A user's personal access tokens and the per-user permission, as the admin page and the admin API see them.</summary>
public sealed record UserTokensState(ApplicationUser User, string Permission, bool EffectivelyAllowed, IReadOnlyList<TokenSummary> Tokens);

/// <summary>
/// A user's personal access tokens for an administrator: the list (never a secret or a hash), revoking one,
/// and the per-user "sign-in by token" permission. The services below write the security log with the actor; a
/// user-manager's change to an administrator is refused.
/// </summary>
public sealed class UserTokenAdministration(UserManager<ApplicationUser> users, UserTokens userTokens, TokenPolicy policy, TokenPermissions permissions)
{
    /// <summary>The user's tokens, newest first (revoked ones included); null when there is no such user.</summary>
    public async Task<UserTokensState?> ReadAsync(string userId)
    {
        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return null;
        }

        return new UserTokensState(user, user.SignInByToken ?? TokenPolicy.Follow, policy.IsAllowedFor(user.SignInByToken), await userTokens.ListAsync(user.Id));
    }

    /// <summary>
    /// Revokes one of the user's tokens at once (its access tokens become inactive too); the label revoked,
    /// or NotFound when the user has no such unrevoked token.
    /// </summary>
    public async Task<ChangeResult<string>> RevokeAsync(string userId, Guid tokenId, AdminActor actor)
    {
        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return ChangeResult.NotFound();
        }

        if (await users.RefusalAsync(actor, user) is { } refused)
        {
            return refused;
        }

        if ((await userTokens.ListAsync(user.Id)).FirstOrDefault(token => token.Id == tokenId && token.RevokedAt is null) is not { } token
            || !await userTokens.RevokeAsync(user.Id, tokenId, actor.Id))
        {
            return ChangeResult.NotFound();
        }

        return ChangeResult.Done(token.Label);
    }

    /// <param name="choice"><c>allow</c>, <c>deny</c>, or <c>follow</c> (the API also accepts <c>provider</c>) the provider setting.</param>
    public async Task<ChangeResult<bool>> SetPermissionAsync(string userId, string? choice, AdminActor actor)
    {
        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return ChangeResult.NotFound();
        }

        if (await users.RefusalAsync(actor, user) is { } refused)
        {
            return refused;
        }

        if (!TokenPolicy.TryParseOverride(choice == "provider" ? TokenPolicy.Follow : choice, out var chosen))
        {
            return ChangeResult.Invalid("Permission", new Sentence("Tokens.Permission.Choose"));
        }

        return await permissions.SetAsync(user, chosen, actor.Id) switch
        {
            TokenPermissionChange.Conflict => ChangeResult.Conflict(new Sentence("Tokens.Permission.Conflict")),
            var change => ChangeResult.Done(change == TokenPermissionChange.Changed),
        };
    }
}
