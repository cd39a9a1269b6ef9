using IdentityProvider.Admin.Users;
using IdentityProvider.Data.Entities;
using IdentityProvider.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace IdentityProvider.Areas.Admin.Pages.Users;

/// <summary>
/// Confirms and deletes a user with what belongs to them. Note: the service refuses deleting oneself or
/// the last administrator, and logs the deletion with the acting administrator.
/// </summary>
public sealed class DeleteModel(UserDirectory directory, UserAdministration administration, UserManager<ApplicationUser> users, IStringLocalizer<AdminText> text, IStringLocalizer<MessageText> messages) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = "";

    public UserRow Account { get; private set; } = null!;

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await directory.FindAsync(Id) is not { } account)
        {
            return NotFound();
        }

        Account = account;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await directory.FindAsync(Id) is not { } account)
        {
            return NotFound();
        }

        Account = account;
        var actorId = users.GetUserId(User) ?? throw new InvalidOperationException("The admin policy let an anonymous request through.");
        var result = await administration.DeleteAsync(Id, actorId);
        if (result.Outcome == ChangeOutcome.NotFound)
        {
            return NotFound();
        }

        if (!result.Succeeded)
        {
            ModelState.AddProblems(result.Problems, messages);
            return Page();
        }

        StatusMessage = text["Users.Delete.Done", account.Email ?? ""];
        return RedirectToPage("/Users/Index", new { area = "Admin" });
    }
}
