using System.Reflection;
using System.Text.Json;
using Microsoft.Playwright;

namespace IdentityProvider.EndToEndTests;

/// <summary>
/// What every page must pass in Chromium: axe-core (npm, pinned in <c>accessibility/package-lock.json</c>) finds no
/// serious or critical violation, and at 360 × 740 the page does not scroll sideways and no element sticks out of
/// the viewport (an element inside a scrolling box may: the box is what must fit); and the HTML contract (docs/HTML-CONTRACT.md)
/// holds (labels, <c>autocomplete</c>, <c>inputmode</c>). Findings are collected, so one
/// run lists every problem of every page.
/// </summary>
public sealed class PageChecks
{
    public const int DesktopWidth = 1280;
    public const int DesktopHeight = 800;
    public const int NarrowWidth = 360;
    public const int NarrowHeight = 740;

    /// <summary>axe-core in the accessibility folder of the source tree (set at build time).</summary>
    private static readonly NpmPackage Axe = new(
        typeof(PageChecks).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(attribute => attribute.Key == "AccessibilityFolder")?.Value
            ?? throw new InvalidOperationException("The test assembly lacks its AccessibilityFolder metadata (see the .csproj)."),
        "axe-core",
        "the accessibility checks");

    private readonly List<string> findings = [];
    private readonly List<string> checkedPages = [];

    /// <summary>Every problem found so far, as "rule (impact) on page: target".</summary>
    public IReadOnlyList<string> Findings => findings;

    /// <summary>The pages checked so far, by name.</summary>
    public IReadOnlyList<string> CheckedPages => checkedPages;

    /// <summary>A browser context for the checks: a desktop window, the page's CSP bypassed so axe's script tag may run.</summary>
    public static BrowserNewContextOptions ContextOptions(string? locale = null) => new()
    {
        IgnoreHTTPSErrors = true,
        BypassCSP = true,
        ViewportSize = new() { Width = DesktopWidth, Height = DesktopHeight },
        Locale = locale,
    };

    /// <summary>Runs axe on the page as it is now, then the 360 px checks; records what fails under <paramref name="name"/>.</summary>
    public async Task CheckAsync(IPage page, string name)
    {
        await Axe.EnsureInstalledAsync();
        checkedPages.Add(name);
        var where = $"{name} ({new Uri(page.Url).PathAndQuery.Split('?')[0]})";
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe !== 'undefined'"))
        {
            await page.AddScriptTagAsync(new() { Path = Path.Combine(Axe.Folder, "node_modules", "axe-core", "axe.min.js") });
        }

        var result = await page.EvaluateAsync<JsonElement>("""
            async () => {
                const result = await axe.run(document, { resultTypes: ['violations'] });
                return {
                    passed: result.passes.length,
                    violations: result.violations
                        .filter(v => v.impact === 'serious' || v.impact === 'critical')
                        .flatMap(v => v.nodes.map(n => ({ rule: v.id, impact: v.impact, target: n.target.join(' '), summary: n.failureSummary }))),
                };
            }
            """);
        if (result.GetProperty("passed").GetInt32() == 0)
        {
            findings.Add($"axe passed no rule at all on {where}: it did not check the page");
        }

        foreach (var violation in result.GetProperty("violations").EnumerateArray())
        {
            findings.Add($"axe {violation.GetProperty("rule").GetString()} ({violation.GetProperty("impact").GetString()}) on {where}: "
                + $"{violation.GetProperty("target").GetString()} - {violation.GetProperty("summary").GetString()?.ReplaceLineEndings(" ")}");
        }

        // The HTML contract (docs/HTML-CONTRACT.md): a <label for> on every field; password and e-mail fields say what they hold to
        // password managers; a numeric code field is a one-time code to the browser.
        var contract = await page.EvaluateAsync<string[]>("""
            () => {
                const problems = [];
                const describe = e => e.tagName.toLowerCase() + (e.name ? `[name=${e.name}]` : '') + (e.id ? '#' + e.id : '');
                for (const e of document.querySelectorAll('input:not([type=hidden]):not([type=submit]):not([type=button]), select, textarea')) {
                    if (e.closest('[hidden]') || e.getClientRects().length === 0) continue;
                    const label = e.id ? document.querySelector(`label[for="${CSS.escape(e.id)}"]`) : null;
                    if (!label || label.textContent.trim() === '') problems.push(`${describe(e)} has no <label for> with text`);
                    const auto = (e.getAttribute('autocomplete') || '').trim();
                    // Note: a secret that is not a password (a seed, a pre-shared key) may be hidden and kept from the password manager.
                    const password = e.type === 'password' && /password/i.test(e.name);
                    if (password && !['current-password', 'new-password'].includes(auto)) problems.push(`${describe(e)} autocomplete="${auto}" (a password: current-password or new-password)`);
                    if (e.type === 'password' && !password && !['off', 'new-password'].includes(auto)) problems.push(`${describe(e)} autocomplete="${auto}" (a secret: off)`);
                    if (e.type === 'email' && !['username', 'username webauthn', 'email', 'off'].includes(auto)) problems.push(`${describe(e)} autocomplete="${auto}" (an e-mail: username, username webauthn or email)`);
                    // Note: a field that also takes a recovery code (letters) keeps the full keyboard; an administrator
                    // typing a token's codes turns autofill off.
                    if (e.getAttribute('inputmode') === 'numeric' && !['one-time-code', 'off'].includes(auto) && /code/i.test(e.name)) problems.push(`${describe(e)} is a numeric code without autocomplete="one-time-code"`);
                }
                return problems;
            }
            """);
        findings.AddRange(contract.Select(problem => $"HTML contract on {where}: {problem}"));

        await page.SetViewportSizeAsync(NarrowWidth, NarrowHeight);
        try
        {
            var overflow = await page.EvaluateAsync<string[]>("""
                (width) => {
                    const problems = [];
                    const scrollWidth = document.documentElement.scrollWidth;
                    if (scrollWidth > width) problems.push(`the page scrolls sideways (scrollWidth ${scrollWidth})`);
                    const scrolls = e => { for (let p = e.parentElement; p && p !== document.body; p = p.parentElement) {
                        const o = getComputedStyle(p).overflowX; if (o === 'auto' || o === 'scroll' || o === 'hidden') return true; } return false; };
                    const describe = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.classList.length ? '.' + [...e.classList].join('.') : '');
                    const outside = new Set();
                    for (const e of document.body.querySelectorAll('*')) {
                        const box = e.getBoundingClientRect();
                        if (box.width === 0 || box.height === 0 || scrolls(e)) continue;
                        if (box.right > width + 0.5 || box.left < -0.5) {
                            outside.add(e);
                            // Only the outermost element sticking out: its children stick out with it.
                            if (!outside.has(e.parentElement)) problems.push(`${describe(e)} spans ${Math.round(box.left)}..${Math.round(box.right)}px`);
                        }
                    }
                    return problems.slice(0, 10);
                }
                """, NarrowWidth);
            findings.AddRange(overflow.Select(problem => $"360px on {where}: {problem}"));
        }
        finally
        {
            await page.SetViewportSizeAsync(DesktopWidth, DesktopHeight);
        }
    }

    /// <summary>Fails listing every finding, when there is one.</summary>
    public void AssertNoFindings() =>
        Assert.True(findings.Count == 0,
            $"{findings.Count} problem(s) on {checkedPages.Count} pages:\n" + string.Join("\n", findings) + "\nPages checked: " + string.Join(", ", checkedPages));
}
