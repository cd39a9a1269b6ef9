using System.Data;
using IdentityProvider.Auditing;
using IdentityProvider.Data;
using IdentityProvider.Data.Entities;
using IdentityProvider.Localization;
using IdentityProvider.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace IdentityProvider.PersonalAccessTokens;

/// <summary>
/// A user's personal access tokens: listing, creation (the secret leaves only in the result, to be shown
/// once) and revocation. Each token hangs on an OpenIddict authorization, so revoking the token also
/// revokes every access token already issued from it.
/// </summary>
public sealed class UserTokens(
    ApplicationDbContext db,
    TokenHasherSource hashers,
    TokenPolicy policy,
    TokenScopes tokenScopes,
    IOpenIddictAuthorizationManager authorizations,
    IOpenIddictTokenManager issuedTokens,
    UserManager<ApplicationUser> users,
    SecurityLog securityLog,
    TimeProvider time)
{
    /// <summary>Newest first, revoked ones included (pages filter); never the hash.</summary>
    public Task<List<TokenSummary>> ListAsync(string userId) =>
        db.PersonalAccessTokens.AsNoTracking()
            .Where(token => token.UserId == userId)
            .OrderByDescending(token => token.CreatedAt)
            .Select(token => new TokenSummary(token.Id, token.Label, token.Scopes, token.CreatedAt, token.ExpiresAt, token.LastUsedAt, token.RevokedAt))
            .ToListAsync();

    public async Task<ChangeResult<CreatedToken>> CreateAsync(string userId, NewTokenInput input)
    {
        var now = time.GetUtcNow();
        var problems = new List<FieldProblem>();
        if (!TokenLabel.TryNormalize(input.Label, out var label, out var labelError))
        {
            problems.Add(new(nameof(NewTokenInput.Label), labelError.Message!));
        }

        if (!TokenExpiry.TryResolve(input.ExpiresInDays, input.NoExpiry, policy.MaxLifetimeDays, now, out var expiresAt, out var expiryError))
        {
            problems.Add(new(nameof(NewTokenInput.ExpiresInDays), expiryError!));
        }

        var offered = await tokenScopes.OfferedAsync();
        var scopes = input.Scopes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        if (scopes.Any(scope => !offered.Contains(scope)))
        {
            problems.Add(new(nameof(NewTokenInput.Scopes), new Sentence("Tokens.Create.UnknownScope")));
        }
        else if (scopes.Length == 0 && offered.Count > 0)
        {
            problems.Add(new(nameof(NewTokenInput.Scopes), new Sentence("Tokens.Create.NoScope")));
        }
        else if (scopes.Any(AdministratorScope.IsAdminApi) && !await MayUseAdminApiAsync(userId))
        {
            // Warning: a token with these scopes reaches the admin API; the role is checked again at every call.
            problems.Add(new(nameof(NewTokenInput.Scopes),
                new Sentence("Tokens.Create.AdministratorScope", scopes.First(AdministratorScope.IsAdminApi))));
        }

        if (problems.Count > 0)
        {
            return ChangeResult.Invalid(problems);
        }

        var hasher = await hashers.GetAsync();

        // Note: serializable, so two requests racing with the same label cannot both pass the uniqueness
        // check (an index cannot express "among active tokens"); the loser is retried and sees the winner.
        var strategy = db.Database.CreateExecutionStrategy();
        var attempts = 0;
        return await strategy.ExecuteAsync(async () =>
        {
            if (attempts++ > 0)
            {
                // Why: the rows of an attempt whose save failed (a serialization failure) stay Added in the context;
                // a retry that wins must not save them with its own (two tokens, one never shown).
                foreach (var unsaved in db.ChangeTracker.Entries().Where(entry => entry.State == EntityState.Added).ToList())
                {
                    unsaved.State = EntityState.Detached;
                }
            }

            await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.Serializable);
            var duplicate = await db.PersonalAccessTokens.Where(TokenSummary.ActiveAt(now)).AnyAsync(token => token.UserId == userId && token.Label == label);
            if (duplicate)
            {
                return ChangeResult.Invalid([new(nameof(NewTokenInput.Label), new Sentence("Tokens.Create.Duplicate", label))]);
            }

            var descriptor = new OpenIddictAuthorizationDescriptor
            {
                Subject = userId,
                CreationDate = now,
                Status = Statuses.Valid,
                // Permanent: OpenIddict's pruning removes ad-hoc authorizations without valid tokens.
                Type = AuthorizationTypes.Permanent,
            };
            descriptor.Scopes.UnionWith(scopes);
            var authorization = await authorizations.CreateAsync(descriptor);
            var secret = PersonalAccessTokenFormat.Generate();
            var token = new PersonalAccessToken
            {
                Id = Guid.NewGuid(),
                UserId = userId,
                Label = label,
                Hash = hasher.Hash(secret),
                Scopes = TokenScopes.Join(scopes),
                AuthorizationId = await authorizations.GetIdAsync(authorization),
                CreatedAt = now,
                ExpiresAt = expiresAt,
            };
            db.PersonalAccessTokens.Add(token);
            await db.SaveChangesAsync();
            // Warning: identifiers and plain facts only; the secret never reaches the log.
            await securityLog.WriteAsync(SecurityEventKinds.TokenCreated, userId,
                $"{Describe(token.Id, label)}, scopes \"{token.Scopes}\", expires {expiresAt?.ToString("u") ?? "never"}");
            await transaction.CommitAsync();
            return ChangeResult.Done(new CreatedToken(secret, token));
        });
    }

    /// <summary>
    /// Revokes one of the user's tokens at once: it cannot be exchanged any more, and its access tokens
    /// already issued become inactive. False when there is no such unrevoked token.
    /// </summary>
    public async Task<bool> RevokeAsync(string userId, Guid tokenId, string? actorId = null)
    {
        var now = time.GetUtcNow();
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var token = await db.PersonalAccessTokens.AsNoTracking()
                .Where(candidate => candidate.Id == tokenId && candidate.UserId == userId && candidate.RevokedAt == null)
                .Select(candidate => new { candidate.Label, candidate.AuthorizationId })
                .FirstOrDefaultAsync();
            // The conditional update decides: of two revocations racing, only one is logged.
            if (token is null || await db.PersonalAccessTokens
                    .Where(candidate => candidate.Id == tokenId && candidate.RevokedAt == null)
                    .ExecuteUpdateAsync(setters => setters.SetProperty(candidate => candidate.RevokedAt, now)) == 0)
            {
                return false;
            }

            if (token.AuthorizationId is { } authorizationId)
            {
                if (await authorizations.FindByIdAsync(authorizationId) is { } authorization)
                {
                    await authorizations.TryRevokeAsync(authorization);
                }

                await issuedTokens.RevokeByAuthorizationIdAsync(authorizationId);
            }

            await securityLog.WriteAsync(SecurityEventKinds.TokenRevoked, userId, Describe(tokenId, token.Label), actorId);
            await transaction.CommitAsync();
            return true;
        });
    }

    private async Task<bool> MayUseAdminApiAsync(string userId) =>
        await users.FindByIdAsync(userId) is { } user
        && (await users.IsInRoleAsync(user, ProviderRoles.Administrator) || await users.IsInRoleAsync(user, ProviderRoles.UserManager));

    /// <summary>How a token is named in the security log: its id and label, never the secret.</summary>
    internal static string Describe(Guid tokenId, string label) => $"token {tokenId} \"{label}\"";
}
