using IdentityProvider.Data.Entities;
using IdentityProvider.Localization;
using IdentityProvider.Pages.Shared;
using IdentityProvider.Passkeys;
using IdentityProvider.Policy;
using IdentityProvider.RecoveryCodes;
using IdentityProvider.TwoStep;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace IdentityProvider.Pages.Manage.Passkeys;

/// <summary>
/// The user's passkeys: the list (rename, link to remove), and adding one with the browser's own dialog. The first
/// passkey, like the first device, brings the first recovery codes. Reached with <c>Demanded</c> when a relying party
/// asked for a passkey (acr_values=phr) the user does not have; after adding one, the sign-in goes on at <see cref="ReturnUrl"/>.
/// </summary>
public sealed class IndexModel(
    UserManager<ApplicationUser> users,
    UserPasskeys userPasskeys,
    PasskeyCeremonies ceremonies,
    DeviceChanges deviceChanges,
    IssuedRecoveryCodes issuedCodes,
    ICurrentPolicy policy,
    IStringLocalizer<ManageText> text,
    IStringLocalizer<MessageText> messages) : PageModel
{
    public IReadOnlyList<PasskeySummary> Passkeys { get; private set; } = [];

    [TempData]
    public string? StatusMessage { get; set; }

    /// <summary>Where to go on after adding one: the authorization request that asked for a passkey.</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>A relying party asked for a passkey the user does not have yet.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Demanded { get; set; }

    [BindProperty]
    public PasskeyAnswer Passkey { get; set; } = new();

    [BindProperty]
    public RenameInput Rename { get; set; } = new();

    /// <summary>The policy lets users add passkeys (those added stay listed, to be renamed or removed, when it does not).</summary>
    public bool CanAdd => policy.Current.Passkeys != PasskeyUse.Off;

    public PasskeyForm AddForm => new("add-passkey", "create", Url.Page(null, "Options")!, Url.Page(null, "Add")!, text["Passkeys.Add.Submit"])
    {
        ReturnUrl = SafeReturnUrl,
        NameLabel = text["Passkeys.Name"],
    };

    private string? SafeReturnUrl => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : null;

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() is null ? Challenge() : Page();

    /// <summary>The creation options for a new passkey (passkeys.js asks, then runs the browser's dialog).</summary>
    public async Task<IActionResult> OnPostOptionsAsync() =>
        CanAdd && users.GetUserId(User) is { } userId && await ceremonies.BeginAddingAsync(userId) is { } ceremony
            ? PasskeyCeremonyAnswer.Of(ceremony)
            : NotFound();

    /// <summary>The authenticator's new credential: checked and stored, or refused with a message and nothing stored.</summary>
    public async Task<IActionResult> OnPostAddAsync()
    {
        if (await LoadAsync() is not { } user)
        {
            return Challenge();
        }

        if (!CanAdd || Passkey.CredentialJson is not { } credential)
        {
            ModelState.AddModelError(string.Empty, text["Passkeys.Add.Failed"]);
            return Page();
        }

        var name = string.IsNullOrWhiteSpace(Passkey.Name) ? null : Passkey.Name;
        var adding = await ceremonies.FinishAddingAsync(user.Id, Passkey.State, credential, name);
        if (!adding.Succeeded)
        {
            ModelState.AddModelError(string.Empty, adding.Refusal switch
            {
                PasskeyRefusal.Name => adding.NameError.Message!.In(messages),
                PasskeyRefusal.CeremonyExpired => text["Passkeys.Add.Expired"],
                _ => text["Passkeys.Add.Failed"],
            });
            return Page();
        }

        StatusMessage = text["Passkeys.Added.Status", adding.Passkey!.Name].Value;
        var back = SafeReturnUrl;
        if (await deviceChanges.IssueRecoveryCodesForFirstMethodAsync(user.Id) is { } codes)
        {
            // The first second-step method: its recovery codes are shown once before going on.
            await issuedCodes.KeepAsync(TempData, user.Id, codes);
            return RedirectToPage("/Manage/RecoveryCodes/Show", new { ReturnUrl = back ?? "/Manage/Passkeys" });
        }

        return back is null ? RedirectToPage() : LocalRedirect(back);
    }

    public async Task<IActionResult> OnPostRenameAsync()
    {
        if (await LoadAsync() is not { } user)
        {
            return Challenge();
        }

        var (found, nameError) = await userPasskeys.RenameAsync(user.Id, Rename.Id ?? "", Rename.Name);
        if (!found)
        {
            return NotFound();
        }

        if (nameError.Message is { } message)
        {
            ModelState.AddModelError(string.Empty, message.In(messages));
            return Page();
        }

        StatusMessage = text["Passkeys.Renamed"].Value;
        return RedirectToPage();
    }

    private async Task<ApplicationUser?> LoadAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return null;
        }

        Passkeys = await userPasskeys.ListAsync(user.Id);
        return user;
    }

    public sealed class RenameInput
    {
        public string? Id { get; set; }

        public string? Name { get; set; }
    }
}
