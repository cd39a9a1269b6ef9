namespace IdentityProvider.Testing.Pages.Admin;

/// <summary>
/// Posts that a page does not offer (a form hidden from a user-manager, a page it may not open), with the antiforgery token
/// of the language switch every page carries: what a hand-made request would send, to prove the server refuses it.
/// </summary>
public static class AdminForgery
{
    private const string TokenForm = "form#language-switch";

    /// <summary>Posts <paramref name="fields"/> to <paramref name="path"/> (a handler with <paramref name="handler"/>) from <paramref name="from"/>; where it ends.</summary>
    public static async Task<ProviderPage> PostAsync(ProviderPage from, string path, string? handler = null, IReadOnlyDictionary<string, string>? fields = null) =>
        await from.Client.FollowAsync(await from.Client.PostFormAsync(from, fields, formSelector: TokenForm,
            action: handler is null ? path : $"{path}?handler={handler}"));
}
