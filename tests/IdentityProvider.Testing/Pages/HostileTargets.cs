using IdentityProvider.Testing.Pages.Admin;
using Microsoft.AspNetCore.WebUtilities;

namespace IdentityProvider.Testing.Pages;

/// <summary>Who sends a form: what the browser must have done before the form is shown.</summary>
public enum Visitor
{
    /// <summary>Nobody signed in.</summary>
    Anonymous,

    /// <summary>A two-step user whose password was accepted: the OTP and recovery-code steps are open.</summary>
    PendingTwoStep,

    /// <summary>A user signed in with the password: the account pages.</summary>
    SignedIn,

    /// <summary>An administrator signed in with both steps: the admin pages.</summary>
    Admin,
}

/// <summary>
/// A form of the provider as an attacker sees it: where it is shown, which fields a person types into (the ones an
/// attack fills), and a baseline that changes nothing by itself (a wrong password, a code that is not current) or,
/// for the admin forms that create something, a fresh name each time (<see cref="HostileTargets.Unique"/>).
/// </summary>
/// <param name="Name">How the suite's rows name it.</param>
/// <param name="OpenPath">The page whose form (or, with <paramref name="Action"/>, whose antiforgery token) is used.</param>
/// <param name="FormSelector">The form on that page.</param>
/// <param name="Fields">The baseline values; placeholders in braces are filled by the suite's fixture.</param>
/// <param name="TextFields">The fields an attack replaces.</param>
/// <param name="Action">Where to post instead of the form's own action (a form only shown with data the fixture has not made).</param>
/// <param name="ShownAt">A page that shows what the form stores (a name, a label), to check it comes back encoded.</param>
public sealed record FormTarget(
    string Name,
    Visitor Visitor,
    string OpenPath,
    string FormSelector,
    IReadOnlyDictionary<string, string> Fields,
    IReadOnlyList<string> TextFields,
    string? Action = null,
    string? ShownAt = null)
{
    public override string ToString() => Name;
}

/// <summary>Every form of the provider a person types into, for the hostile-input suite.</summary>
public static class HostileTargets
{
    /// <summary>A two-step user's address (sign-in, forgotten password).</summary>
    public const string Victim = "{victim}";

    /// <summary>The id of a user the administrator edits.</summary>
    public const string VictimId = "{victim-id}";

    /// <summary>A client the administrator edits.</summary>
    public const string ClientId = "{client}";

    /// <summary>A value new on every submission (addresses, serials, client ids), so "already exists" never hides what is tested.</summary>
    public const string Unique = "{unique}";

    /// <summary>The password-reset link's page (path and query) of the fixture's reset user.</summary>
    public const string ResetLink = "{reset-link}";

    /// <summary>The antiforgery token's field, which every form carries.</summary>
    public const string AntiforgeryField = "__RequestVerificationToken";

    public static readonly IReadOnlyList<FormTarget> All =
    [
        new("sign-in", Visitor.Anonymous, LoginPage.Path, "main form",
            Map(("Input.Email", Victim), ("Input.Password", "wrong-password")), ["Input.Email", "Input.Password"]),
        new("otp-step", Visitor.PendingTwoStep, TwoStepPage.Path, "main form", Map(("Input.Code", "000000"), ("Input.RememberBrowser", "false")),
            ["Input.Code", "Input.RememberBrowser"]),
        new("recovery-code-step", Visitor.PendingTwoStep, RecoveryCodePage.Path, "main form", Map(("Input.Code", "aaaa-bbbb-cccc-dddd")), ["Input.Code"]),
        new("forgot-password", Visitor.Anonymous, ForgotPasswordPage.Path, "main form", Map(("Input.Email", Victim)), ["Input.Email"]),
        new("reset-password", Visitor.Anonymous, ResetLink, "main form",
            Map(("Input.NewPassword", "short"), ("Input.ConfirmPassword", "different")), ["Input.NewPassword"]),
        new("change-password", Visitor.SignedIn, ChangePasswordPage.Path, "main form",
            Map(("Input.CurrentPassword", "wrong-password"), ("Input.NewPassword", "new-password-1"), ("Input.ConfirmPassword", "new-password-1")),
            ["Input.CurrentPassword", "Input.NewPassword", "Input.ConfirmPassword"]),
        new("device-name", Visitor.SignedIn, AddDevicePage.Path, "form[action*='handler=Begin']",
            Map(("Enrolment.Name", "Phone"), ("Enrolment.Type", "totp")), ["Enrolment.Name"], ShownAt: DevicesPage.Path),
        new("token-label", Visitor.SignedIn, CreateTokenPage.Path, "main form[method=post]",
            Map(("Input.Label", Unique), ("Input.ExpiresInDays", "30"), ("Input.Scopes", "api")), ["Input.Label", "Input.ExpiresInDays", "Input.NoExpiry"],
            ShownAt: TokensPage.Path),
        new("notifications", Visitor.SignedIn, NotificationsPage.Path, "main form", Map(("Input.Optional", "true")), ["Input.Optional"]),
        new("sign-in-methods", Visitor.SignedIn, NotificationsPage.Path, "main form", Map(("linkId", Guid.Empty.ToString())), ["linkId"],
            Action: SignInMethodsPage.Path + "?handler=Unlink"),
        new("admin-create-user", Visitor.Admin, AdminCreateUserPage.Path, "form#create",
            Map(("Input.Email", Unique + "@example.com"), ("Input.Name", "New user"), ("Input.Roles", ""), ("Input.Password", "")),
            ["Input.Email", "Input.Name", "Input.Roles"], ShownAt: AdminUsersPage.Path),
        new("admin-edit-user", Visitor.Admin, "/admin/users/" + VictimId, "form#edit",
            Map(("Input.Email", Victim), ("Input.Name", "Victim"), ("Input.Roles", "")), ["Input.Email", "Input.Name", "Input.Roles"],
            ShownAt: AdminUsersPage.Path),
        new("admin-create-client", Visitor.Admin, AdminCreateClientPage.Path, "main form",
            Map(("Input.ClientId", Unique), ("Input.Type", "confidential"), ("Input.DisplayName", "New client"),
                ("Input.RedirectUris", "https://rp.example/cb"), ("Input.GrantTypes", "authorization_code"), ("Input.Scopes", "openid"),
                ("Input.ConsentType", "implicit")),
            ["Input.ClientId", "Input.DisplayName", "Input.RedirectUris"], ShownAt: AdminClientsPage.Path),
        new("admin-edit-client", Visitor.Admin, "/admin/clients/" + ClientId + "/edit", "form#edit-client",
            Map(("Input.DisplayName", "Edited client"), ("Input.RedirectUris", "https://rp.example/cb"), ("Input.PostLogoutRedirectUris", ""),
                ("Input.GrantTypes", "authorization_code"), ("Input.Scopes", "openid"), ("Input.ConsentType", "implicit")),
            ["Input.DisplayName", "Input.RedirectUris", "Input.PostLogoutRedirectUris"], ShownAt: AdminClientsPage.Path),
        new("admin-create-scope", Visitor.Admin, AdminCreateScopePage.Path, "main form",
            Map(("Input.Name", "s" + Unique), ("Input.DisplayName", "Scope"), ("Input.Description", "A scope")),
            ["Input.Name", "Input.DisplayName", "Input.Description"], ShownAt: AdminScopesPage.Path),
        new("admin-policy", Visitor.Admin, AdminPolicyPage.Path, "form#policy",
            Map(("Input.TwoStepRequiredForRoles", ""), ("Input.LockoutThreshold", "0"), ("Input.TokenScopes", "api")),
            ["Input.TwoStepRequiredForRoles", "Input.LockoutThreshold", "Input.TokenScopes", "Input.TotpAllowed"]),
        new("admin-register-token", Visitor.Admin, AdminRegisterTokenPage.Path, "form#register",
            Map(("Input.Serial", "SN" + Unique), ("Input.Model", "Model"), ("Input.Type", "hotp"), ("Input.Algorithm", "SHA1"),
                ("Input.Digits", "6"), ("Input.PeriodSeconds", "30"), ("Input.Counter", "0"),
                ("Input.Seed", "3132333435363738393031323334353637383930"), ("Input.SeedEncoding", "hex")),
            ["Input.Serial", "Input.Model", "Input.Seed"], ShownAt: AdminHardwareTokensPage.Path),
        new("admin-identify-token", Visitor.Admin, AdminIdentifyTokenPage.Path, "form#identify", Map(("Code", "000000")), ["Code"]),
    ];

    /// <summary><paramref name="path"/> asked to return to <paramref name="returnUrl"/> afterwards.</summary>
    public static string WithReturnUrl(string path, string returnUrl) => QueryHelpers.AddQueryString(path, "ReturnUrl", returnUrl);

    public static FormTarget Named(string name) => All.Single(target => target.Name == name);

    private static Dictionary<string, string> Map(params (string Field, string Value)[] fields) =>
        fields.ToDictionary(field => field.Field, field => field.Value, StringComparer.Ordinal);
}
