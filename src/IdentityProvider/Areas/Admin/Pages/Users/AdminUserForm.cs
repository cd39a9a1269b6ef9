using IdentityProvider.Admin;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace IdentityProvider.Areas.Admin.Pages.Users;

/// <summary>What the user pages share: the acting administrator, and a service's problems shown on the form's fields.</summary>
internal static class AdminUserForm
{
    /// <summary>Puts each problem on its field of <c>Input</c> (or on the form as a whole), for the validation summary, in the reader's language.</summary>
    public static void Show(ModelStateDictionary modelState, UserActionResult result, IStringLocalizer text)
    {
        foreach (var (field, message) in result.Problems)
        {
            modelState.AddModelError(field.Length > 0 ? "Input." + field : string.Empty, message.In(text));
        }
    }
}
