using IdentityProvider.Admin.Users;
using IdentityProvider.Data.Entities;
using IdentityProvider.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace IdentityProvider.Areas.Admin.Pages.Users;

/// <summary>
/// Resets a user's password: a new one typed twice, or a one-time set-password link (the old password is
/// removed) shown once on the answer. Either way the user's sessions end. Note: neither is ever logged.
/// </summary>
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class PasswordModel(UserDirectory directory, UserAccess access, UserManager<ApplicationUser> users, IStringLocalizer<AdminText> text, IStringLocalizer<MessageText> messages) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = "";

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public UserRow Account { get; private set; } = null!;

    /// <summary>A user-manager on an administrator's account: the page says so and shows no form.</summary>
    public bool ReadOnly => UserFacts.ReadOnlyFor(User, Account.Roles);

    /// <summary>The link just issued, shown this once.</summary>
    public string? SetPasswordLink { get; private set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    public async Task<IActionResult> OnPostSetAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        if (Input.NewPassword != Input.ConfirmPassword)
        {
            ModelState.AddModelError("Input.ConfirmPassword", text["Users.Password.Mismatch"]);
            return Page();
        }

        var result = await access.SetPasswordAsync(Id, Input.NewPassword, Actor);
        if (!result.Succeeded)
        {
            foreach (var (_, message) in result.Problems)
            {
                ModelState.AddModelError("Input.NewPassword", message.In(messages));
            }

            return result.Outcome == ChangeOutcome.NotFound ? NotFound() : Page();
        }

        StatusMessage = text["Users.Password.SetDone"];
        return RedirectToPage("/Users/Details", new { area = "Admin", id = Id });
    }

    public async Task<IActionResult> OnPostLinkAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        var result = await access.IssuePasswordLinkAsync(Id, Actor);
        if (result.Value is not { } path)
        {
            ModelState.AddProblems(result.Problems, messages);
            return result.Outcome == ChangeOutcome.NotFound ? NotFound() : Page();
        }

        // Warning: shown in this answer only (not redirected through TempData), and never logged.
        SetPasswordLink = $"{Request.Scheme}://{Request.Host}{Request.PathBase}{path}";
        return Page();
    }

    /// <summary>The same link, e-mailed to the user: the administrator never sees it.</summary>
    public async Task<IActionResult> OnPostLinkByEmailAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        var result = await access.IssuePasswordLinkAsync(Id, Actor, byEmail: true);
        if (!result.Succeeded)
        {
            ModelState.AddProblems(result.Problems, messages);
            return result.Outcome == ChangeOutcome.NotFound ? NotFound() : Page();
        }

        StatusMessage = text["Users.Password.LinkMailed"];
        return RedirectToPage("/Users/Details", new { area = "Admin", id = Id });
    }

    private AdminActor Actor => AdminActor.SignedIn(User, users.GetUserId(User) ?? throw new InvalidOperationException("The admin policy let an anonymous request through."));

    private async Task<bool> LoadAsync()
    {
        if (await directory.FindAsync(Id) is not { } account)
        {
            return false;
        }

        Account = account;
        return true;
    }

    public sealed class InputModel
    {
        public string? NewPassword { get; set; }

        public string? ConfirmPassword { get; set; }
    }
}
