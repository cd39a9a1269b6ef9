using IdentityProvider.Admin.Clients;
using IdentityProvider.Clients;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IdentityProvider.Areas.Admin.Pages.Clients;

/// <summary>The registered relying parties, seeded ones included, each linking to its edit page.</summary>
public sealed class IndexModel(ClientAdministration administration) : PageModel
{
    public IReadOnlyList<ClientRegistration> Clients { get; private set; } = [];

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task OnGetAsync() => Clients = await administration.ListAsync();
}
