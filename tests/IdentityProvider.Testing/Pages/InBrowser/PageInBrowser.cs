using Microsoft.Playwright;

namespace IdentityProvider.Testing.Pages.InBrowser;

/// <summary>
/// A page as Chromium shows it: the Playwright counterpart of <see cref="PageObject"/>. It finds its elements by what a
/// person reads (labels, button and link texts), knows its address from the page object's <c>Path</c>, and its actions
/// return the page they lead to, so the browser journeys name neither a selector nor a path.
/// </summary>
/// <param name="page">The browser tab.</param>
/// <param name="site">The address of the site the page belongs to (the provider, an upstream provider, the relying party).</param>
public abstract class PageInBrowser(IPage page, Uri site)
{
    public IPage Page { get; } = page;

    public Uri Site { get; } = site;

    /// <summary>The status message (role=status) shown after a successful change.</summary>
    public ILocator StatusMessage => Page.GetByRole(AriaRole.Status);

    /// <summary>The message shown as an alert (role=alert): a refused form.</summary>
    public ILocator Alert => Page.GetByRole(AriaRole.Alert);

    /// <summary>The address of <paramref name="path"/> at <paramref name="site"/>.</summary>
    protected static string At(Uri site, string path) => BrowserWalk.At(site, path);

    /// <summary>Waits until the browser is at <paramref name="path"/> of <paramref name="site"/>, with any query.</summary>
    protected static Task WaitForPathAsync(IPage page, Uri site, string path) =>
        page.WaitForURLAsync(url => url.StartsWith(At(site, path), StringComparison.OrdinalIgnoreCase));

    /// <summary>Waits until the browser is at exactly <paramref name="path"/> of <paramref name="site"/>.</summary>
    protected static Task WaitForExactAsync(IPage page, Uri site, string path) => page.WaitForURLAsync(At(site, path));

    /// <summary>The input whose label reads exactly <paramref name="label"/>.</summary>
    protected ILocator Field(string label) => Page.GetByLabel(label, new() { Exact = true });

    protected ILocator Button(string name) => Page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    protected ILocator Link(string name) => Page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true });

    protected ILocator Heading(string name) => Page.GetByRole(AriaRole.Heading, new() { Name = name, Exact = true });

    protected ILocator Radio(string name) => Page.GetByRole(AriaRole.Radio, new() { Name = name });
}
