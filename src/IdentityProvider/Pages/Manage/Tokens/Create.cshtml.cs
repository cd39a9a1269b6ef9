using System.ComponentModel.DataAnnotations;
using IdentityProvider.Data.Entities;
using IdentityProvider.Localization;
using IdentityProvider.PersonalAccessTokens;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace IdentityProvider.Pages.Manage.Tokens;

/// <summary>
/// "Create token": label, expiry and scopes; after saving, the token is shown once, in the answer to the
/// post itself. Warning: the secret is never put in TempData, a cookie, a redirect or a log, and the answer
/// carries Cache-Control: no-store, so the only copy is the one the user takes now.
/// </summary>
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class CreateModel(UserManager<ApplicationUser> users, UserTokens userTokens, TokenScopes tokenScopes, TokenPolicy policy,
    IStringLocalizer<ManageText> text,
    IStringLocalizer<MessageText> messages) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<string> OfferedScopes { get; private set; } = [];

    public TokenPolicy Policy => policy;

    /// <summary>Set only in the answer to a successful post.</summary>
    public string? NewSecret { get; private set; }

    public PersonalAccessToken? Created { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await AllowedUserAsync() is null)
        {
            return RedirectToPage("Index");
        }

        Input.ExpiresInDays = policy.DefaultLifetimeDays;
        OfferedScopes = await tokenScopes.OfferedAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await AllowedUserAsync() is not { } user)
        {
            return RedirectToPage("Index");
        }

        if (ModelState.IsValid)
        {
            var result = await userTokens.CreateAsync(user.Id, new NewTokenInput(Input.Label, Input.ExpiresInDays, Input.NoExpiry, Input.Scopes));
            if (result.Succeeded)
            {
                (NewSecret, Created) = result.Value!;
                TempData["StatusMessage"] = text["Tokens.Created.Status", Created.Label].Value;
                return Page();
            }

            ModelState.AddProblems(result.Problems, messages);
        }

        OfferedScopes = await tokenScopes.OfferedAsync();
        return Page();
    }

    private async Task<ApplicationUser?> AllowedUserAsync() =>
        await users.GetUserAsync(User) is { } user && policy.IsAllowedFor(user.SignInByToken) ? user : null;

    /// <summary>Property names match <see cref="NewTokenInput"/>, whose problems are reported per field.</summary>
    public sealed class InputModel
    {
        // No [Required]/[StringLength]: TokenLabel gives each label rule its own message.
        public string? Label { get; set; }

        [Display(Name = "Tokens.Create.ExpiresInDays")]
        public int? ExpiresInDays { get; set; }

        public bool NoExpiry { get; set; }

        public List<string> Scopes { get; set; } = [];
    }
}
