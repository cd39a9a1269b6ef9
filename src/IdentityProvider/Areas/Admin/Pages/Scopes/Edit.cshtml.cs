using IdentityProvider.Admin.Scopes;
using IdentityProvider.Data.Entities;
using IdentityProvider.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace IdentityProvider.Areas.Admin.Pages.Scopes;

/// <summary>Changes a scope's display name and description; its name stays (clients and tokens refer to it).</summary>
public sealed class EditModel(ScopeAdministration administration, UserManager<ApplicationUser> users, IStringLocalizer<AdminText> text, IStringLocalizer<MessageText> messages) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Name { get; set; } = "";

    [BindProperty]
    public ScopeInput Input { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await administration.FindAsync(Name) is not { } scope)
        {
            return NotFound();
        }

        Input = new ScopeInput { Name = scope.Name, DisplayName = scope.DisplayName, Description = scope.Description };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var adminId = users.GetUserId(User) ?? throw new InvalidOperationException("The admin policy let an anonymous request through.");
        var result = await administration.UpdateAsync(Name, Input.DisplayName?.Trim() ?? "", Input.Description?.Trim() ?? "", adminId);
        switch (result.Outcome)
        {
            case ChangeOutcome.NotFound:
                return NotFound();
            case ChangeOutcome.Done:
                StatusMessage = text["Scopes.Edit.Saved", Name];
                return RedirectToPage(new { Name });
        }

        ModelState.AddProblems(result.Problems, messages);

        return Page();
    }
}
