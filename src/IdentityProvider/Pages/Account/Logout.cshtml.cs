using IdentityProvider.Auditing;
using IdentityProvider.Sessions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace IdentityProvider.Pages.Account;

/// <summary>Ends the provider session. A GET only asks, so a link on another site cannot sign the user out.</summary>
[AllowAnonymous]
public sealed class LogoutModel(SessionSignIn sessions, SecurityLog securityLog) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var userId = User.GetClaim(Claims.Subject);
        await sessions.SignOutAsync();
        if (userId is not null)
        {
            await securityLog.WriteAsync(SecurityEventKinds.SignedOut, userId);
        }

        return RedirectToPage("/Account/SignedOut");
    }
}
