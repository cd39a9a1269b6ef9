using IdentityProvider.Admin.Dashboard;
using IdentityProvider.Admin.Users;
using IdentityProvider.Users;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IdentityProvider.Areas.Admin.Pages;

/// <summary>The dashboard: the numbers an operator checks first, each linking to the list behind it; a user-manager's shows its part.</summary>
public sealed class IndexModel(AdminDashboard dashboard) : PageModel
{
    public DashboardNumbers Numbers { get; private set; } = null!;

    public bool Administrator { get; private set; }

    public async Task OnGetAsync()
    {
        Administrator = User.IsInRole(ProviderRoles.Administrator);
        Numbers = await dashboard.ReadAsync(Administrator ? AdminRights.Everything : AdminRights.Users);
    }

    /// <summary>The users list narrowed to <paramref name="filter"/> (one of <see cref="UserListFilters.All"/>).</summary>
    public static string UsersLink(string filter) => $"/admin/users?filter={Uri.EscapeDataString(filter)}";

    /// <summary>The hardware-token inventory narrowed to one status.</summary>
    public static string HardwareTokensLink(string status) => $"/admin/hardware-tokens?status={Uri.EscapeDataString(status)}";
}
