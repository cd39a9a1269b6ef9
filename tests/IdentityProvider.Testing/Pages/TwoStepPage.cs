using AngleSharp.Dom;

namespace IdentityProvider.Testing.Pages;

/// <summary><c>/Account/TwoStep</c>: the one-time password step after the password.</summary>
public sealed class TwoStepPage(ProviderPage page) : PageObject(page), IPageObject<TwoStepPage>
{
    public const string Path = "/Account/TwoStep";

    public static bool IsAt(string path) => path.Equals(Path, StringComparison.OrdinalIgnoreCase);

    public static TwoStepPage Create(ProviderPage page) => new(page);

    public IElement CodeInput => Input("Input.Code");

    /// <summary>Whether "Remember one-time password on this browser" is offered.</summary>
    public bool OffersRememberBrowser => Page.Document.QuerySelector("input[name='Input.RememberBrowser']") is not null;

    /// <summary>Submits a code (and, when asked, "remember this browser"); where that leads.</summary>
    public Task<ProviderPage> SubmitCodeAsync(string code, bool rememberBrowser = false) => SubmitAsync(Fields(code, rememberBrowser));

    /// <summary>The same, without following the answer (status, Location and cookies of that one response).</summary>
    public Task<HttpResponseMessage> PostCodeAsync(string code, bool rememberBrowser = false) => PostAsync(Fields(code, rememberBrowser));

    public Task<RecoveryCodePage> UseRecoveryCodeAsync() => FollowLinkAsync(RecoveryCodePage.LinkText).As<RecoveryCodePage>();

    public Task<ResyncPage> ResynchroniseAsync() => FollowLinkAsync(ResyncPage.LinkText).As<ResyncPage>();

    private static Dictionary<string, string> Fields(string code, bool rememberBrowser)
    {
        var fields = new Dictionary<string, string> { ["Input.Code"] = code };
        if (rememberBrowser)
        {
            fields["Input.RememberBrowser"] = "true";
        }

        return fields;
    }
}
