using IdentityProvider.Admin.Scopes;
using IdentityProvider.Clients;
using IdentityProvider.Data.Entities;
using IdentityProvider.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace IdentityProvider.Areas.Admin.Pages.Scopes;

/// <summary>Registers an API scope; discovery lists it at once (on other instances within 5 minutes).</summary>
public sealed class CreateModel(ScopeAdministration administration, UserManager<ApplicationUser> users, IStringLocalizer<AdminText> text, IStringLocalizer<MessageText> messages) : PageModel
{
    [BindProperty]
    public ScopeInput Input { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var adminId = users.GetUserId(User) ?? throw new InvalidOperationException("The admin policy let an anonymous request through.");
        var scope = new ScopeRegistration(Input.Name?.Trim() ?? "", Input.DisplayName?.Trim() ?? "", Input.Description?.Trim() ?? "");
        var result = await administration.CreateAsync(scope, adminId);
        if (result.Outcome != ChangeOutcome.Done)
        {
            ModelState.AddProblems(result.Problems, messages);

            return Page();
        }

        StatusMessage = text["Scopes.Create.Done", scope.Name];
        return RedirectToPage("Index");
    }
}
