using IdentityProvider.Data;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using OpenIddict.EntityFrameworkCore.Models;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace IdentityProvider.Connect;

/// <summary>
/// Spends an authorization code or a refresh token at the token endpoint. Warning: OpenIddict checks the token's
/// status when it reads the request and marks it redeemed only after the answer is built, so requests sent at the
/// same moment all pass its check (50 parallel refreshes with one refresh token all got tokens); one conditional
/// UPDATE, whose affected-row count decides, lets exactly one through. A loser is a replay: like a spent token
/// presented later, it ends the whole chain (the authorization and every token of it, the winner's included).
/// </summary>
public sealed class SingleUseGrants(
    ApplicationDbContext db,
    IOpenIddictAuthorizationManager authorizations,
    IOpenIddictTokenManager tokens,
    TimeProvider time,
    ILogger<SingleUseGrants> logger)
{
    /// <summary>True when this request spent the token; false when another one did first (the chain is then revoked).</summary>
    public async Task<bool> TrySpendAsync(string tokenId, string? authorizationId, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var spent = await db.Set<OpenIddictEntityFrameworkCoreToken>()
            .Where(token => token.Id == tokenId && token.Status == Statuses.Valid)
            .ExecuteUpdateAsync(update => update
                .SetProperty(token => token.Status, Statuses.Redeemed)
                .SetProperty(token => token.RedemptionDate, now), ct) == 1;
        if (spent)
        {
            return true;
        }

        logger.LogWarning("A code or refresh token of authorization {AuthorizationId} was presented again while it was being spent; the authorization is revoked", authorizationId);
        if (authorizationId is not null)
        {
            if (await authorizations.FindByIdAsync(authorizationId, ct) is { } authorization)
            {
                await authorizations.TryRevokeAsync(authorization, ct);
            }

            await tokens.RevokeByAuthorizationIdAsync(authorizationId, ct);
        }

        return false;
    }
}
