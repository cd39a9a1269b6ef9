using IdentityProvider.Data.Entities;
using IdentityProvider.ExternalSignIn;
using IdentityProvider.Localization;
using IdentityProvider.Settings;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace IdentityProvider.Pages.Manage;

/// <summary>
/// "Sign-in methods": the password (set or not) and the linked accounts at upstream providers, with Unlink (never the
/// last way to sign in) and Link for the providers not linked yet.
/// </summary>
public sealed class SignInMethodsModel(
    UserManager<ApplicationUser> users,
    ExternalLogins logins,
    ProviderSettings settings,
    IStringLocalizer<ManageText> text,
    IStringLocalizer<MessageText> messages) : PageModel
{
    /// <summary>Set by the callback after a link from this page: the provider's id.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Linked { get; set; }

    /// <summary>Set by the callback when that upstream account belongs to someone else here.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Taken { get; set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public bool HasPassword { get; private set; }

    public IReadOnlyList<ExternalLogin> Links { get; private set; } = [];

    /// <summary>Providers the user may still link.</summary>
    public IReadOnlyList<ExternalProvider> Linkable { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadAsync() is null)
        {
            return Challenge();
        }

        StatusMessage ??= Linked is not null ? text["SignInMethods.Linked", NameOf(Linked)].Value
            : Taken is not null ? text["SignInMethods.Taken", NameOf(Taken)].Value : null;
        return Page();
    }

    public async Task<IActionResult> OnPostUnlinkAsync(Guid linkId)
    {
        if (await LoadAsync() is not { } user)
        {
            return Challenge();
        }

        if (await logins.UnlinkAsync(user, linkId) is { } refusal)
        {
            ModelState.AddModelError(string.Empty, refusal.In(messages));
            return Page();
        }

        StatusMessage = text["SignInMethods.Unlinked"];
        return RedirectToPage();
    }

    /// <param name="challenge">Asked for here only: without configured providers OpenIddict's client is not registered.</param>
    public async Task<IActionResult> OnPostLinkAsync(string? provider, [FromServices] ExternalChallenge challenge)
    {
        if (await LoadAsync() is not { } user)
        {
            return Challenge();
        }

        if (Linkable.FirstOrDefault(candidate => candidate.Id == provider) is not { } chosen)
        {
            ModelState.AddModelError(string.Empty, text["SignInMethods.ChooseProvider"]);
            return Page();
        }

        if (await challenge.StartAsync(chosen, "/Manage/SignInMethods", fresh: false, linkTo: user.Id))
        {
            return new EmptyResult();
        }

        ModelState.AddModelError(string.Empty, text["SignInMethods.Unreachable", chosen.Name]);
        return Page();
    }

    /// <summary>The provider's name as configured (the id when it was removed from the configuration).</summary>
    public string NameOf(string providerId) =>
        settings.ExternalProviders.FirstOrDefault(provider => provider.Id == providerId)?.Name ?? providerId;

    private async Task<ApplicationUser?> LoadAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return null;
        }

        HasPassword = await users.HasPasswordAsync(user);
        Links = await logins.ListAsync(user.Id);
        Linkable = [.. settings.ExternalProviders.Where(provider => Links.All(link => link.ProviderId != provider.Id))];
        return user;
    }
}
