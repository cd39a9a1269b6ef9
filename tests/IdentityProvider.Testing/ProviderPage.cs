using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.WebUtilities;

namespace IdentityProvider.Testing;

/// <summary>
/// Where a request ended: a page of the provider (parsed HTML), or a redirect that leaves the provider
/// (to a relying party's redirect URI), which a browser would follow and the driver reports instead.
/// </summary>
public sealed record ProviderPage(HttpResponseMessage Response, Uri Uri, string Body, IHtmlDocument Document, Uri? ExternalRedirect)
{
    /// <summary>The driver that fetched this page, so a page object made from it can go on.</summary>
    public required ProviderClient Client { get; init; }

    public HttpStatusCode Status => Response.StatusCode;

    public string Text => Document.Body?.TextContent ?? "";

    /// <summary>The query of the redirect to the relying party, e.g. <c>code</c>, <c>state</c> or <c>error</c>.</summary>
    public IReadOnlyDictionary<string, string> RedirectQuery =>
        ExternalRedirect is null
            ? throw new InvalidOperationException($"Expected a redirect to the relying party, but ended on {Uri} ({(int)Status}): {Text.Trim()}")
            : QueryHelpers.ParseQuery(ExternalRedirect.Query).ToDictionary(pair => pair.Key, pair => pair.Value.ToString());

    public string Code => RedirectQuery.TryGetValue("code", out var code)
        ? code
        : throw new InvalidOperationException($"No code in the redirect {ExternalRedirect}");
}
