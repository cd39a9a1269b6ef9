using IdentityProvider.Admin;
using IdentityProvider.Admin.Users;
using IdentityProvider.Areas.Admin.Pages.Shared;
using IdentityProvider.Data.Entities;
using IdentityProvider.Impersonation;
using IdentityProvider.Localization;
using IdentityProvider.Profiles;
using IdentityProvider.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace IdentityProvider.Areas.Admin.Pages.Users;

/// <summary>
/// One user: e-mail, names, phone number and roles to edit; lock or unlock, disable or enable, sign out everywhere; links
/// to the password, two-step and tokens pages and to deletion. Note: every action goes through the services
/// (<see cref="UserAdministration"/>, <see cref="UserAccess"/>), which refuse acting on oneself and log the actor.
/// A user-manager reads the profile and may lock, unlock and reach the password, two-step and tokens tabs; the other
/// handlers are the administrators' (<see cref="AdministratorsOnlyAttribute"/>).
/// </summary>
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class DetailsModel(UserDirectory directory, KnownRoles knownRoles, UserAdministration administration, UserAccess access, UserManager<ApplicationUser> users,
    Impersonations impersonations, IStringLocalizer<AdminText> text, IStringLocalizer<MessageText> messages) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = "";

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public UserRow Account { get; private set; } = null!;

    /// <summary>Whether the one reading is an administrator: a user-manager sees the profile and roles, and only what its role may do.</summary>
    public bool ByAdministrator => User.IsInRole(ProviderRoles.Administrator);

    /// <summary>A user-manager reading an administrator's account: nothing here is theirs to change.</summary>
    public bool ReadOnly => UserFacts.ReadOnlyFor(User, Account.Roles);

    /// <summary>Whether "Sign in as this user" is offered: to an administrator, where <see cref="Impersonations.NotOffered"/> says nothing.</summary>
    public bool SignInAsOffered => ByAdministrator && impersonations.NotOffered(users.GetUserId(User) ?? "", Account.Id, Account.Roles) is null;

    [TempData]
    public string? StatusMessage { get; set; }

    /// <summary>Set by the confirmation step's form: the destructive action was confirmed.</summary>
    [BindProperty]
    public bool Confirmed { get; set; }

    /// <summary>The confirmation a destructive action asks for first; null otherwise.</summary>
    public ConfirmStep? Confirming { get; private set; }

    /// <summary>The profile form's roles: the known ones, the user's ticked.</summary>
    public RolePicker Roles { get; private set; } = new([], [], null);

    public async Task<IActionResult> OnGetAsync()
    {
        if (await directory.FindAsync(Id) is not { } account)
        {
            return NotFound();
        }

        Input = InputModel.Of(account);
        return await ShowAsync(account);
    }

    [AdministratorsOnly]
    public async Task<IActionResult> OnPostSaveAsync()
    {
        if (await directory.FindAsync(Id) is not { } shown)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return await ShowAsync(shown);
        }

        // The checkbox speaks of the number the page showed: a changed number is saved unverified (tick it on the next save).
        var sameNumber = ProfileFields.PhoneNumber(Input.PhoneNumber, out var typed) is null && typed == shown.PhoneNumber;
        var change = new UserChange(Input.Email ?? "", Input.Name ?? "", RolePicker.Chosen(Input.Roles, Input.NewRole),
            Input.GivenName ?? "", Input.FamilyName ?? "", Input.PhoneNumber ?? "", sameNumber ? Input.PhoneNumberVerified : null);
        return await ActAsync(await administration.UpdateAsync(Id, change, AdminId), text["Users.Details.Saved"]);
    }

    public async Task<IActionResult> OnPostLockAsync() =>
        await ActAsync(await access.LockAsync(Id, Actor), text["Users.Details.LockedDone"]);

    public async Task<IActionResult> OnPostUnlockAsync() => await ActAsync(await access.UnlockAsync(Id, Actor), text["Users.Details.Unlocked"]);

    /// <summary>Disable, once confirmed: the account cannot sign in and its sessions end at once.</summary>
    [AdministratorsOnly]
    public async Task<IActionResult> OnPostDisableAsync()
    {
        if (Confirmed)
        {
            return await ActAsync(await access.DisableAsync(Id, Actor), text["Users.Details.DisabledDone"]);
        }

        if (await directory.FindAsync(Id) is not { } account)
        {
            return NotFound();
        }

        Input = InputModel.Of(account);
        Confirming = new ConfirmStep("Disable", "confirm-disable", text["Users.Disable.Question", account.Email ?? account.Id],
            text["Users.Details.DisableHint"], text["Common.Disable"], Url.Page("/Users/Details", new { area = "Admin", id = Id }) ?? "");
        return await ShowAsync(account);
    }

    [AdministratorsOnly]
    public async Task<IActionResult> OnPostEnableAsync() => await ActAsync(await access.EnableAsync(Id, Actor), text["Users.Details.Enabled"]);

    [AdministratorsOnly]
    public async Task<IActionResult> OnPostSignOutAsync() =>
        await ActAsync(await access.SignOutEverywhereAsync(Id, Actor), text["Users.Details.SignedOut"]);

    private string AdminId => users.GetUserId(User) ?? throw new InvalidOperationException("The admin policy let an anonymous request through.");

    private AdminActor Actor => AdminActor.SignedIn(User, AdminId);

    private async Task<IActionResult> ActAsync(ChangeResult result, string done)
    {
        if (result.Succeeded)
        {
            StatusMessage = done;
            return RedirectToPage(new { Id });
        }

        if (result.Outcome == ChangeOutcome.NotFound || await directory.FindAsync(Id) is not { } account)
        {
            return NotFound();
        }

        // The form keeps what was typed; the rest of the page shows the user as stored.
        ModelState.AddProblems(result.Problems, messages);
        return await ShowAsync(account);
    }

    private async Task<IActionResult> ShowAsync(UserRow account)
    {
        Account = account;
        Roles = new(await knownRoles.ListAsync(), Input.Roles ?? [], Input.NewRole);
        return Page();
    }

    public sealed class InputModel
    {
        public string? Email { get; set; }

        public string? Name { get; set; }

        public string? GivenName { get; set; }

        public string? FamilyName { get; set; }

        public string? PhoneNumber { get; set; }

        public bool PhoneNumberVerified { get; set; }

        /// <summary>The ticked roles.</summary>
        public string[]? Roles { get; set; }

        /// <summary>One more role, typed.</summary>
        public string? NewRole { get; set; }

        /// <summary>The form as the stored user fills it.</summary>
        public static InputModel Of(UserRow account) => new()
        {
            Email = account.Email,
            Name = account.DisplayName,
            GivenName = account.GivenName,
            FamilyName = account.FamilyName,
            PhoneNumber = account.PhoneNumber,
            PhoneNumberVerified = account.PhoneNumberVerified,
            Roles = [.. account.Roles],
        };
    }
}
