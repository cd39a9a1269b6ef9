using IdentityProvider.Admin.Clients;
using IdentityProvider.Data.Entities;
using IdentityProvider.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace IdentityProvider.Areas.Admin.Pages.Clients;

/// <summary>Deletes a client, with its authorizations and tokens, after a confirmation.</summary>
public sealed class DeleteModel(ClientAdministration administration, UserManager<ApplicationUser> users, IStringLocalizer<AdminText> text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string ClientId { get; set; } = "";

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await administration.FindAsync(ClientId) is null ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var adminId = users.GetUserId(User) ?? throw new InvalidOperationException("The admin policy let an anonymous request through.");
        if ((await administration.DeleteAsync(ClientId, adminId)).Outcome == ChangeOutcome.NotFound)
        {
            return NotFound();
        }

        StatusMessage = text["Clients.Delete.Done", ClientId];
        return RedirectToPage("Index");
    }
}
