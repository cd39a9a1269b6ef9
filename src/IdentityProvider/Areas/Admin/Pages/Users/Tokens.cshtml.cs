using IdentityProvider.Admin.Users;
using IdentityProvider.Data.Entities;
using IdentityProvider.Localization;
using IdentityProvider.PersonalAccessTokens;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace IdentityProvider.Areas.Admin.Pages.Users;

/// <summary>
/// A user's personal access tokens as an administrator sees them (never a secret, never a hash), with Revoke,
/// and the per-user override of "Allow sign-in by token". Note: the same service as the admin API
/// (<see cref="UserTokenAdministration"/>); every change is logged with the administrator as the actor.
/// </summary>
public sealed class TokensModel(UserTokenAdministration administration, UserManager<ApplicationUser> users, TokenPolicy policy, TimeProvider time, IStringLocalizer<AdminText> text, IStringLocalizer<MessageText> messages) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = "";

    /// <summary><c>allow</c>, <c>deny</c> or <c>follow</c>.</summary>
    [BindProperty]
    public string Choice { get; set; } = TokenPolicy.Follow;

    [BindProperty]
    public Guid TokenId { get; set; }

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
        var result = await administration.SetPermissionAsync(Id, Choice, Actor);
        if (!result.Succeeded)
        {
            return await RefuseAsync(nameof(Choice), result.Message?.In(messages));
        }

        StatusMessage = result.Value
            ? text[$"Tokens.Changed.{Kind(Choice == TokenPolicy.Follow ? null : Choice)}", (await administration.ReadAsync(Id))?.User.Email ?? ""]
            : text["Common.NothingChangedShort"];
        return RedirectToPage(new { Id });
    }

    public async Task<IActionResult> OnPostRevokeAsync()
    {
        var result = await administration.RevokeAsync(Id, TokenId, Actor);
        if (!result.Succeeded)
        {
            return await RefuseAsync(string.Empty, result.Outcome == ChangeOutcome.Forbidden ? result.Message?.In(messages) : text["Tokens.Revoke.Unknown"]);
        }

        StatusMessage = text["Tokens.Revoke.Done", result.Value ?? ""];
        return RedirectToPage(new { Id });
    }

    /// <summary>
    /// The override with what "follow" currently means, as the suffix of the texts that say it (<c>Allow</c>,
    /// <c>Deny</c>, <c>FollowAllowed</c>, <c>FollowDenied</c>): whole sentences per case, so every language words them.
    /// </summary>
    public string Kind(string? userOverride) => userOverride switch
    {
        TokenPolicy.Allow => "Allow",
        TokenPolicy.Deny => "Deny",
        _ => policy.AllowedByDefault ? "FollowAllowed" : "FollowDenied",
    };

    private AdminActor Actor => AdminActor.SignedIn(User, users.GetUserId(User) ?? throw new InvalidOperationException("The admin policy let an anonymous request through."));

    /// <summary>The tab again with the message; 404 when the user does not exist.</summary>
    private async Task<IActionResult> RefuseAsync(string field, string? message)
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        ModelState.AddModelError(field, message ?? text["Common.NothingChanged"]);
        return Page();
    }

    /// <summary>A user-manager on an administrator's account: the page says so and shows no form.</summary>
    public bool ReadOnly { get; private set; }

    private async Task<bool> LoadAsync()
    {
        if (await administration.ReadAsync(Id) is not { } state)
        {
            return false;
        }

        (Account, Tokens, Now) = (state.User, state.Tokens, time.GetUtcNow());
        ReadOnly = UserFacts.ReadOnlyFor(User, await users.GetRolesAsync(Account));
        return true;
    }
}
