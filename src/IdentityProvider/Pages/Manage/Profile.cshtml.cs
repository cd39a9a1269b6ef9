using System.ComponentModel.DataAnnotations;
using IdentityProvider.Data.Entities;
using IdentityProvider.Localization;
using IdentityProvider.Profiles;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace IdentityProvider.Pages.Manage;

/// <summary>
/// The user's own profile: the name relying parties see (<c>name</c>), given and family name, phone number. Saved through
/// <see cref="UserProfiles"/>, which logs the change; a changed phone number is unverified until an administrator verifies it.
/// </summary>
public sealed class ProfileModel(UserManager<ApplicationUser> users, UserProfiles profiles, IStringLocalizer<ManageText> text, IStringLocalizer<MessageText> messages) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>Whether the stored phone number is verified (shown under it); null without one.</summary>
    public bool? PhoneNumberVerified { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        Input = new InputModel
        {
            Name = user.DisplayName,
            GivenName = user.GivenName,
            FamilyName = user.FamilyName,
            PhoneNumber = user.PhoneNumber,
        };
        PhoneNumberVerified = string.IsNullOrEmpty(user.PhoneNumber) ? null : user.PhoneNumberConfirmed;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        PhoneNumberVerified = string.IsNullOrEmpty(user.PhoneNumber) ? null : user.PhoneNumberConfirmed;
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await profiles.ChangeOwnAsync(user,
            new ProfileChange(Input.Name ?? "", Input.GivenName ?? "", Input.FamilyName ?? "", Input.PhoneNumber ?? ""));
        if (!result.Succeeded)
        {
            ModelState.AddProblems(result.Problems, messages);

            return Page();
        }

        TempData["StatusMessage"] = text[result.Value!.Count > 0 ? "Profile.Saved" : "Profile.Unchanged"].Value;
        return RedirectToPage("/Manage/Index");
    }

    public sealed class InputModel
    {
        [Display(Name = "Profile.Name")]
        public string? Name { get; set; }

        [Display(Name = "Profile.GivenName")]
        public string? GivenName { get; set; }

        [Display(Name = "Profile.FamilyName")]
        public string? FamilyName { get; set; }

        [Display(Name = "Profile.PhoneNumber")]
        public string? PhoneNumber { get; set; }
    }
}
