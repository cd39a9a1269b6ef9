using System.ComponentModel.DataAnnotations;
using IdentityProvider.Data.Entities;
using IdentityProvider.Localization;
using IdentityProvider.Sessions;
using IdentityProvider.TwoStep;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace IdentityProvider.Pages.Account;

/// <summary>
/// Where a change refused in a session an administrator opened as a user lands (Impersonation's change guard): it says
/// nothing was changed, and takes a one-time password of the administrator's own, which allows changes for a few minutes.
/// </summary>
[Authorize]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ConfirmChangeModel(UserManager<ApplicationUser> users, FreshCodeConfirmation confirmation, IStringLocalizer<MessageText> messages)
    : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public ActingAdministrator Actor { get; private set; } = null!;

    public IActionResult OnGet()
    {
        if (ActingAdministrator.From(User) is not { } actor)
        {
            return LocalRedirect(Back);
        }

        Actor = actor;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (ActingAdministrator.From(User) is not { } actor)
        {
            return LocalRedirect(Back);
        }

        Actor = actor;
        var user = await users.GetUserAsync(User);
        if (user is null || await users.FindByIdAsync(actor.Id) is not { } administrator)
        {
            return RedirectToPage("/Account/Login");
        }

        var (outcome, error) = await confirmation.ConfirmAsync(administrator, user, User, Input.Code, $"changes to the account of user {user.Id}");
        switch (outcome)
        {
            case CodeConfirmation.Confirmed:
                return LocalRedirect(Back);
            case CodeConfirmation.LockedOut:
                return RedirectToPage("/Account/Login");
            default:
                ModelState.AddModelError("Input.Code", error!.In(messages));
                return Page();
        }
    }

    private string Back => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/Manage";

    public sealed class InputModel
    {
        [Display(Name = "ConfirmChange.Code")]
        public string? Code { get; set; }
    }
}
