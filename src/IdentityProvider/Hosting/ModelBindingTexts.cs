using IdentityProvider.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace IdentityProvider.Hosting;

/// <summary>
/// The messages of model binding (a value that is not a number, a date or one of a list) in the reader's language.
/// They never repeat the value that was posted; they name the field where the framework gives its (localized)
/// display name, since a form's summary lists them without their field.
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
            messages.SetAttemptedValueIsInvalidAccessor((_, field) => text["Binding.InvalidFor", field]);
            messages.SetNonPropertyAttemptedValueIsInvalidAccessor(_ => text["Binding.Invalid"]);
            messages.SetUnknownValueIsInvalidAccessor(field => text["Binding.InvalidFor", field]);
            messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => text["Binding.Invalid"]);
            messages.SetValueIsInvalidAccessor(_ => text["Binding.Invalid"]);
            messages.SetValueMustNotBeNullAccessor(_ => text["Binding.Required"]);
            messages.SetMissingKeyOrValueAccessor(() => text["Binding.Required"]);
            messages.SetMissingBindRequiredValueAccessor(field => text["Binding.RequiredFor", field]);
            messages.SetMissingRequestBodyRequiredValueAccessor(() => text["Binding.Required"]);
            messages.SetValueMustBeANumberAccessor(field => text["Binding.NumberFor", field]);
            messages.SetNonPropertyValueMustBeANumberAccessor(() => text["Binding.Number"]);
        });
        return services;
    }
}
