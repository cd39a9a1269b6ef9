using IdentityProvider.Admin.Scopes;
using IdentityProvider.Data.Entities;
using IdentityProvider.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace IdentityProvider.Areas.Admin.Pages.Scopes;

/// <summary>Deletes a scope after a confirmation; one still given to a client is refused, naming the clients.</summary>
public sealed class DeleteModel(ScopeAdministration administration, UserManager<ApplicationUser> users, IStringLocalizer<AdminText> text, IStringLocalizer<MessageText> messages) : PageModel
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
            case ChangeOutcome.NotFound:
                return NotFound();
            case ChangeOutcome.Done:
                StatusMessage = text["Scopes.Delete.Done", Name];
                return RedirectToPage("Index");
        }

        foreach (var (_, message) in result.Problems)
        {
            ModelState.AddModelError(string.Empty, message.In(messages));
        }

        return Page();
    }
}
