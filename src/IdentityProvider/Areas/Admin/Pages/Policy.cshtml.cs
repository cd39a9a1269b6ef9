using IdentityProvider.Admin.Policy;
using IdentityProvider.Admin.Users;
using IdentityProvider.Data.Entities;
using IdentityProvider.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace IdentityProvider.Areas.Admin.Pages;

/// <summary>
/// The provider's policy (two-step, lockout, remembered browsers, recovery codes, tokens), saved in the database
/// and applied by every instance within seconds. Note: the same service as <c>PUT /api/admin/policy</c>
/// (<see cref="PolicyAdministration"/>), which logs what changed with the administrator as the actor; the form
/// carries the version it was read at, so a concurrent change is refused instead of overwritten.
/// </summary>
public sealed class PolicyModel(PolicyAdministration administration, KnownRoles knownRoles, UserManager<ApplicationUser> users, IStringLocalizer<AdminText> text,
    IStringLocalizer<MessageText> messages) : PageModel
{
    [BindProperty]
    public PolicyForm Input { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    /// <summary>The version in force on this instance (0 while the configured defaults apply).</summary>
    public long CurrentVersion => administration.Version;

    /// <summary>The roles the form offers boxes and days for.</summary>
    public IReadOnlyList<string> Roles { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Input = PolicyForm.From(administration.Current, administration.Version);
        Roles = Input.RolesOffered(await knownRoles.ListAsync());
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Roles = Input.RolesOffered(await knownRoles.ListAsync());
        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (Input.ToPolicy(out var unreadable) is not { } policy)
        {
            return Refuse(unreadable);
        }

        var result = await administration.SaveAsync(policy, Input.Version, AdminId);
        if (!result.Succeeded)
        {
            return Refuse(result.Problems);
        }

        StatusMessage = text["Policy.Saved", administration.Version];
        return RedirectToPage();
    }

    private string AdminId => users.GetUserId(User) ?? throw new InvalidOperationException("The admin policy let an anonymous request through.");

    private PageResult Refuse(IEnumerable<FieldProblem> problems)
    {
        ModelState.AddProblems(problems, messages);

        return Page();
    }
}
