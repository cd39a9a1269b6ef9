using IdentityProvider.Admin.Users;
using IdentityProvider.Data.Entities;
using IdentityProvider.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace IdentityProvider.Areas.Admin.Pages.Users;

/// <summary>
/// Creates a user with an initial password, or (password left empty) with a one-time set-password link shown
/// once on the answer to hand over. Note: the link is not kept anywhere; a lost one is replaced from the user's page.
/// </summary>
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class CreateModel(UserAdministration administration, KnownRoles knownRoles, UserManager<ApplicationUser> users, IStringLocalizer<AdminText> text,
    IStringLocalizer<MessageText> messages) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>The link of the user just created, shown this once.</summary>
    public string? SetPasswordLink { get; private set; }

    public string? CreatedId { get; private set; }

    public RolePicker Roles { get; private set; } = new([], [], null);

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task OnGetAsync() => Roles = new(await knownRoles.ListAsync(), [], null);

    public async Task<IActionResult> OnPostAsync()
    {
        var actorId = users.GetUserId(User) ?? throw new InvalidOperationException("The admin policy let an anonymous request through.");
        var result = await administration.CreateAsync(
            new NewUserInput(Input.Email, Input.Name, Input.Password, RolePicker.Chosen(Input.Roles, Input.NewRole), Input.EmailLink), actorId);
        if (!result.Succeeded)
        {
            ModelState.AddProblems(result.Problems, messages);
            Roles = new(await knownRoles.ListAsync(), Input.Roles ?? [], Input.NewRole);
            return Page();
        }

        var created = result.Value!;
        if (created.SetPasswordPath is { } path)
        {
            // Warning: shown in this answer only (not redirected through TempData), and never logged.
            SetPasswordLink = $"{Request.Scheme}://{Request.Host}{Request.PathBase}{path}";
            CreatedId = created.UserId;
            return Page();
        }

        StatusMessage = Input.EmailLink && string.IsNullOrEmpty(Input.Password)
            ? text["Users.Create.CreatedLinkMailed", Input.Email?.Trim() ?? ""]
            : text["Users.Create.Created", Input.Email?.Trim() ?? ""];
        return RedirectToPage("/Users/Details", new { area = "Admin", id = created.UserId });
    }

    public sealed class InputModel
    {
        public string? Email { get; set; }

        public string? Name { get; set; }

        /// <summary>The ticked roles.</summary>
        public string[]? Roles { get; set; }

        /// <summary>One more role, typed.</summary>
        public string? NewRole { get; set; }

        /// <summary>Empty: a one-time set-password link instead.</summary>
        public string? Password { get; set; }

        /// <summary>Without a password: e-mail the link to the new user instead of showing it here.</summary>
        public bool EmailLink { get; set; }
    }
}
