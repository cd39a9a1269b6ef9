using IdentityProvider.Data.Entities;
using IdentityProvider.Localization;
using IdentityProvider.RecoveryCodes;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace IdentityProvider.Pages.Manage.RecoveryCodes;

/// <summary>
/// Shows a set just generated for the signed-in user, once (first device, or a new set on request), and
/// asks the user to confirm having saved it before going on to <see cref="ReturnUrl"/>.
/// </summary>
/// <remarks>
/// Warning: the response must not be cached; a reload or the back button finds the codes gone.
/// </remarks>
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ShowModel(UserManager<ApplicationUser> users, IssuedRecoveryCodes issuedCodes, IStringLocalizer<ManageText> text) : PageModel
{
    /// <summary>Where to go after the acknowledgement: the authorize request of a sign-in, or an account page.</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public bool Saved { get; set; }

    public RecoveryCodeListModel? Codes { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (users.GetUserId(User) is not { } userId)
        {
            return Challenge();
        }

        if (await issuedCodes.TakeAsync(TempData, userId) is { } codes)
        {
            Codes = new RecoveryCodeListModel(codes, User.Identity?.Name ?? userId, Request.Host.Value ?? "IdentityProvider");
        }

        return Page();
    }

    public IActionResult OnPost()
    {
        if (!Saved)
        {
            // The codes cannot be shown again (they are kept only as hashes); a new set is the way back.
            ModelState.AddModelError(nameof(Saved), text["RecoveryCodes.Show.NotTicked"]);
            return Page();
        }

        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/Manage/RecoveryCodes");
    }
}
