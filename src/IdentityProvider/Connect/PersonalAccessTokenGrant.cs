using System.Runtime.CompilerServices;
using IdentityProvider.Auditing;
using IdentityProvider.Data;
using IdentityProvider.Data.Entities;
using IdentityProvider.PersonalAccessTokens;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace IdentityProvider.Connect;

/// <summary>
/// The personal access token grant at <c>/connect/token</c> (after OpenIddict has checked the client and its
/// permission for the grant): trades a token for one short-lived access token, with no refresh token and no
/// id_token. Every refusal is an OAuth error with a description, and changes nothing but the security log.
/// </summary>
/// <remarks>
/// Kept cheap, since scripts may call it often: the checksum refuses typos and junk before any database
/// work, then one indexed query reads the token with its user, and last access is written at most once a
/// minute (with a "token used" line in the security log). The signature OpenIddict then makes should dominate the cost.
/// </remarks>
public sealed class PersonalAccessTokenGrant(
    ApplicationDbContext db,
    TokenHasherSource hashers,
    TokenPolicy policy,
    UserManager<ApplicationUser> users,
    SignInManager<ApplicationUser> signInManager,
    IOpenIddictApplicationManager applications,
    SecurityLog securityLog,
    TimeProvider time,
    ILogger<PersonalAccessTokenGrant> logger)
{
    public async Task<IResult> ExchangeAsync(OpenIddictRequest request, CancellationToken cancellationToken)
    {
        var presented = (string?)request.GetParameter(PersonalAccessTokenProtocol.TokenParameter);
        if (string.IsNullOrEmpty(presented))
        {
            return OpenIddictResults.Error(Errors.InvalidRequest, "The token parameter is missing.");
        }

        if (!PersonalAccessTokenFormat.IsWellFormed(presented))
        {
            // Not a use of any token (a typo, a truncated paste, junk): no database work, not even the security log.
            logger.LogInformation("A malformed personal access token was presented by client {ClientId}", request.ClientId);
            return OpenIddictResults.Error(Errors.InvalidGrant,
                "The token is malformed (wrong prefix, length or checksum): check that it was copied whole.");
        }

        var hash = (await hashers.GetAsync(cancellationToken)).Hash(presented);
        var found = await LookUps.GetValue(db.Model, _ => CompileLookUp())(db, hash, cancellationToken);
        if (found is null)
        {
            return await RefuseAsync(null, "unknown token", request, Errors.InvalidGrant, "The token is not valid.");
        }

        var now = time.GetUtcNow();
        var name = UserTokens.Describe(found.Id, found.Label);
        var refusal = ExchangeRules.Refusal(found.RevokedAt, found.ExpiresAt, now,
            policy.IsAllowedFor(found.User.SignInByToken),
            await users.IsLockedOutAsync(found.User),
            await signInManager.CanSignInAsync(found.User));
        if (refusal is not null)
        {
            return await RefuseAsync(found.User.Id, $"{name}: {refusal}", request, Errors.InvalidGrant, refusal);
        }

        var application = await applications.FindByClientIdAsync(request.ClientId!, cancellationToken)
            ?? throw new InvalidOperationException("OpenIddict let an unknown client through.");
        var permissions = await applications.GetPermissionsAsync(application, cancellationToken);
        var scopes = TokenScopes.Grant(TokenScopes.Split(found.Scopes), request.GetScopes(),
            scope => permissions.Contains(Permissions.Prefixes.Scope + scope), out var missing);
        if (scopes is null)
        {
            return await RefuseAsync(found.User.Id, $"{name}: scope {missing} not on the token", request,
                Errors.InvalidScope, $"The token does not carry the scope '{missing}'.");
        }

        // Note: the admin API checks the role at every call too; refusing here keeps a former administrator's
        // token from even obtaining an access token with that scope.
        scopes = scopes.Contains(AdministratorScope.Name, StringComparer.Ordinal)
            ? AdministratorScope.Restrict(scopes, request.GetScopes(), await users.IsInRoleAsync(found.User, AdministratorScope.Role))
            : scopes;
        if (scopes is null)
        {
            return await RefuseAsync(found.User.Id, $"{name}: scope {AdministratorScope.Name} for a user who is not an administrator", request,
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
                    clientId: request.ClientId);
            }
        }

        var principal = ClaimsFactory.CreateForPersonalAccessToken(found.User.Id, found.Id, scopes);
        // The authorization ties the access token to this token: revoking the token makes it inactive at once.
        principal.SetAuthorizationId(found.AuthorizationId);
        principal.SetAccessTokenLifetime(ExchangeRules.AccessTokenLifetime(policy.AccessTokenLifetime, found.ExpiresAt, now));
        return OpenIddictResults.SignIn(principal);
    }

    private async Task<IResult> RefuseAsync(string? userId, string detail, OpenIddictRequest request, string error, string description)
    {
        await securityLog.WriteAsync(SecurityEventKinds.TokenExchangeFailed, userId, detail, clientId: request.ClientId);
        return OpenIddictResults.Error(error, description);
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
