namespace IdentityProvider.Testing.Pages.Admin;

/// <summary>
/// <c>/admin/users/{id}</c>: one user: facts (two-step, locked, disabled, last sign-in), profile form (e-mail,
/// names, phone number and whether it is verified, roles), lock/unlock, disable/enable, sign out everywhere, and links to password and deletion.
/// </summary>
public sealed class AdminUserPage(ProviderPage page) : PageObject(page), IPageObject<AdminUserPage>
{
    public static string PathFor(string userId) => $"/admin/users/{Uri.EscapeDataString(userId)}";

    public static bool IsAt(string path) =>
        path.StartsWith("/admin/users/", StringComparison.OrdinalIgnoreCase) && path.Split('/').Length == 4
        && !path.Equals(AdminCreateUserPage.Path, StringComparison.OrdinalIgnoreCase);

    public static AdminUserPage Create(ProviderPage page) => new(page);

    public static async Task<AdminUserPage> OpenAsync(ProviderClient client, string userId)
    {
        var opened = await client.OpenAsync<AdminUserPage>(PathFor(userId));
        Xunit.Assert.Equal(userId, opened.UserId);
        return opened;
    }

    /// <summary>Opens the page for any id (unknown, or as a non-administrator): the answer as it is.</summary>
    public static Task<ProviderPage> TryOpenAsync(ProviderClient client, string userId) => client.GetAsync(PathFor(userId));

    public string UserId => Uri.UnescapeDataString(Page.Uri.AbsolutePath.Split('/')[3]);

    /// <summary>"Name &lt;e-mail&gt;".</summary>
    public string UserEmail => TextOf("#user-email");

    public string TwoStep => TextOf("#fact-two-step");

    /// <summary>"No", "Until unlocked" or "Until …".</summary>
    public string Locked => TextOf("#fact-locked");

    /// <summary>"No" or "Disabled".</summary>
    public string Disabled => TextOf("#fact-disabled");

    public string LastSignIn => TextOf("#fact-last-sign-in");

    /// <summary>The roles as the form shows them ("admin, staff").</summary>
    public string Roles => string.Join(", ", AdminForms.Checked(Page, "Input.Roles"));

    /// <summary>The roles offered as boxes (the built-in ones and every role given to someone).</summary>
    public IReadOnlyList<string> OfferedRoles => AdminForms.Offered(Page, "Input.Roles");

    public string Email => Input("Input.Email").GetAttribute("value") ?? "";

    public string Name => Input("Input.Name").GetAttribute("value") ?? "";

    public string GivenName => Input("Input.GivenName").GetAttribute("value") ?? "";

    public string FamilyName => Input("Input.FamilyName").GetAttribute("value") ?? "";

    public string PhoneNumber => Input("Input.PhoneNumber").GetAttribute("value") ?? "";

    /// <summary>Whether the "user confirmed this phone number" box is ticked.</summary>
    public bool PhoneNumberVerified => Input("Input.PhoneNumberVerified").HasAttribute("checked");

    public bool OffersLock => Page.Document.QuerySelector("form#lock") is not null;

    public bool OffersUnlock => Page.Document.QuerySelector("form#unlock") is not null;

    public bool OffersDisable => Page.Document.QuerySelector("form#disable") is not null;

    public bool OffersEnable => Page.Document.QuerySelector("form#enable") is not null;

    /// <summary>Whether the profile and roles can be edited here (an administrator's view).</summary>
    public bool OffersSave => Page.Document.QuerySelector("form#edit") is not null;

    public bool OffersSignOutEverywhere => Page.Document.QuerySelector("form#sign-out") is not null;

    public bool OffersSignInAs => Page.Document.QuerySelector("a#sign-in-as-link") is not null;

    public bool OffersDelete => Page.Document.QuerySelector("a#delete-link") is not null;

    /// <summary>The roles as a user-manager reads them ("admin, staff"; "" on an administrator's view, which has the form).</summary>
    public string ReadOnlyRoles => TextOf("#profile-roles");

    /// <summary>A user-manager reading an administrator's account is told that only an administrator can change it.</summary>
    public bool SaysAdministratorsOnly => Page.Document.QuerySelector("#administrator-note") is not null;

    /// <summary>Posts the profile form this page does not offer (a user-manager's view), with these values.</summary>
    public Task<ProviderPage> ForgeSaveAsync(string email, string name, string roles) =>
        AdminForgery.PostAsync(Page, PathFor(UserId), "Save",
            new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Name"] = name, ["Input.NewRole"] = roles });

    /// <summary>Posts Lock, Disable, Enable or SignOut as a hand-made request would, whether or not the page offers it.</summary>
    public Task<ProviderPage> ForgeAsync(AdminUserAction action) => AdminForgery.PostAsync(Page, PathFor(UserId), action.ToString());

    /// <summary>Saves the profile form with these values (null: as shown; the box as ticked).</summary>
    public Task<ProviderPage> SaveAsync(string? email = null, string? name = null, string? roles = null,
        string? givenName = null, string? familyName = null, string? phoneNumber = null, bool? phoneNumberVerified = null)
    {
        var fields = new Dictionary<string, string>();
        foreach (var (field, value) in new[] { ("Input.GivenName", givenName), ("Input.FamilyName", familyName), ("Input.PhoneNumber", phoneNumber) })
        {
            if (value is not null)
            {
                fields[field] = value;
            }
        }

        if (phoneNumberVerified is { } verified)
        {
            // Note: an unticked box is not posted; "false" binds the same.
            fields["Input.PhoneNumberVerified"] = verified ? "true" : "false";
        }

        if (email is not null)
        {
            fields["Input.Email"] = email;
        }

        if (name is not null)
        {
            fields["Input.Name"] = name;
        }

        return AdminForms.SubmitWithRolesAsync(Page, "form#edit", fields, roles);
    }

    public Task<ProviderPage> LockAsync() => SubmitAsync(formSelector: "form#lock");

    public Task<ProviderPage> UnlockAsync() => SubmitAsync(formSelector: "form#unlock");

    /// <summary>"Disable", then the confirmation it asks for.</summary>
    public async Task<ProviderPage> DisableAsync() => await AdminConfirmStep.ConfirmAsync(await AskToDisableAsync());

    /// <summary>"Disable" alone: the page asks to confirm (nothing changes yet).</summary>
    public Task<ProviderPage> AskToDisableAsync() => SubmitAsync(formSelector: "form#disable");

    public Task<ProviderPage> EnableAsync() => SubmitAsync(formSelector: "form#enable");

    public Task<ProviderPage> SignOutEverywhereAsync() => SubmitAsync(formSelector: "form#sign-out");

    /// <summary>Posts "Sign out everywhere" without following the answer (to see the fresh-code redirect).</summary>
    public Task<HttpResponseMessage> PostSignOutEverywhereAsync() => PostAsync(formSelector: "form#sign-out");

    public Task<AdminUserPasswordPage> OpenPasswordAsync() =>
        Client.OpenAsync<AdminUserPasswordPage>(AdminUserPasswordPage.PathFor(UserId));

    public async Task<AdminDeleteUserPage> OpenDeleteAsync() =>
        await Client.GetAsync(new Uri(Page.Uri, Page.Document.QuerySelector("a#delete-link")!.GetAttribute("href")!).PathAndQuery).As<AdminDeleteUserPage>();

    private string TextOf(string selector) => Page.Document.QuerySelector(selector)?.TextContent.Trim() ?? "";
}

/// <summary>The actions of <see cref="AdminUserPage"/> that post no field.</summary>
public enum AdminUserAction
{
    Lock,
    Unlock,
    Disable,
    Enable,
    SignOut,
}
