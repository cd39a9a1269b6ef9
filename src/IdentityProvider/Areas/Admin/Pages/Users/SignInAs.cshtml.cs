using System.ComponentModel.DataAnnotations;
using IdentityProvider.Admin.Users;
using IdentityProvider.Data.Entities;
using IdentityProvider.Impersonation;
using IdentityProvider.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace IdentityProvider.Areas.Admin.Pages.Users;

/// <summary>
/// "Sign in as this user": an administrator's session becomes the user's, with a reason, for at most 30 minutes
/// (<see cref="Impersonations"/>). An administrators' page (never a user-manager's); the admin area's fresh-code rule
/// applies to the submit.
/// </summary>
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class SignInAsModel(UserDirectory directory, Impersonations impersonations, UserManager<ApplicationUser> users,
    IStringLocalizer<MessageText> messages) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = "";

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public UserRow Account { get; private set; } = null!;

    /// <summary>Why this user cannot be signed in as (the policy, an administrator, oneself); null when the form is offered.</summary>
    public Sentence? NotOffered { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        var result = await impersonations.StartAsync(User, Id, Input.Reason);
        if (result.Outcome == ChangeOutcome.NotFound)
        {
            return NotFound();
        }

        if (!result.Succeeded)
        {
            ModelState.AddProblems(result.Problems, messages);
            return Page();
        }

        return Redirect("/Manage");
    }

    private async Task<bool> LoadAsync()
    {
        if (await directory.FindAsync(Id) is not { } account)
        {
            return false;
        }

        Account = account;
        NotOffered = impersonations.NotOffered(users.GetUserId(User) ?? "", account.Id, account.Roles);
        return true;
    }

    public sealed class InputModel
    {
        [Display(Name = "Users.SignInAs.Reason")]
        public string? Reason { get; set; }
    }
}
