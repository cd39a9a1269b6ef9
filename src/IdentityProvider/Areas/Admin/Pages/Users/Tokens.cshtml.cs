using IdentityProvider.Data.Entities;
using IdentityProvider.PersonalAccessTokens;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IdentityProvider.Areas.Admin.Pages.Users;

/// <summary>
/// A user's personal access tokens as an administrator sees them (never a secret, never a hash), and the
/// per-user override of "Allow sign-in by token" (<see cref="TokenPermissions"/>).
/// </summary>
public sealed class TokensModel(
    UserManager<ApplicationUser> users,
    UserTokens userTokens,
    TokenPolicy policy,
    TokenPermissions permissions,
    TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = "";

    /// <summary><c>allow</c>, <c>deny</c> or <c>follow</c>.</summary>
    [BindProperty]
    public string Choice { get; set; } = TokenPolicy.Follow;

    public ApplicationUser Account { get; private set; } = new();

    public IReadOnlyList<TokenSummary> Tokens { get; private set; } = [];

    public TokenPolicy Policy => policy;

    public DateTimeOffset Now { get; private set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        Choice = Account.SignInByToken ?? TokenPolicy.Follow;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        var user = Account;
        if (!TokenPolicy.TryParseOverride(Choice, out var chosen))
        {
            ModelState.AddModelError(nameof(Choice), "Choose allow, deny, or follow the provider setting.");
            return Page();
        }

        switch (await permissions.SetAsync(user, chosen, users.GetUserId(User)!))
        {
            case TokenPermissionChange.Unchanged:
                StatusMessage = "Nothing changed.";
                return RedirectToPage();
            case TokenPermissionChange.Conflict:
                ModelState.AddModelError(nameof(Choice), "The user changed meanwhile: reload the page and try again.");
                return Page();
        }

        StatusMessage = $"Sign-in by token is now {Describe(chosen)} for {user.Email}.";
        return RedirectToPage();
    }

    /// <summary>The override in words, with what "follow" currently means.</summary>
    public string Describe(string? userOverride) => userOverride switch
    {
        TokenPolicy.Allow => "allowed",
        TokenPolicy.Deny => "denied",
        _ => $"following the provider setting ({(policy.AllowedByDefault ? "allowed" : "denied")})",
    };

    private async Task<bool> LoadAsync()
    {
        if (await users.FindByIdAsync(Id) is not { } account)
        {
            return false;
        }

        Account = account;
        Tokens = await userTokens.ListAsync(account.Id);
        Now = time.GetUtcNow();
        return true;
    }
}
