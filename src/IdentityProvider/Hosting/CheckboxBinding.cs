using IdentityProvider.Localization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace IdentityProvider.Hosting;

/// <summary>
/// Binds yes/no fields (checkboxes) from "true" or "false" only. Warning: the framework's binder keeps any other
/// value as the attempted value, and the checkbox tag helper then fails to render it (FormatException: a 500 for a
/// hand-made post such as <c>Input.Optional=abc</c>); this one records a model error and keeps no attempted value,
/// so the page shows its form with the message.
/// </summary>
public sealed class CheckboxBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context) => context.Metadata.ModelType == typeof(bool) ? new CheckboxBinder() : null;

    private sealed class CheckboxBinder : IModelBinder
    {
        public Task BindModelAsync(ModelBindingContext bindingContext)
        {
            var value = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
            if (value == ValueProviderResult.None || string.IsNullOrEmpty(value.FirstValue))
            {
                return Task.CompletedTask;
            }

            if (bool.TryParse(value.FirstValue, out var parsed))
            {
                bindingContext.ModelState.SetModelValue(bindingContext.ModelName, value);
                bindingContext.Result = ModelBindingResult.Success(parsed);
            }
            else
            {
                var text = bindingContext.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedText>>();
                bindingContext.ModelState.TryAddModelError(bindingContext.ModelName, text["Binding.Checkbox"]);
            }

            return Task.CompletedTask;
        }
    }
}
