using IdentityProvider.Data.Entities;
using IdentityProvider.HardwareTokens;
using IdentityProvider.TwoStep;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IdentityProvider.Pages.Manage.TwoStep;

/// <summary>The user's active OTP devices, with links to add an app and remove one (hardware tokens only an administrator removes).</summary>
public sealed class IndexModel(UserManager<ApplicationUser> users, OtpDevices devices, HardwareTokenInventory hardwareTokens) : PageModel
{
    public IReadOnlyList<OtpDevice> Devices { get; private set; } = [];

    /// <summary>The serial and model of each device that is an assigned hardware token, by device id.</summary>
    public IReadOnlyDictionary<Guid, HardwareTokenRow> Tokens { get; private set; } = new Dictionary<Guid, HardwareTokenRow>();

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (users.GetUserId(User) is not { } userId)
        {
            return Challenge();
        }

        Devices = await devices.ListActiveAsync(userId);
        Tokens = await hardwareTokens.HeldByAsync(userId);
        return Page();
    }
}
