using Microsoft.Playwright;

namespace IdentityProvider.ConformanceTests;

/// <summary>
/// One Chromium context (cookies of its own) for one module, sent on from the suite's start page as the suite sends
/// a tester's browser; what reaches the suite's addresses is read from <see cref="SuiteServer"/>.
/// </summary>
public sealed class SuiteBrowser : IAsyncDisposable
{
    private static readonly TimeSpan CallbackLimit = TimeSpan.FromSeconds(20);

    private readonly IBrowserContext context;
    private readonly SuiteServer suite;

    private SuiteBrowser(IBrowserContext context, IPage page, SuiteServer suite)
    {
        this.context = context;
        this.suite = suite;
        Page = page;
    }

    public IPage Page { get; }

    public static async Task<SuiteBrowser> OpenAsync(IBrowser browser, SuiteServer suite)
    {
        // Why: both servers present the test's self-signed certificate.
        var context = await browser.NewContextAsync(new() { IgnoreHTTPSErrors = true });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(20_000);
        suite.Clear();
        return new SuiteBrowser(context, page, suite);
    }

    /// <summary>Opens <paramref name="url"/> from the suite's page, as the suite sends the browser on; returns once the next page has loaded.</summary>
    public async Task GoAsync(string url)
    {
        await Page.GotoAsync(suite.StartPage);
        await Page.EvaluateAsync("url => { window.location.href = url; }", url);
        await LeaveStartPageAsync();
    }

    /// <summary>Sends the parameters to <paramref name="endpoint"/> as an HTML form POST from the suite's page.</summary>
    public async Task PostFormAsync(string endpoint, IReadOnlyDictionary<string, string> parameters)
    {
        var fields = string.Concat(parameters.Select(parameter =>
            $"<input type=\"hidden\" name=\"{System.Net.WebUtility.HtmlEncode(parameter.Key)}\" value=\"{System.Net.WebUtility.HtmlEncode(parameter.Value)}\">"));
        await Page.GotoAsync(suite.StartPage);
        await Page.SetContentAsync($"<form method=\"post\" action=\"{System.Net.WebUtility.HtmlEncode(endpoint)}\">{fields}</form>");
        await Page.EvaluateAsync("() => document.forms[0].submit()");
        await LeaveStartPageAsync();
    }

    /// <summary>The next request to the suite's addresses; fails when none comes in time (the browser is elsewhere).</summary>
    public async Task<Callback> NextCallbackAsync() =>
        await suite.NextAsync(CallbackLimit)
            ?? throw new Xunit.Sdk.XunitException($"The suite's address was not called; the browser is at {Page.Url}:\n{await TextAsync()}");

    /// <summary>Fails when the browser called the suite's addresses (a redirect the provider must not make).</summary>
    public void AssertNoCallback()
    {
        if (suite.Received() is { } callback)
        {
            throw new Xunit.Sdk.XunitException($"The provider sent the browser to {callback.Url}");
        }
    }

    /// <summary>Whether the browser stands at one of the suite's addresses.</summary>
    public bool IsAtSuite => Page.Url.StartsWith(suite.Base.ToString(), StringComparison.Ordinal);

    /// <summary>The text of the page shown, for failure messages.</summary>
    public async Task<string> TextAsync()
    {
        try
        {
            return await Page.InnerTextAsync("body");
        }
        catch (PlaywrightException)
        {
            return "(no page)";
        }
    }

    public async ValueTask DisposeAsync() => await context.CloseAsync();

    private Task LeaveStartPageAsync() =>
        Page.WaitForURLAsync(url => url != suite.StartPage, new() { WaitUntil = WaitUntilState.Load });
}
