using IdentityProvider.Data.Entities;
using IdentityProvider.Localization;
using IdentityProvider.TwoStep;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace IdentityProvider.Pages.Manage;

/// <summary>Lists the browsers that skip the OTP step, and forgets one or all of them.</summary>
public sealed class RememberedBrowsersModel(
    UserManager<ApplicationUser> users,
    RememberedBrowsers rememberedBrowsers,
    IStringLocalizer<ManageText> text) : PageModel
{
    public IReadOnlyList<RememberedBrowser> Browsers { get; private set; } = [];

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (users.GetUserId(User) is not { } userId)
        {
            return Challenge();
        }

        Browsers = await rememberedBrowsers.ListAsync(userId);
        return Page();
    }

    public async Task<IActionResult> OnPostForgetAsync(Guid id)
    {
        if (users.GetUserId(User) is not { } userId)
        {
            return Challenge();
        }

        if (await rememberedBrowsers.ForgetOneByOwnerAsync(userId, id))
        {
            StatusMessage = text["Browsers.Forgotten"];
        }

        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostForgetAllAsync()
    {
        if (users.GetUserId(User) is not { } userId)
        {
            return Challenge();
        }

        await rememberedBrowsers.ForgetAllByOwnerAsync(userId);
        StatusMessage = text["Browsers.AllForgotten"];
        return RedirectToPage();
    }
}
