using System.Collections.Immutable;
using IdentityProvider.Settings;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace IdentityProvider.Connect;

/// <summary>Discovery's <c>ui_locales_supported</c>: the languages of <c>Ui:Languages</c>, which <c>ui_locales</c> may ask for.</summary>
internal sealed class LanguagesInDiscovery(UiSettings ui) : IOpenIddictServerHandler<HandleConfigurationRequestContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<HandleConfigurationRequestContext>()
            .UseSingletonHandler<LanguagesInDiscovery>()
            .SetOrder(OpenIddictServerHandlers.Discovery.AttachScopes.Descriptor.Order + 2)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(HandleConfigurationRequestContext context)
    {
        context.Metadata[Metadata.UiLocalesSupported] = new OpenIddictParameter(ImmutableArray.Create<string?>(ui.Languages));
        return default;
    }
}
