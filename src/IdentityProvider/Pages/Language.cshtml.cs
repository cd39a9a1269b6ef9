using IdentityProvider.Localization;
using IdentityProvider.Sessions;
using IdentityProvider.Settings;
using IdentityProvider.Users;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IdentityProvider.Pages;

/// <summary>
/// The language switch in every page's footer: remembers the choice for a year and opens the same page again; for a
/// signed-in user it is also the language of their mails from now on.
/// </summary>
[AllowAnonymous]
public sealed class LanguageModel(ProviderSettings settings, UserLanguages userLanguages, TimeProvider time) : PageModel
{
    public IActionResult OnGet() => LocalRedirect("/");

    public async Task<IActionResult> OnPostAsync(string? language, string? returnUrl)
    {
        if (language is not null && settings.Ui.Languages.Contains(language, StringComparer.Ordinal))
        {
            Response.Cookies.Append(Languages.CookieName, CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(language)), new CookieOptions
            {
                Expires = time.GetUtcNow().AddYears(1),
                HttpOnly = true,
                IsEssential = true,
                SameSite = SameSiteMode.Lax,
                Secure = settings.Server.RequireHttps || Request.IsHttps,
            });
            // The user's mails stay in the user's language when an administrator signed in as the user switches.
            if (ActingAdministrator.From(User) is null)
            {
                await userLanguages.RecordChoiceAsync(User, language);
            }
        }

        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
