using System.Collections.Immutable;
using IdentityProvider.PersonalAccessTokens;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace IdentityProvider.Connect;

/// <summary>
/// An access token traded for a personal access token gets no token row of its own: the row would cost a
/// look-up and an insert per exchange, and is not what makes revocation immediate. The access token carries
/// the personal access token's authorization (signed, in <c>oi_au_id</c>), which revoking the token revokes;
/// validation (introspection, userinfo) checks that authorization, so it answers "inactive" at once.
/// </summary>
public static class ExchangedAccessTokens
{
    public static ImmutableArray<OpenIddictServerHandlerDescriptor> Handlers { get; } =
        [SkipTokenEntry.Descriptor, CheckAuthorizationOfRowlessTokens.Descriptor];

    /// <summary>Tells OpenIddict not to store the access token of a personal access token exchange.</summary>
    internal sealed class SkipTokenEntry : IOpenIddictServerHandler<GenerateTokenContext>
    {
        public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
            OpenIddictServerHandlerDescriptor.CreateBuilder<GenerateTokenContext>()
                .UseSingletonHandler<SkipTokenEntry>()
                .SetOrder(OpenIddictServerHandlers.Protection.CreateTokenEntry.Descriptor.Order - 1)
                .SetType(OpenIddictServerHandlerType.Custom)
                .Build();

        public ValueTask HandleAsync(GenerateTokenContext context)
        {
            if (context.TokenType == TokenTypeIdentifiers.AccessToken
                && context.Request?.GrantType == PersonalAccessTokenProtocol.GrantType)
            {
                context.CreateTokenEntry = false;
            }

            return ValueTask.CompletedTask;
        }
    }

    /// <summary>
    /// OpenIddict learns a token's authorization from its row; a token without a row names it in its own
    /// (signed) claims, so the authorization check runs for it too.
    /// </summary>
    internal sealed class CheckAuthorizationOfRowlessTokens : IOpenIddictServerHandler<ValidateTokenContext>
    {
        public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
            OpenIddictServerHandlerDescriptor.CreateBuilder<ValidateTokenContext>()
                .UseSingletonHandler<CheckAuthorizationOfRowlessTokens>()
                .SetOrder(OpenIddictServerHandlers.Protection.ValidateAuthorizationEntry.Descriptor.Order - 1)
                .SetType(OpenIddictServerHandlerType.Custom)
                .Build();

        public ValueTask HandleAsync(ValidateTokenContext context)
        {
            if (context.Principal is { } principal && string.IsNullOrEmpty(context.TokenId) && string.IsNullOrEmpty(context.AuthorizationId))
            {
                context.AuthorizationId = principal.GetAuthorizationId();
            }

            return ValueTask.CompletedTask;
        }
    }
}
