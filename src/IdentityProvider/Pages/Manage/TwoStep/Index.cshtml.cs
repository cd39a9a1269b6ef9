using IdentityProvider.Data.Entities;
using IdentityProvider.TwoStep;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IdentityProvider.Pages.Manage.TwoStep;

/// <summary>The user's active OTP devices, with links to add and remove one.</summary>
public sealed class IndexModel(UserManager<ApplicationUser> users, OtpDevices devices) : PageModel
{
    public IReadOnlyList<OtpDevice> Devices { get; private set; } = [];

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (users.GetUserId(User) is not { } userId)
        {
            return Challenge();
        }

        Devices = await devices.ListActiveAsync(userId);
        return Page();
    }
}
