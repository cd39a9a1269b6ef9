using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Primitives;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace IdentityProvider.Connect;

/// <summary>
/// The relying party's <c>ui_locales</c> (OpenID Connect Core 3.1.2.1): the pages of that sign-in speak the first
/// of its languages the provider offers. Read from the authorization request itself, and on the sign-in pages from
/// the authorize URL they return to (their <c>ReturnUrl</c>), so the preference lasts for that sign-in only.
/// </summary>
public sealed class UiLocalesCultureProvider : RequestCultureProvider
{
    /// <summary>The parameter every sign-in page carries the authorize URL in (query or hidden field).</summary>
    private const string ReturnUrlParameter = "ReturnUrl";

    /// <summary>Where the sign-in's pages live; no other request (the token endpoint's hot path among them) reads its form here.</summary>
    private static readonly PathString SignInPages = "/Account";

    public override async Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        var request = httpContext.Request;
        var isAuthorization = request.Path.StartsWithSegments(ConnectPaths.Authorize);
        if (!isAuthorization && !request.Path.StartsWithSegments(SignInPages))
        {
            return null;
        }

        var parameters = await ParametersAsync(request);
        var uiLocales = isAuthorization
            ? Value(parameters, Parameters.UiLocales)
            : AuthorizationRequests.FromReturnUrl(Value(parameters, ReturnUrlParameter))?.UiLocales;
        var languages = uiLocales?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];
        return languages.Length == 0 ? null : new ProviderCultureResult(languages.Select(language => new StringSegment(language)).ToList());
    }

    private static async Task<IEnumerable<KeyValuePair<string, StringValues>>> ParametersAsync(HttpRequest request)
    {
        if (!request.HasFormContentType)
        {
            return request.Query;
        }

        try
        {
            return request.Query.Concat(await request.ReadFormAsync(request.HttpContext.RequestAborted));
        }
        catch (Exception error) when (error is InvalidDataException or BadHttpRequestException or IOException)
        {
            // An unreadable form is refused later, where it is read for its purpose; it names no language.
            return request.Query;
        }
    }

    private static string? Value(IEnumerable<KeyValuePair<string, StringValues>> parameters, string name) =>
        parameters.FirstOrDefault(parameter => string.Equals(parameter.Key, name, StringComparison.OrdinalIgnoreCase)).Value.FirstOrDefault();
}
