using IdentityProvider.Data.Entities;
using IdentityProvider.HardwareTokens;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IdentityProvider.Areas.Admin.Pages.HardwareTokens;

/// <summary>Registers one token by hand (a token without a seed file, or a replacement), in stock.</summary>
public sealed class RegisterModel(HardwareTokenRegistration registration, UserManager<ApplicationUser> users) : PageModel
{
    [BindProperty]
    public HardwareTokenInput Input { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (Input.TryBuild(out var problems) is not { } token)
        {
            foreach (var (field, message) in problems)
            {
                ModelState.AddModelError($"{nameof(Input)}.{field}", message);
            }

            return Page();
        }

        if (await registration.RegisterAsync(token, users.GetUserId(User)!) is { } refusal)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Serial)}", refusal);
            return Page();
        }

        StatusMessage = $"Token {token.Serial} was registered and is in stock.";
        return Redirect($"/admin/hardware-tokens/{Uri.EscapeDataString(token.Serial)}");
    }
}
