using IdentityProvider.Admin.Clients;
using IdentityProvider.Data.Entities;
using IdentityProvider.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace IdentityProvider.Areas.Admin.Pages.Clients;

/// <summary>Gives a confidential client a new secret, shown on the answer to the post, once; the old one stops working at once.</summary>
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class SecretModel(ClientAdministration administration, UserManager<ApplicationUser> users, IStringLocalizer<MessageText> messages) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string ClientId { get; set; } = "";

    /// <summary>The new secret, on the answer to the post only.</summary>
    public string? NewSecret { get; private set; }

    public async Task<IActionResult> OnGetAsync() =>
        await administration.FindAsync(ClientId) is null ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var adminId = users.GetUserId(User) ?? throw new InvalidOperationException("The admin policy let an anonymous request through.");
        var result = await administration.RotateSecretAsync(ClientId, adminId);
        switch (result.Outcome)
        {
            case ChangeOutcome.NotFound:
                return NotFound();
            case ChangeOutcome.Done:
                // Warning: rendered, never redirected with: the secret must not travel in TempData or a URL.
                NewSecret = result.Value;
                return Page();
            default:
                foreach (var (_, message) in result.Problems)
                {
                    ModelState.AddModelError(string.Empty, message.In(messages));
                }

                return Page();
        }
    }
}
