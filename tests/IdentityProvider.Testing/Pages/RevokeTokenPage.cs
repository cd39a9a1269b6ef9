namespace IdentityProvider.Testing.Pages;

/// <summary><c>/Manage/Tokens/Revoke/{id}</c>: confirms revoking one token.</summary>
public sealed class RevokeTokenPage(ProviderPage page) : PageObject(page), IPageObject<RevokeTokenPage>
{
    public const string PathPrefix = "/Manage/Tokens/Revoke/";

    public static string PathFor(Guid tokenId) => PathPrefix + tokenId;

    public static bool IsAt(string path) => path.StartsWith(PathPrefix, StringComparison.OrdinalIgnoreCase);

    public static RevokeTokenPage Create(ProviderPage page) => new(page);

    public static Task<RevokeTokenPage> OpenAsync(ProviderClient client, Guid tokenId) => client.OpenAsync<RevokeTokenPage>(PathFor(tokenId));

    /// <summary>Opens the page for any id (someone else's, unknown): the answer as it is.</summary>
    public static Task<ProviderPage> TryOpenAsync(ProviderClient client, Guid tokenId) => client.GetAsync(PathFor(tokenId));

    /// <summary>"Revoke token"; back on the token list.</summary>
    public Task<ProviderPage> ConfirmAsync() => SubmitAsync();

    /// <summary>Posts "Revoke token" with this page's antiforgery token for another token's id (a forged revocation).</summary>
    public async Task<ProviderPage> ForgeConfirmAsync(Guid otherTokenId) => await Client.FollowAsync(await PostForgedConfirmAsync(otherTokenId));

    /// <summary>The same forged revocation, without following the answer (its status, Location and cookies).</summary>
    public Task<HttpResponseMessage> PostForgedConfirmAsync(Guid otherTokenId) => PostAsync(action: PathFor(otherTokenId));
}
