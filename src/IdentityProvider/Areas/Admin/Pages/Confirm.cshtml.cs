using System.ComponentModel.DataAnnotations;
using IdentityProvider.Admin;
using IdentityProvider.Data.Entities;
using IdentityProvider.Localization;
using IdentityProvider.TwoStep;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace IdentityProvider.Areas.Admin.Pages;

/// <summary>
/// A fresh one-time password before a change in the admin area, when the last one is older than 15 minutes
/// (<see cref="AdminSession.ChangeWindow"/>). A wrong code counts toward the lockout.
/// </summary>
public sealed class ConfirmModel(UserManager<ApplicationUser> users, FreshCodeConfirmation confirmation, IStringLocalizer<MessageText> messages) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User) ?? throw new InvalidOperationException("The admin policy let an anonymous request through.");
        var (outcome, error) = await confirmation.ConfirmAsync(user, user, User, Input.Code, "admin area confirmation");
        switch (outcome)
        {
            case CodeConfirmation.Confirmed:
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/admin");
            case CodeConfirmation.LockedOut:
                return RedirectToPage("/Account/Login", new { area = "" });
            default:
                ModelState.AddModelError("Input.Code", error!.In(messages));
                return Page();
        }
    }

    public sealed class InputModel
    {
        [Display(Name = "Confirm.Code")]
        public string? Code { get; set; }
    }
}
