using IdentityProvider.Admin;
using IdentityProvider.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IdentityProvider.Areas.Admin.Pages.Scopes;

/// <summary>Deletes a scope after a confirmation; one still given to a client is refused, naming the clients.</summary>
public sealed class DeleteModel(ScopeAdministration administration, UserManager<ApplicationUser> users) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Name { get; set; } = "";

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await administration.FindAsync(Name) is null ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var adminId = users.GetUserId(User) ?? throw new InvalidOperationException("The admin policy let an anonymous request through.");
        var result = await administration.DeleteAsync(Name, adminId);
        switch (result.Outcome)
        {
            case RegistryChange.NotFound:
                return NotFound();
            case RegistryChange.Saved:
                StatusMessage = $"The scope {Name} was deleted.";
                return RedirectToPage("Index");
        }

        ModelState.AddModelError(string.Empty, result.Message);
        return Page();
    }
}
