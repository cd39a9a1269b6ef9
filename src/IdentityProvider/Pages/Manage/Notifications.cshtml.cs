using IdentityProvider.Data.Entities;
using IdentityProvider.Email;
using IdentityProvider.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace IdentityProvider.Pages.Manage;

/// <summary>
/// Which security mails the user gets: the optional ones (tokens, lockouts, suspension by an administrator) can be
/// turned off; device, password and recovery-code mails are always sent.
/// </summary>
public sealed class NotificationsModel(UserManager<ApplicationUser> users, NotificationPreferences preferences, IStringLocalizer<ManageText> text) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        Input.Optional = !user.OptionalNotificationsOff;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        // Note: a value that is not a checkbox's (a hand-made request) changes nothing; without this it read as "off".
        if (!ModelState.IsValid)
        {
            Input.Optional = !user.OptionalNotificationsOff;
            return Page();
        }

        if (!await preferences.SetOptionalAsync(user, Input.Optional))
        {
            ModelState.AddModelError(string.Empty, text["Notifications.Conflict"]);
            return Page();
        }

        StatusMessage = text[Input.Optional ? "Notifications.AllOn" : "Notifications.OptionalOff"];
        return RedirectToPage();
    }

    public sealed class InputModel
    {
        public bool Optional { get; set; }
    }
}
