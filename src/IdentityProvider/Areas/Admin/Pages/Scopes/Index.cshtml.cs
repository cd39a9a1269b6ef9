using IdentityProvider.Admin.Scopes;
using IdentityProvider.Clients;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IdentityProvider.Areas.Admin.Pages.Scopes;

/// <summary>The registered API scopes, each linking to its edit page.</summary>
public sealed class IndexModel(ScopeAdministration administration) : PageModel
{
    public IReadOnlyList<ScopeRegistration> Scopes { get; private set; } = [];

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task OnGetAsync() => Scopes = await administration.ListAsync();
}
