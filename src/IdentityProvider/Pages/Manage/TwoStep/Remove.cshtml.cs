using IdentityProvider.Data.Entities;
using IdentityProvider.Localization;
using IdentityProvider.TwoStep;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace IdentityProvider.Pages.Manage.TwoStep;

/// <summary>
/// Removes one device after the password is entered again (<see cref="PasswordReentry"/>).
/// </summary>
public sealed class RemoveModel(
    UserManager<ApplicationUser> users,
    SignInManager<ApplicationUser> signInManager,
    OtpDevices devices,
    DeviceChanges deviceChanges,
    IStringLocalizer<ManageText> text) : PasswordConfirmedPageModel(signInManager, text)
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public string DeviceName { get; private set; } = "";

    public bool IsLastDevice { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() is null ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await LoadAsync() is not { } user)
        {
            return NotFound();
        }

        if (!await PasswordConfirmedAsync(user))
        {
            return Page();
        }

        await deviceChanges.RemoveAsync(user.Id, Id, DeviceName);
        TempData["StatusMessage"] = Text["Devices.Removed", DeviceName].Value;
        return RedirectToPage("Index");
    }

    private async Task<ApplicationUser?> LoadAsync()
    {
        var user = await users.GetUserAsync(User);
        var active = user is null ? [] : await devices.ListActiveAsync(user.Id);
        // Note: an assigned hardware token is not the user's to remove (an administrator unassigns it).
        var device = active.FirstOrDefault(candidate => candidate.Id == Id && candidate.HardwareTokenId is null);
        if (device is null)
        {
            return null;
        }

        DeviceName = device.Name;
        IsLastDevice = active.Count == 1;
        return user;
    }
}
