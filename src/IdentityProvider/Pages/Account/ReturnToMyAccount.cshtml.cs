using IdentityProvider.Impersonation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IdentityProvider.Pages.Account;

/// <summary>
/// "Return to my account", the banner's button in a session an administrator opened as a user: the administrator's own
/// session comes back, on the user's page in the admin area; when it cannot (rights or session ended), the browser is
/// signed out and the sign-in page shown.
/// </summary>
public sealed class ReturnToMyAccountModel(Impersonations impersonations) : PageModel
{
    public IActionResult OnGet() => Redirect("/");

    public async Task<IActionResult> OnPostAsync() =>
        await impersonations.ReturnAsync(User) is { } userId
            ? RedirectToPage("/Users/Details", new { area = "Admin", id = userId })
            : RedirectToPage("/Account/Login");
}
