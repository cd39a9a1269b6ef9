using IdentityProvider.Data.Entities;
using IdentityProvider.Localization;
using IdentityProvider.PersonalAccessTokens;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace IdentityProvider.Pages.Manage.Tokens;

/// <summary>
/// "Manage tokens": the user's unrevoked personal access tokens, with revoke and create. Note: listing and
/// revoking stay open when an administrator denies token sign-in, so a user can always clean up.
/// </summary>
public sealed class IndexModel(UserManager<ApplicationUser> users, UserTokens userTokens, TokenPolicy policy, TimeProvider time, IStringLocalizer<ManageText> text) : PageModel
{
    public IReadOnlyList<TokenSummary> Tokens { get; private set; } = [];

    /// <summary>Whether this user may create (and use) tokens now.</summary>
    public bool Allowed { get; private set; }

    public DateTimeOffset Now { get; private set; }

    [TempData]
    public string? StatusMessage { get; set; }

    /// <param name="copied">The new token's dialog copied it and came back here.</param>
    public async Task<IActionResult> OnGetAsync(bool copied)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        Allowed = policy.IsAllowedFor(user.SignInByToken);
        Tokens = (await userTokens.ListAsync(user.Id)).Where(token => token.RevokedAt is null).ToList();
        Now = time.GetUtcNow();
        if (copied)
        {
            StatusMessage = text["Tokens.Copied"];
        }

        return Page();
    }
}
