using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace IdentityProvider.Localization;

/// <summary>A service's problems shown by a page: each on its field of the form's model, in the reader's language.</summary>
public static class ModelStateProblems
{
    /// <summary>
    /// Puts each problem on <c>{prefix}.{Field}</c> (<c>Input.Email</c>), or on the form as a whole when it names no
    /// field, for the validation summary.
    /// </summary>
    public static void AddProblems(this ModelStateDictionary modelState, IEnumerable<FieldProblem> problems, IStringLocalizer<MessageText> messages, string prefix = "Input")
    {
        foreach (var (field, message) in problems)
        {
            modelState.AddModelError(field.Length == 0 ? string.Empty : $"{prefix}.{field}", message.In(messages));
        }
    }
}
