using IdentityProvider.Testing.Pages.Admin;

namespace IdentityProvider.IntegrationTests.PersonalAccessTokens;

/// <summary>
/// A token's row on the administrator's tokens tab, found by the token's id. Belongs on
/// <see cref="AdminUserTokensPage"/> (owned elsewhere): kept here until it moves there.
/// </summary>
internal static class AdminTokenRows
{
    /// <summary>The text of the token's row (label, scopes, dates, status), or null when it is not listed.</summary>
    public static string? RowOf(this AdminUserTokensPage page, Guid tokenId) =>
        page.Page.Document.QuerySelector($"#tokens tr[data-token-id='{tokenId}']")?.TextContent.Trim();
}
