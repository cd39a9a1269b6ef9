using IdentityProvider.Localization;
using IdentityProvider.Settings;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IdentityProvider.Pages;

/// <summary>The language switch in every page's footer: remembers the choice for a year and opens the same page again.</summary>
[AllowAnonymous]
public sealed class LanguageModel(ProviderSettings settings) : PageModel
{
    public IActionResult OnGet() => LocalRedirect("/");

    public IActionResult OnPost(string? language, string? returnUrl)
    {
        if (language is not null && settings.Ui.Languages.Contains(language, StringComparer.Ordinal))
        {
            Response.Cookies.Append(Languages.CookieName, CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(language)), new CookieOptions
            {
                Expires = DateTimeOffset.UtcNow.AddYears(1),
                HttpOnly = true,
                IsEssential = true,
                SameSite = SameSiteMode.Lax,
                Secure = settings.Server.RequireHttps || Request.IsHttps,
            });
        }

        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
