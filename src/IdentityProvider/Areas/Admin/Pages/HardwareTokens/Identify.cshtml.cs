using IdentityProvider.Data.Entities;
using IdentityProvider.HardwareTokens;
using IdentityProvider.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace IdentityProvider.Areas.Admin.Pages.HardwareTokens;

/// <summary>Finds the serial of a token in someone's hand from one code it shows now (nothing is spent).</summary>
public sealed class IdentifyModel(HardwareTokenCodes codes, UserManager<ApplicationUser> users, IStringLocalizer<MessageText> messages) : PageModel
{
    [BindProperty]
    public string? Code { get; set; }

    /// <summary>The serials that show the code; null before a search.</summary>
    public IReadOnlyList<string>? Serials { get; private set; }

    public void OnGet()
    {
    }

    public async Task OnPostAsync()
    {
        var (serials, error) = await codes.IdentifyAsync(Code, users.GetUserId(User)!);
        if (error is not null)
        {
            ModelState.AddModelError(nameof(Code), error.In(messages));
        }

        Serials = serials;
    }
}
