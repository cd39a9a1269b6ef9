using AngleSharp.Dom;

namespace IdentityProvider.Testing.Pages;

/// <summary><c>/Account/ForgotPassword</c>: the e-mail address; always the same answer.</summary>
public sealed class ForgotPasswordPage(ProviderPage page) : PageObject(page), IPageObject<ForgotPasswordPage>
{
    public const string Path = "/Account/ForgotPassword";

    /// <summary>The link on the sign-in page.</summary>
    public const string LinkText = "Forgot your password?";

    public static bool IsAt(string path) => path.Equals(Path, StringComparison.OrdinalIgnoreCase);

    public static ForgotPasswordPage Create(ProviderPage page) => new(page);

    public static Task<ForgotPasswordPage> OpenAsync(ProviderClient client) => client.OpenAsync<ForgotPasswordPage>(Path);

    public IElement EmailInput => Input("Input.Email");

    /// <summary>The answer shown after a request (the same for every address), or null when the form is shown.</summary>
    public string? Answer => Page.Document.QuerySelector("#reset-requested")?.TextContent.Trim();

    public Task<ForgotPasswordPage> RequestAsync(string email) =>
        SubmitAsync(new Dictionary<string, string> { ["Input.Email"] = email }).As<ForgotPasswordPage>();

    /// <summary>The same, without following the answer (its status).</summary>
    public Task<HttpResponseMessage> PostRequestAsync(string email) => PostAsync(new Dictionary<string, string> { ["Input.Email"] = email });
}
