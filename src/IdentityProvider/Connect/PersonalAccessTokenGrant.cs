using System.Runtime.CompilerServices;
using IdentityProvider.Auditing;
using IdentityProvider.Data;
using IdentityProvider.Data.Entities;
using IdentityProvider.PersonalAccessTokens;
using IdentityProvider.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace IdentityProvider.Connect;

/// <summary>
/// The personal access token grant at <c>/connect/token</c>, once the presenting client is known to be allowed
/// the grant: trades a token for one short-lived access token, with no refresh token and no id_token. Every
/// refusal is an OAuth error with a description, and changes nothing but the security log. Two callers decide
/// how the answer is written: <see cref="PersonalAccessTokenEndpoint"/> ahead of OpenIddict for the plain form
/// scripts send, and <see cref="TokenEndpoint"/> after OpenIddict for everything else.
/// </summary>
/// <remarks>
/// Kept cheap, since scripts may call it often: the checksum refuses typos and junk before any database
/// work, then one indexed query reads the token with its user, and last access is written at most once a
/// minute (with a "token used" line in the security log). The signature should dominate the cost.
/// </remarks>
public sealed class PersonalAccessTokenGrant(
    ApplicationDbContext db,
    TokenHasherSource hashers,
    TokenPolicy policy,
    UserManager<ApplicationUser> users,
    SignInManager<ApplicationUser> signInManager,
    SecurityLog securityLog,
    TimeProvider time,
    ILogger<PersonalAccessTokenGrant> logger)
{
    /// <param name="presented">The <c>token</c> parameter as sent.</param>
    /// <param name="clientId">The presenting client, already authenticated (or known to be public) and allowed the grant.</param>
    /// <param name="requestedScopes">The <c>scope</c> parameter's scopes; none asks for all the token carries.</param>
    /// <param name="clientPermissions">The client's OpenIddict permissions, which limit the scopes granted.</param>
    public async Task<PersonalAccessTokenExchange> ExchangeAsync(string? presented, string clientId,
        IReadOnlyCollection<string> requestedScopes, IReadOnlyCollection<string> clientPermissions, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(presented))
        {
            return PersonalAccessTokenExchange.Refused(Errors.InvalidRequest, "The token parameter is missing.");
        }

        if (!PersonalAccessTokenFormat.IsWellFormed(presented))
        {
            // Not a use of any token (a typo, a truncated paste, junk): no database work, not even the security log.
            logger.LogInformation("A malformed personal access token was presented by client {ClientId}", clientId);
            return PersonalAccessTokenExchange.Refused(Errors.InvalidGrant,
                "The token is malformed (wrong prefix, length or checksum): check that it was copied whole.");
        }

        var hash = (await hashers.GetAsync(cancellationToken)).Hash(presented);
        var found = await LookUps.GetValue(db.Model, _ => CompileLookUp())(db, hash, cancellationToken);
        if (found is null)
        {
            return await RefuseAsync(null, "unknown token", clientId, Errors.InvalidGrant, "The token is not valid.");
        }

        var now = time.GetUtcNow();
        var name = UserTokens.Describe(found.Id, found.Label);
        var refusal = ExchangeRules.Refusal(found.RevokedAt, found.ExpiresAt, now,
            policy.IsAllowedFor(found.User.SignInByToken),
            await users.IsLockedOutAsync(found.User),
            await signInManager.CanSignInAsync(found.User));
        if (refusal is not null)
        {
            return await RefuseAsync(found.User.Id, $"{name}: {refusal}", clientId, Errors.InvalidGrant, refusal);
        }

        var scopes = TokenScopes.Grant(TokenScopes.Split(found.Scopes), requestedScopes,
            scope => clientPermissions.Contains(Permissions.Prefixes.Scope + scope), out var missing);
        if (scopes is null)
        {
            return await RefuseAsync(found.User.Id, $"{name}: scope {missing} not on the token", clientId,
                Errors.InvalidScope, $"The token does not carry the scope '{missing}'.");
        }

        // Note: the admin API checks the role at every call too (and gives a user-manager only the user endpoints); refusing
        // here keeps a former administrator's or user-manager's token from even obtaining an access token with those scopes.
        scopes = scopes.Any(AdministratorScope.IsAdminApi)
            ? AdministratorScope.Restrict(scopes, requestedScopes, await MayUseAdminApiAsync(found.User))
            : scopes;
        if (scopes is null)
        {
            return await RefuseAsync(found.User.Id, $"{name}: an admin API scope for a user who is neither an administrator nor a user-manager", clientId,
                Errors.InvalidScope, AdministratorScope.ExchangeRefusal);
        }

        if (ExchangeRules.LastUseIsStale(found.LastUsedAt, now))
        {
            // Conditional, so exchanges racing on a stale value write once between them.
            var staleBefore = now - ExchangeRules.LastUseResolution;
            var updated = await db.PersonalAccessTokens
                .Where(token => token.Id == found.Id && (token.LastUsedAt == null || token.LastUsedAt <= staleBefore))
                .ExecuteUpdateAsync(setters => setters.SetProperty(token => token.LastUsedAt, now), cancellationToken);
            if (updated == 1)
            {
                // Note: the use is logged with the last-access write, at most once a minute per token (the one
                // exchange that won the update), never once per exchange. The label and id only, never the token.
                await securityLog.WriteAsync(SecurityEventKinds.TokenUsed, found.User.Id, $"{name}: scopes {string.Join(' ', scopes)}",
                    clientId: clientId);
            }
        }

        // The authorization ties the access token to this token: revoking the token makes it inactive at once.
        return PersonalAccessTokenExchange.Granted(new GrantedAccess(found.User.Id, found.Id, scopes, found.AuthorizationId,
            ExchangeRules.AccessTokenLifetime(policy.AccessTokenLifetime, found.ExpiresAt, now)));
    }

    private async Task<bool> MayUseAdminApiAsync(ApplicationUser user) =>
        await users.IsInRoleAsync(user, ProviderRoles.Administrator) || await users.IsInRoleAsync(user, ProviderRoles.UserManager);

    /// <summary>Runs the token look-up once for a hash no token has: the query is compiled and the connection opened before the first exchange.</summary>
    public Task WarmUpAsync(CancellationToken cancellationToken) =>
        LookUps.GetValue(db.Model, _ => CompileLookUp())(db, new byte[32], cancellationToken);

    private async Task<PersonalAccessTokenExchange> RefuseAsync(string? userId, string detail, string clientId, string error, string description)
    {
        await securityLog.WriteAsync(SecurityEventKinds.TokenExchangeFailed, userId, detail, clientId: clientId);
        return PersonalAccessTokenExchange.Refused(error, description);
    }

    /// <summary>
    /// The token with its user, by hash: compiled once per EF model (a compiled query refuses any other model,
    /// and the tests run PostgreSQL and SQLite hosts side by side), sparing the translation-cache look-up.
    /// </summary>
    private static readonly ConditionalWeakTable<IModel, Func<ApplicationDbContext, byte[], CancellationToken, Task<Candidate?>>> LookUps = new();

    private static Func<ApplicationDbContext, byte[], CancellationToken, Task<Candidate?>> CompileLookUp() =>
        EF.CompileAsyncQuery((ApplicationDbContext context, byte[] hash, CancellationToken cancellationToken) => (
                from token in context.PersonalAccessTokens.AsNoTracking()
                where token.Hash == hash
                join user in context.Users.AsNoTracking() on token.UserId equals user.Id
                select new Candidate(token.Id, token.Label, token.Scopes, token.AuthorizationId, token.ExpiresAt, token.LastUsedAt, token.RevokedAt, user))
            .FirstOrDefault());

    private sealed record Candidate(
        Guid Id,
        string Label,
        string Scopes,
        string? AuthorizationId,
        DateTimeOffset? ExpiresAt,
        DateTimeOffset? LastUsedAt,
        DateTimeOffset? RevokedAt,
        ApplicationUser User);
}
