using AngleSharp.Dom;

namespace IdentityProvider.Testing.Pages;

/// <summary><c>/Account/Resync</c>: two consecutive codes bring a drifted device back and complete the sign-in.</summary>
public sealed class ResyncPage(ProviderPage page) : PageObject(page), IPageObject<ResyncPage>
{
    public const string Path = "/Account/Resync";

    /// <summary>The OTP page's link to this page.</summary>
    public const string LinkText = "Codes not accepted? Resynchronise your device";

    public static bool IsAt(string path) => path.Equals(Path, StringComparison.OrdinalIgnoreCase);

    public static ResyncPage Create(ProviderPage page) => new(page);

    /// <summary>Opens the page directly (e.g. with no sign-in pending).</summary>
    public static Task<ProviderPage> OpenAsync(ProviderClient client) => client.GetAsync(Path);

    public IElement FirstCodeInput => Input("Input.FirstCode");

    public IElement SecondCodeInput => Input("Input.SecondCode");

    public Task<ProviderPage> SubmitCodesAsync(string firstCode, string secondCode) =>
        SubmitAsync(new Dictionary<string, string> { ["Input.FirstCode"] = firstCode, ["Input.SecondCode"] = secondCode });
}
