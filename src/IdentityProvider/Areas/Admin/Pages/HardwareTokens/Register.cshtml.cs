using IdentityProvider.Data.Entities;
using IdentityProvider.HardwareTokens;
using IdentityProvider.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace IdentityProvider.Areas.Admin.Pages.HardwareTokens;

/// <summary>Registers one token by hand (a token without a seed file, or a replacement), in stock.</summary>
public sealed class RegisterModel(HardwareTokenRegistration registration, UserManager<ApplicationUser> users, IStringLocalizer<AdminText> text, IStringLocalizer<MessageText> messages) : PageModel
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
            ModelState.AddProblems(problems, messages);

            return Page();
        }

        if (await registration.RegisterAsync(token, users.GetUserId(User)!) is { } refusal)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Serial)}", refusal.In(messages));
            return Page();
        }

        StatusMessage = text["HardwareTokens.Registered", token.Serial];
        return Redirect($"/admin/hardware-tokens/{Uri.EscapeDataString(token.Serial)}");
    }
}
