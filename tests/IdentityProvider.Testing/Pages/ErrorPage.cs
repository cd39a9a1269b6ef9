namespace IdentityProvider.Testing.Pages;

/// <summary>The one error page (<c>/Error</c>), shown at the address that failed (a missing page, a refused authorize request).</summary>
public sealed class ErrorPage(ProviderPage page) : PageObject(page)
{
    /// <summary>A page that does not exist: the error page answers 404 there.</summary>
    public static async Task<ErrorPage> OpenMissingPageAsync(ProviderClient client) => new(await client.GetAsync($"/no-such-page-{Guid.NewGuid():N}"));

    /// <summary>An authorize request the provider refuses to send back (an unknown client): the error page.</summary>
    public static async Task<ErrorPage> OpenRefusedRequestAsync(ProviderClient client, AuthorizationRequest request) => new(await client.GetAsync(request.ToUrl()));

    public string Heading => Page.Document.QuerySelector("h1")?.TextContent.Trim() ?? "";

    public string? Message => Page.Document.QuerySelector("#error-message")?.TextContent.Trim();

    /// <summary>The protocol error's English description, shown apart on a page in another language.</summary>
    public string? Detail => Page.Document.QuerySelector("#error-detail")?.TextContent.Trim();

    public string? ErrorCode => Page.Document.QuerySelector("#error-code")?.TextContent.Trim();
}
