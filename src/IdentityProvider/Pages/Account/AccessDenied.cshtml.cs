using IdentityProvider.Admin;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IdentityProvider.Pages.Account;

/// <summary>A signed-in user refused a page; for the admin area, why and what gets them in (<see cref="AdminEntry"/>).</summary>
[AllowAnonymous]
public sealed class AccessDeniedModel(AdminEntry adminEntry) : PageModel
{
    private const string AdminArea = "/admin";

    public AdminEntryRefusal? AdminRefusal { get; private set; }

    public async Task OnGetAsync(string? returnUrl)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        var toAdminArea = returnUrl is not null
            && (returnUrl.Equals(AdminArea, StringComparison.OrdinalIgnoreCase) || returnUrl.StartsWith(AdminArea + "/", StringComparison.OrdinalIgnoreCase));
        if (toAdminArea && User.Identity?.IsAuthenticated == true)
        {
            AdminRefusal = await adminEntry.ExplainAsync(User);
        }
    }
}
