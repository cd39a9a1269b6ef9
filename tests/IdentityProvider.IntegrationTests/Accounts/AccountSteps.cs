using AngleSharp.Dom;
using IdentityProvider.Testing;

namespace IdentityProvider.IntegrationTests.Accounts;

/// <summary>Steps and page reads shared by the account tests (sign-in page, account page, change password).</summary>
internal static class AccountSteps
{
    public const string LoginPath = "/Account/Login";
    public const string ManagePath = "/Manage";
    public const string ChangePasswordPath = "/Manage/ChangePassword";

    /// <summary>Opens the sign-in page directly (no relying party) and submits e-mail and password.</summary>
    public static async Task<ProviderPage> SignInAsync(ProviderClient client, string email, string password)
    {
        var login = await client.GetAsync(LoginPath);
        return await SignInSteps.SubmitPasswordAsync(client, login, email, password);
    }

    /// <summary>Every message the page shows to the user as an alert (sign-in error and validation summary).</summary>
    public static string AlertText(ProviderPage page) =>
        string.Join(" | ", page.Document.QuerySelectorAll("[role=alert]")
            .Select(element => element.TextContent.Trim())
            .Where(text => text.Length > 0));

    /// <summary>The status message (role=status) shown after a successful change.</summary>
    public static string StatusText(ProviderPage page) =>
        string.Join(" | ", page.Document.QuerySelectorAll("[role=status]").Select(element => element.TextContent.Trim()));

    /// <summary>The visible (non-hidden) inputs of the page's main form.</summary>
    public static IReadOnlyList<IElement> VisibleInputs(ProviderPage page) =>
        page.Document.QuerySelectorAll("main form input")
            .Where(input => !string.Equals(input.GetAttribute("type"), "hidden", StringComparison.OrdinalIgnoreCase))
            .ToList();

    /// <summary>The input whose name is <paramref name="name"/>, or a failure naming what the page has.</summary>
    public static IElement Input(ProviderPage page, string name) =>
        page.Document.QuerySelector($"input[name='{name}']")
            ?? throw new Xunit.Sdk.XunitException($"No input named {name} on {page.Uri}: {page.Body}");

    /// <summary>Asserts that every visible input has an id and a &lt;label for&gt; with visible text pointing at it.</summary>
    public static void AssertEveryInputHasLabel(ProviderPage page)
    {
        var inputs = VisibleInputs(page);
        Assert.NotEmpty(inputs);
        foreach (var input in inputs)
        {
            var id = input.GetAttribute("id");
            Assert.False(string.IsNullOrEmpty(id), $"Input {input.GetAttribute("name")} has no id, so no label can point at it.");
            var label = page.Document.QuerySelectorAll("label").FirstOrDefault(candidate => candidate.GetAttribute("for") == id);
            Assert.True(label is not null, $"No <label for=\"{id}\"> on {page.Uri}.");
            Assert.False(string.IsNullOrWhiteSpace(label!.TextContent), $"The label for {id} has no text.");
        }
    }
}
