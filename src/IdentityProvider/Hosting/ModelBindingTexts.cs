using IdentityProvider.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace IdentityProvider.Hosting;

/// <summary>
/// The messages of model binding (a value that is not a number, a date or one of a list) in the reader's language.
/// They never repeat the value that was posted, and name no field: each shows next to its own field.
/// </summary>
public static class ModelBindingTexts
{
    public static IServiceCollection AddModelBindingTexts(this IServiceCollection services)
    {
        services.AddOptions<MvcOptions>().Configure<IStringLocalizerFactory>((options, factory) =>
        {
            // The localizer reads the request's culture at each lookup, so one instance serves every request.
            var text = factory.Create(typeof(SharedText));
            var messages = options.ModelBindingMessageProvider;
            messages.SetAttemptedValueIsInvalidAccessor((_, _) => text["Binding.Invalid"]);
            messages.SetNonPropertyAttemptedValueIsInvalidAccessor(_ => text["Binding.Invalid"]);
            messages.SetUnknownValueIsInvalidAccessor(_ => text["Binding.Invalid"]);
            messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => text["Binding.Invalid"]);
            messages.SetValueIsInvalidAccessor(_ => text["Binding.Invalid"]);
            messages.SetValueMustNotBeNullAccessor(_ => text["Binding.Required"]);
            messages.SetMissingKeyOrValueAccessor(() => text["Binding.Required"]);
            messages.SetMissingBindRequiredValueAccessor(_ => text["Binding.Required"]);
            messages.SetMissingRequestBodyRequiredValueAccessor(() => text["Binding.Required"]);
            messages.SetValueMustBeANumberAccessor(_ => text["Binding.Number"]);
            messages.SetNonPropertyValueMustBeANumberAccessor(() => text["Binding.Number"]);
        });
        return services;
    }
}
