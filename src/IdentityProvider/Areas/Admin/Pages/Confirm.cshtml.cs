using System.ComponentModel.DataAnnotations;
using IdentityProvider.Auditing;
using IdentityProvider.Sessions;
using IdentityProvider.TwoStep;
using IdentityProvider.Users;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IdentityProvider.Areas.Admin.Pages;

/// <summary>
/// A fresh one-time password before a change in the admin area, when the last one is older than 15 minutes
/// (<see cref="IdentityProvider.Admin.AdminSession.ChangeWindow"/>). A wrong code counts toward the lockout.
/// </summary>
public sealed class ConfirmModel(
    ClockedUserManager users,
    OtpDevices devices,
    OtpVerification verification,
    TwoStepPolicy policy,
    SessionSignIn sessions,
    SecurityLog securityLog,
    TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User) ?? throw new InvalidOperationException("The admin policy let an anonymous request through.");
        var digits = (await devices.ListActiveAsync(user.Id)).Select(device => device.Digits);
        if (!OtpCodeInput.TryNormalizeAny(Input.Code, digits, out var code, out var error))
        {
            ModelState.AddModelError("Input.Code", error);
            return Page();
        }

        if (await verification.TryAcceptAsync(user.Id, code) is not { } device)
        {
            await users.RecordFailureAsync(user, policy.MaxFailedAttempts);
            await securityLog.WriteAsync(SecurityEventKinds.OtpFailed, user.Id, "admin area confirmation");
            if (await users.IsLockedOutAsync(user))
            {
                await sessions.SignOutAsync();
                return Redirect("/Account/Login");
            }

            ModelState.AddModelError("Input.Code", "The code is not correct. Enter the current code.");
            return Page();
        }

        await users.ResetAccessFailedCountAsync(user);
        var proof = SessionProof.From(User) ?? SessionProof.PasswordAndOtp(time.GetUtcNow());
        await sessions.SignInAsync(user, proof with { SecondStepAt = time.GetUtcNow() });
        await securityLog.WriteAsync(SecurityEventKinds.AdminCodeConfirmed, user.Id, $"one-time password from \"{device.Name}\"");
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/admin");
    }

    public sealed class InputModel
    {
        [Display(Name = "One-time password")]
        public string? Code { get; set; }
    }
}
