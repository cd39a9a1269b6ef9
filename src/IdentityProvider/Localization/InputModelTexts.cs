namespace IdentityProvider.Localization;

/// <summary>
/// Which resource holds the validation messages of an input model: the texts of the part of the site its page
/// belongs to (sign-in side, account pages, admin area), else the shared texts.
/// </summary>
public static class InputModelTexts
{
    private static readonly (string Namespace, Type Texts)[] Parts =
    [
        ("IdentityProvider.Pages.Account", typeof(AccountText)),
        ("IdentityProvider.Pages.Manage", typeof(ManageText)),
        ("IdentityProvider.Areas.Admin", typeof(AdminText)),
        // The admin Policy page's form (PolicyForm) lives beside its service.
        ("IdentityProvider.Admin", typeof(AdminText)),
    ];

    public static Type For(Type model)
    {
        var name = model.Namespace ?? "";
        foreach (var (prefix, texts) in Parts)
        {
            if (name == prefix || name.StartsWith(prefix + ".", StringComparison.Ordinal))
            {
                return texts;
            }
        }

        return typeof(SharedText);
    }
}
