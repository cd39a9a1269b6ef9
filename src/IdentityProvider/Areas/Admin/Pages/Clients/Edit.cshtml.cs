using IdentityProvider.Admin.Clients;
using IdentityProvider.Data.Entities;
using IdentityProvider.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace IdentityProvider.Areas.Admin.Pages.Clients;

/// <summary>
/// Edits a client (seeded ones too): display name, URIs, grant types, scopes, consent, whether it refuses sessions an
/// administrator opened as the user. The client id and the type stay; the secret changes only on its own page (rotate).
/// </summary>
public sealed class EditModel(ClientAdministration administration, UserManager<ApplicationUser> users, IStringLocalizer<AdminText> text, IStringLocalizer<MessageText> messages)
    : ClientFormPageModel(administration, users, text, messages)
{
    [BindProperty(SupportsGet = true)]
    public string ClientId { get; set; } = "";

    public override bool IsNew => false;

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await Administration.FindAsync(ClientId) is not { } client)
        {
            return NotFound();
        }

        Input = ClientInput.From(client);
        await LoadScopesAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await Administration.FindAsync(ClientId) is not { } stored)
        {
            return NotFound();
        }

        // Note: the id and the type come from what is stored, whatever the form carried.
        Input.ClientId = stored.ClientId;
        Input.Type = stored.Type;
        var result = await Administration.UpdateAsync(ClientId, Input.ToRegistration(), AdminId);
        if (result.Outcome == ChangeOutcome.NotFound)
        {
            return NotFound();
        }

        if (result.Outcome != ChangeOutcome.Done)
        {
            return await RefusedAsync(result);
        }

        StatusMessage = Text["Clients.Edit.Saved", ClientId];
        return RedirectToPage(new { ClientId });
    }
}
