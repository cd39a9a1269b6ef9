using Microsoft.Playwright;

namespace IdentityProvider.Testing.Pages;

/// <summary>
/// The provider's pages as a real browser walks them (accessibility, narrow screens, languages): which pages each
/// visitor opens by address (from <see cref="PageCatalog"/>), and the form steps a walk takes, by field name and
/// in any language, so the tests in the end-to-end project name neither a path nor a field.
/// </summary>
public static class BrowserWalk
{
    /// <summary>
    /// Pages a walk reaches by its own steps rather than by address: a pending sign-in (OTP step, resync, recovery
    /// code, enrolment), a mailed link, consent, a secret shown once, a removal of one thing, or pages that only
    /// redirect here (the language switch answers a POST; "add a password" sends a user who has one to "change").
    /// </summary>
    private static readonly HashSet<Type> ReachedByStep =
    [
        typeof(TwoStepPage), typeof(ResyncPage), typeof(RecoveryCodePage), typeof(EnrolTwoStepPage), typeof(ConsentPage),
        typeof(ResetPasswordPage), typeof(SetPasswordPage), typeof(LinkExternalPage), typeof(ShowRecoveryCodesPage),
        typeof(RevokeTokenPage), typeof(RemoveDevicePage), typeof(AddPasswordPage), typeof(LogoutPage),
    ];

    /// <summary>Stand-ins for the ids of <see cref="PageCatalog.PathOf"/>, to tell whose page a type is before the real ids are known.</summary>
    private static readonly Dictionary<string, string> AnyIds = new() { ["userId"] = "u", ["clientId"] = "c", ["name"] = "n", ["serial"] = "s" };

    /// <summary>
    /// The addresses <paramref name="visitor"/> opens directly: every page object's page for that visitor (a
    /// <c>PathFor</c> filled from <paramref name="ids"/>) and the pages without one, minus <see cref="ReachedByStep"/>.
    /// </summary>
    public static IReadOnlyList<string> PagesOf(Visitor visitor, IReadOnlyDictionary<string, string> ids) =>
        PageCatalog.PageObjectTypes
            .Where(type => !ReachedByStep.Contains(type) && PageCatalog.VisitorOf(PageCatalog.PathOf(type, AnyIds)) == visitor)
            .Select(type => PageCatalog.PathOf(type, ids))
            .Concat(PageCatalog.PagesWithoutPageObject.Where(path => PageCatalog.VisitorOf(path) == visitor))
            .Where(path => path != LanguageSwitch.Path)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();

    /// <summary>An address no page answers: the error page (404).</summary>
    public static string MissingPage => $"/no-such-page-{Guid.NewGuid():N}";

    /// <summary>The pages of a pending sign-in, after the OTP step: resynchronising a token, a recovery code.</summary>
    public static IReadOnlyList<string> PendingSignInPages { get; } = [ResyncPage.Path, RecoveryCodePage.Path];

    /// <summary>The admin area's forms that show validation errors when sent empty.</summary>
    public static IReadOnlyList<string> AdminFormsSentEmpty { get; } =
        [Admin.AdminCreateUserPage.Path, Admin.AdminCreateClientPage.Path, Admin.AdminCreateScopePage.Path, Admin.AdminRegisterTokenPage.Path];

    /// <summary>The address <paramref name="path"/> at the provider <paramref name="provider"/>.</summary>
    public static string At(Uri provider, string path) => new Uri(provider, path).ToString();

    /// <summary>Whether the browser is at <paramref name="path"/> (no query compared).</summary>
    public static bool IsAt(IPage page, string path) =>
        new Uri(page.Url).AbsolutePath.Equals(path, StringComparison.OrdinalIgnoreCase);

    /// <summary>The first link (or GET form's button) on the page to an address under <paramref name="prefix"/> (revoking a token, removing a device).</summary>
    public static async Task<string> FirstLinkUnderAsync(IPage page, string prefix) =>
        await page.EvaluateAsync<string?>(
            "prefix => [...document.querySelectorAll('main a[href], main form[action]')].map(e => e.getAttribute(e.tagName === 'A' ? 'href' : 'action')).find(address => address.startsWith(prefix)) ?? null",
            prefix)
            ?? throw new Xunit.Sdk.XunitException($"No link or form under {prefix} on {page.Url}");

    /// <summary>The remove link of the first device on the device list.</summary>
    public static Task<string> RemoveDeviceLinkAsync(IPage page) => FirstLinkUnderAsync(page, RemoveDevicePage.PathPrefix);

    /// <summary>The revoke link of the first token on the token list.</summary>
    public static Task<string> RevokeTokenLinkAsync(IPage page) => FirstLinkUnderAsync(page, RevokeTokenPage.PathPrefix);

    /// <summary>Types e-mail and password on the sign-in page and sends them; waits for the next page.</summary>
    public static Task SignInAsync(IPage page, string email, string password) =>
        FillAndSendAsync(page, ("Input.Email", email), ("Input.Password", password));

    /// <summary>Types the one-time password on the OTP step and sends it.</summary>
    public static Task SendOneTimePasswordAsync(IPage page, string code) => FillAndSendAsync(page, ("Input.Code", code));

    /// <summary>Names a new authenticator app (the first enrolment form, in the account or during sign-in) and continues to the QR code.</summary>
    public static Task BeginEnrolmentAsync(IPage page, string name) =>
        FillAndSendAsync(page, ("Enrolment.Name", name));

    /// <summary>Types the app's code on the QR-code page and activates the device.</summary>
    public static Task ConfirmEnrolmentAsync(IPage page, string code) =>
        FillAndSendAsync(page, ("Enrolment.FirstCode", code));

    /// <summary>Ticks "I have saved these codes" under a new set of recovery codes and continues.</summary>
    public static async Task AcknowledgeRecoveryCodesAsync(IPage page)
    {
        var form = page.Locator("main form:has(input[type=checkbox])").First;
        await form.Locator("input[type=checkbox]").First.CheckAsync();
        await NavigatingAsync(page, () => form.Locator("button[type=submit], button:not([type])").First.ClickAsync());
    }

    /// <summary>Generates a new set of recovery codes with the password (the set is then shown once).</summary>
    public static Task GenerateRecoveryCodesAsync(IPage page, string password) => FillAndSendAsync(page, ("Input.Password", password));

    /// <summary>Creates a personal access token with a label, the form's expiry and its first scope when none is ticked; the token is then shown once.</summary>
    public static async Task CreateTokenAsync(IPage page, string label)
    {
        // Why: the form may come with no scope ticked; a token needs one.
        var scopes = page.Locator("main form input[name='Input.Scopes']");
        if (await scopes.CountAsync() > 0 && await page.Locator("main form input[name='Input.Scopes']:checked").CountAsync() == 0)
        {
            await scopes.First.CheckAsync();
        }

        await FillAndSendAsync(page, ("Input.Label", label));
    }

    /// <summary>Whether the page shows a personal access token just created (once).</summary>
    public static async Task<bool> ShowsNewTokenAsync(IPage page) => await page.Locator(CreateTokenPage.NewTokenSelector).CountAsync() == 1;

    /// <summary>Asks for a reset link on "Forgot password".</summary>
    public static Task RequestResetAsync(IPage page, string email) => FillAndSendAsync(page, ("Input.Email", email));

    /// <summary>The protocol error the error page shows (its code, e.g. <c>invalid_request</c>), or null on any other page.</summary>
    public static async Task<string?> ProtocolErrorAsync(IPage page)
    {
        var code = page.Locator("#error-code");
        return await code.CountAsync() == 1 ? (await code.InnerTextAsync()).Trim() : null;
    }

    /// <summary>Presses "Sign out" on the sign-out question (the provider asks when the request does not name its user).</summary>
    public static Task ConfirmSignOutAsync(IPage page) =>
        NavigatingAsync(page, () => page.Locator("main form button[type=submit], main form button:not([type])").First.ClickAsync());

    /// <summary>
    /// Sends the page's main form as it is, its fields empty, with the browser's own checks off (as an old browser
    /// would): the page answers with its validation errors.
    /// </summary>
    public static Task SendEmptyAsync(IPage page) =>
        NavigatingAsync(page, () => page.EvaluateAsync("""
            () => {
                const form = [...document.querySelectorAll('main form')].find(f => f.method.toLowerCase() === 'post' && f.id !== 'external-providers');
                form.noValidate = true;
                form.requestSubmit(form.querySelector('button[type=submit], button:not([type])'));
            }
            """));

    /// <summary>
    /// Runs <paramref name="action"/> (a click, Enter, a form sent by script) and waits until the page it leads to
    /// has loaded: the old document carries a mark the new one lacks.
    /// </summary>
    private static async Task NavigatingAsync(IPage page, Func<Task> action)
    {
        await page.EvaluateAsync("() => { window.__browserWalkLeaving = true; }");
        await action();
        await page.WaitForFunctionAsync("() => window.__browserWalkLeaving !== true && document.readyState === 'complete'");
    }

    /// <summary>Fills the fields of the main form that has the first of them, then presses Enter in the last (the form's first button).</summary>
    private static async Task FillAndSendAsync(IPage page, params (string Name, string Value)[] fields)
    {
        var form = page.Locator($"main form:has({Field(fields[0].Name)})").First;
        foreach (var (name, value) in fields)
        {
            await form.Locator(Field(name)).FillAsync(value);
        }

        await NavigatingAsync(page, () => form.Locator(Field(fields[^1].Name)).PressAsync("Enter"));
    }

    /// <summary>The field a person types into (a hidden input may carry the same name).</summary>
    private static string Field(string name) => $"[name='{name}']:not([type=hidden])";
}
