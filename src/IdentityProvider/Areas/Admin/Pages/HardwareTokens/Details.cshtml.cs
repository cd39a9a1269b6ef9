using IdentityProvider.Admin;
using IdentityProvider.Admin.Users;
using IdentityProvider.Areas.Admin.Pages.Shared;
using IdentityProvider.Data.Entities;
using IdentityProvider.HardwareTokens;
using IdentityProvider.Localization;
using IdentityProvider.RecoveryCodes;
using IdentityProvider.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace IdentityProvider.Areas.Admin.Pages.HardwareTokens;

/// <summary>
/// One token: what it is and where it stands, and what a help desk does with it: assign it to a user (with the
/// recovery codes a first device brings, shown once), unassign, disable or enable, mark lost, resync, delete.
/// A user-manager assigns and unassigns (never for an administrator: <see cref="UserHardwareTokens"/>); the rest is the
/// administrators' (<see cref="AdministratorsOnlyAttribute"/>).
/// </summary>
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class DetailsModel(
    HardwareTokenInventory inventory,
    HardwareTokenAssignment assignment,
    UserHardwareTokens userTokens,
    HardwareTokenCodes codes,
    IssuedRecoveryCodes issuedCodes,
    UserManager<ApplicationUser> users,
    IStringLocalizer<AdminText> text,
    IStringLocalizer<MessageText> messages) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Serial { get; set; } = "";

    /// <summary>The user to assign the token to: e-mail address or id.</summary>
    [BindProperty]
    public string? AssignTo { get; set; }

    [BindProperty]
    public string? Code1 { get; set; }

    [BindProperty]
    public string? Code2 { get; set; }

    [TempData]
    public string? StatusMessage { get; set; }

    /// <summary>Set by the confirmation step's form: the destructive action was confirmed.</summary>
    [BindProperty]
    public bool Confirmed { get; set; }

    /// <summary>The confirmation a destructive action asks for first; null otherwise.</summary>
    public ConfirmStep? Confirming { get; private set; }

    public HardwareTokenRow Token { get; private set; } = null!;

    /// <summary>The holder's first recovery codes, brought by this assignment; shown this once.</summary>
    public RecoveryCodeListModel? IssuedCodes { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        if (Token.UserId is { } holder && await issuedCodes.TakeAsync(TempData, holder) is { } issued)
        {
            IssuedCodes = new RecoveryCodeListModel(issued, Token.Holder ?? holder, Request.Host.Value ?? "IdentityProvider");
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAssignAsync()
    {
        var result = await userTokens.AssignAsync(Serial, AssignTo ?? "", Actor);
        if (result is { Succeeded: true, Value: { } recoveryCodes } && await inventory.FindAsync(Serial) is { UserId: { } holder })
        {
            await issuedCodes.KeepAsync(TempData, holder, recoveryCodes);
        }

        return await AfterAsync(result, text["HardwareTokens.Assigned", Serial, AssignTo?.Trim() ?? ""]);
    }

    public async Task<IActionResult> OnPostUnassignAsync() =>
        await AfterAsync(await userTokens.UnassignAsync(Serial, Actor), text["HardwareTokens.Unassigned", Serial]);

    [AdministratorsOnly]
    public async Task<IActionResult> OnPostDisableAsync() =>
        await AfterAsync(await assignment.DisableAsync(Serial, AdminId), text["HardwareTokens.DisabledDone", Serial]);

    [AdministratorsOnly]
    public async Task<IActionResult> OnPostEnableAsync() =>
        await AfterAsync(await assignment.EnableAsync(Serial, AdminId), text["HardwareTokens.Enabled", Serial]);

    [AdministratorsOnly]
    public async Task<IActionResult> OnPostLostAsync() =>
        Confirmed
            ? await AfterAsync(await assignment.MarkLostAsync(Serial, AdminId), text["HardwareTokens.LostDone", Serial])
            : await ConfirmAsync("Lost", "confirm-lost", text["HardwareTokens.Lost.Question", Serial], text["HardwareTokens.Lost.Hint"], text["HardwareTokens.Lost.Submit"]);

    [AdministratorsOnly]
    public async Task<IActionResult> OnPostResyncAsync() =>
        await AfterAsync(await codes.ResyncAsync(Serial, Code1, Code2, AdminId), text["HardwareTokens.Resynchronised", Serial]);

    [AdministratorsOnly]
    public async Task<IActionResult> OnPostDeleteAsync()
    {
        if (!Confirmed)
        {
            return await ConfirmAsync("Delete", "confirm-delete", text["HardwareTokens.Delete.Question", Serial], text["HardwareTokens.Delete.Hint"],
                text["HardwareTokens.Delete"]);
        }

        var result = await assignment.DeleteAsync(Serial, AdminId);
        if (!result.Succeeded)
        {
            return await AfterAsync(result, "");
        }

        StatusMessage = text["HardwareTokens.Deleted", Serial];
        return Redirect("/admin/hardware-tokens");
    }

    private string AdminId => users.GetUserId(User) ?? throw new InvalidOperationException("The admin policy let an anonymous request through.");

    private AdminActor Actor => AdminActor.SignedIn(User, AdminId);

    /// <summary>Whether the one reading is an administrator: a user-manager only assigns and unassigns.</summary>
    public bool ByAdministrator => User.IsInRole(ProviderRoles.Administrator);

    /// <summary>The page again, asking to confirm <paramref name="handler"/> first.</summary>
    private async Task<IActionResult> ConfirmAsync(string handler, string id, string question, string consequence, string confirm)
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        Confirming = new ConfirmStep(handler, id, question, consequence, confirm, Url.Page("/HardwareTokens/Details", new { area = "Admin", serial = Serial }) ?? "");
        return Page();
    }

    /// <summary>Back to the token with the status message, or the page again with the refusal; 404 for an unknown serial.</summary>
    private async Task<IActionResult> AfterAsync(ChangeResult result, string done)
    {
        if (result.Succeeded)
        {
            StatusMessage = done;
            return RedirectToPage(new { Serial });
        }

        if (!await LoadAsync())
        {
            return NotFound();
        }

        ModelState.AddModelError(string.Empty, result.Message?.In(messages) ?? text["Common.NothingChanged"]);
        return Page();
    }

    private async Task<bool> LoadAsync()
    {
        Token = (await inventory.FindAsync(Serial))!;
        return Token is not null;
    }
}
