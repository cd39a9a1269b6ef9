using IdentityProvider.Connect;
using IdentityProvider.Sessions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IdentityProvider.Pages.Account;

/// <summary>
/// Ends the provider session. A GET only asks, so a link on another site cannot sign the user out; a relying
/// party's end-session request without an id_token_hint comes here too, and goes on after the confirmation.
/// </summary>
[AllowAnonymous]
public sealed class LogoutModel(SessionSignIn sessions) : PageModel
{
    /// <summary>The end-session request to finish after signing out (post_logout_redirect_uri and state); nothing else.</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await sessions.SignOutByUserAsync();

        return IsEndSessionRequest(ReturnUrl) ? LocalRedirect(ReturnUrl!) : RedirectToPage("/Account/SignedOut");
    }

    private bool IsEndSessionRequest(string? url) =>
        Url.IsLocalUrl(url) && (url == ConnectPaths.EndSession || url!.StartsWith(ConnectPaths.EndSession + "?", StringComparison.Ordinal));
}
