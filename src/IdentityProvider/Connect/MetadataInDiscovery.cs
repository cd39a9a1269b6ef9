using System.Collections.Immutable;
using IdentityProvider.Sessions;
using IdentityProvider.Settings;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace IdentityProvider.Connect;

/// <summary>
/// What discovery says beyond OpenIddict's own: <c>ui_locales_supported</c> (the languages of <c>Ui:Languages</c>,
/// which <c>ui_locales</c> may ask for) and <c>acr_values_supported</c> (<c>phr</c> when a passkey was one of two steps,
/// <c>mfa</c> when both steps ran, <c>pwd</c> otherwise; <c>acr_values=mfa</c> demands the second step, <c>phr</c> a passkey,
/// <c>in-person</c> refuses a session an administrator opened as the user).
/// </summary>
internal sealed class MetadataInDiscovery(UiSettings ui) : IOpenIddictServerHandler<HandleConfigurationRequestContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<HandleConfigurationRequestContext>()
            .UseSingletonHandler<MetadataInDiscovery>()
            .SetOrder(OpenIddictServerHandlers.Discovery.AttachScopes.Descriptor.Order + 2)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(HandleConfigurationRequestContext context)
    {
        context.Metadata[Metadata.UiLocalesSupported] = new OpenIddictParameter(ImmutableArray.Create<string?>(ui.Languages));
        context.Metadata[Metadata.AcrValuesSupported] = new OpenIddictParameter(
            ImmutableArray.Create<string?>(
                AuthenticationMethods.PhishingResistantLevel, AuthenticationMethods.MultiFactorLevel, AuthenticationMethods.PasswordLevel, AuthenticationMethods.InPersonLevel));
        return default;
    }
}
