using IdentityProvider.Admin.Clients;
using IdentityProvider.Data.Entities;
using IdentityProvider.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace IdentityProvider.Areas.Admin.Pages.Clients;

/// <summary>What the create and edit pages share: the form (<c>_ClientForm</c>), the scopes it offers, and the refusals.</summary>
public abstract class ClientFormPageModel(ClientAdministration administration, UserManager<ApplicationUser> users, IStringLocalizer<AdminText> text, IStringLocalizer<MessageText> messages) : PageModel
{
    [BindProperty]
    public ClientInput Input { get; set; } = new();

    /// <summary>The standard scopes and every registered one.</summary>
    public IReadOnlyList<string> AvailableScopes { get; private set; } = [];

    /// <summary>Whether the form registers a new client (client id and type editable).</summary>
    public abstract bool IsNew { get; }

    protected ClientAdministration Administration => administration;

    protected IStringLocalizer<AdminText> Text => text;

    protected string AdminId => users.GetUserId(User) ?? throw new InvalidOperationException("The admin policy let an anonymous request through.");

    protected async Task LoadScopesAsync() => AvailableScopes = await administration.AvailableScopesAsync();

    /// <summary>Shows each problem in the validation summary, in the reader's language, the form as it was posted.</summary>
    protected async Task<PageResult> RefusedAsync(ChangeResult result)
    {
        ModelState.AddProblems(result.Problems, messages);

        await LoadScopesAsync();
        return Page();
    }
}
