using IdentityProvider.AccountOverview;
using IdentityProvider.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IdentityProvider.Pages.Manage;

/// <summary>
/// The account page: the profile and each security section's state at a glance (two-step sign-in, recovery codes,
/// remembered browsers, tokens, sign-in methods, password), with links to change them. Read in two queries, since
/// every sign-in without a return address ends here.
/// </summary>
public sealed class IndexModel(UserManager<ApplicationUser> users, AccountStatusReader reader) : PageModel
{
    public AccountStatus Account { get; private set; } = null!;

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (users.GetUserId(User) is not { } userId || await reader.ReadAsync(userId) is not { } account)
        {
            return Challenge();
        }

        Account = account;
        return Page();
    }
}
