using IdentityProvider.Data.Entities;
using IdentityProvider.TwoStep;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IdentityProvider.Pages.Account;

/// <summary>
/// Base of the pages of the second step (OTP, resync, recovery code): each needs a live pending sign-in of
/// an account that is not locked and has a device or passkey; otherwise it sends the user where they belong.
/// </summary>
public abstract class PendingStepPageModel(PendingSignIn pending, UserManager<ApplicationUser> users, OtpDevices devices, SecondStepMethods secondSteps) : PageModel
{
    protected OtpDevices Devices => devices;

    protected SecondStepMethods SecondSteps => secondSteps;

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    protected PendingUser? PendingUser { get; private set; }

    protected ApplicationUser PendingAccount => PendingUser?.User ?? throw new InvalidOperationException("No pending sign-in.");

    protected IActionResult ToReturnUrl() => LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/Manage");

    protected IActionResult ToLogin(string reason) => RedirectToPage("/Account/Login", new { ReturnUrl, Reason = reason });

    /// <summary>Null when the step can go on; otherwise where to send the user instead.</summary>
    protected async Task<IActionResult?> CheckPendingAsync()
    {
        PendingUser = await pending.ReadAsync();
        if (PendingUser is null)
        {
            return ToLogin("expired");
        }

        if (await users.IsLockedOutAsync(PendingUser.User))
        {
            await pending.EndAsync();
            return ToLogin("locked");
        }

        return await secondSteps.HasAnyAsync(PendingUser.User.Id) ? null : RedirectToPage("/Account/EnrolTwoStep", new { ReturnUrl });
    }
}
