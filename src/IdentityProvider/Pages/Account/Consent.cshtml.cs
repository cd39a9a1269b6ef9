using IdentityProvider.Connect;
using IdentityProvider.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;
using OpenIddict.Abstractions;

namespace IdentityProvider.Pages.Account;

/// <summary>
/// Lists what an explicit-consent client asks for. The decision is posted straight back to the
/// authorization endpoint with the original request, so OpenIddict validates that request again.
/// </summary>
public sealed class ConsentModel(
    IOpenIddictApplicationManager applications,
    IOpenIddictScopeManager scopeManager,
    IStringLocalizer<AccountText> text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string ApplicationName { get; private set; } = "";

    public IReadOnlyList<(string Name, string Description)> Scopes { get; private set; } = [];

    public IReadOnlyList<KeyValuePair<string, string>> Parameters { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (ReturnUrl is null || !ReturnUrl.StartsWith(ConnectPaths.Authorize + "?", StringComparison.Ordinal))
        {
            return RedirectToPage("/Error", new { status = StatusCodes.Status400BadRequest });
        }

        var query = QueryHelpers.ParseQuery(ReturnUrl[ReturnUrl.IndexOf('?')..]);
        Parameters = query.SelectMany(pair => pair.Value.Select(value => new KeyValuePair<string, string>(pair.Key, value ?? ""))).ToList();
        if (Parameters.Any(parameter => parameter.Key.Any(char.IsControl) || parameter.Value.Any(char.IsControl)))
        {
            // Note: refused before the database, which would refuse a NUL itself (and look like an outage).
            return BadRequest();
        }

        var clientId = query.TryGetValue(OpenIddictConstants.Parameters.ClientId, out var id) ? id.ToString() : "";
        var application = await applications.FindByClientIdAsync(clientId);
        if (application is null)
        {
            return RedirectToPage("/Error", new { status = StatusCodes.Status400BadRequest });
        }

        ApplicationName = await applications.GetLocalizedDisplayNameAsync(application) ?? clientId;
        var requested = query.TryGetValue(OpenIddictConstants.Parameters.Scope, out var scope) ? scope.ToString() : "";
        // A claim the claims parameter asks for is consented to as the scope that releases it (as the authorization endpoint counts it).
        _ = ClaimsRequest.TryRead(new OpenIddictRequest(query), out var claims);
        var implied = (await claims.PermittedForAsync(applications, application)).Scopes.Order(StringComparer.Ordinal);
        var described = new List<(string, string)>();
        foreach (var name in requested.Split(' ', StringSplitOptions.RemoveEmptyEntries).Concat(implied).Distinct())
        {
            described.Add((name, await DescribeAsync(name)));
        }

        Scopes = described;
        return Page();
    }

    private async Task<string> DescribeAsync(string scope) => scope switch
    {
        OpenIddictConstants.Scopes.OpenId => text["Consent.Scope.OpenId"],
        OpenIddictConstants.Scopes.Profile => text["Consent.Scope.Profile"],
        OpenIddictConstants.Scopes.Email => text["Consent.Scope.Email"],
        OpenIddictConstants.Scopes.Phone => text["Consent.Scope.Phone"],
        OpenIddictConstants.Scopes.Roles => text["Consent.Scope.Roles"],
        OpenIddictConstants.Scopes.OfflineAccess => text["Consent.Scope.OfflineAccess"],
        // A registered scope: its description (admin area: Scopes), else its display name.
        _ => await scopeManager.FindByNameAsync(scope) is { } entry
            ? NonEmpty(await scopeManager.GetLocalizedDescriptionAsync(entry)) ?? NonEmpty(await scopeManager.GetLocalizedDisplayNameAsync(entry)) ?? scope
            : scope,
    };

    private static string? NonEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
