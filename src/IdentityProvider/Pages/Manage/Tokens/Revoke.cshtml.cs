using IdentityProvider.Data.Entities;
using IdentityProvider.Localization;
using IdentityProvider.PersonalAccessTokens;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace IdentityProvider.Pages.Manage.Tokens;

/// <summary>The confirmation step before a token is revoked (a page, since the CSP rules out inline script dialogs).</summary>
public sealed class RevokeModel(UserManager<ApplicationUser> users, UserTokens userTokens, IStringLocalizer<ManageText> text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public string Label { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync() => await FindAsync() is null ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await FindAsync() is not { } userId)
        {
            return NotFound();
        }

        if (await userTokens.RevokeAsync(userId, Id))
        {
            TempData["StatusMessage"] = text["Tokens.Revoked", Label].Value;
        }

        return RedirectToPage("Index");
    }

    /// <summary>The user's id when <see cref="Id"/> names one of their unrevoked tokens; another user's token is "not found".</summary>
    private async Task<string?> FindAsync()
    {
        if (users.GetUserId(User) is not { } userId)
        {
            return null;
        }

        var token = (await userTokens.ListAsync(userId)).FirstOrDefault(candidate => candidate.Id == Id && candidate.RevokedAt is null);
        Label = token?.Label ?? "";
        return token is null ? null : userId;
    }
}
