using IdentityProvider.Data.Entities;
using IdentityProvider.PersonalAccessTokens;
using IdentityProvider.TwoStep;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IdentityProvider.Pages.Manage;

/// <summary>The account page: the profile and links to every security section.</summary>
public sealed class IndexModel(UserManager<ApplicationUser> users, TwoStepPolicy twoStepPolicy, TokenPolicy tokenPolicy) : PageModel
{
    public string DisplayName { get; private set; } = "";

    public string Email { get; private set; } = "";

    public bool RecoveryCodesEnabled => twoStepPolicy.RecoveryCodesEnabled;

    /// <summary>Whether "Manage tokens" is shown: the provider setting or the administrator's override for this user.</summary>
    public bool TokensAllowed { get; private set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        DisplayName = user.DisplayName;
        Email = user.Email ?? "";
        TokensAllowed = tokenPolicy.IsAllowedFor(user.SignInByToken);
        return Page();
    }
}
