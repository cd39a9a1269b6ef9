namespace IdentityProvider.Testing.Pages.Admin;

/// <summary><c>/admin/hardware-tokens/register</c>: one token registered by hand.</summary>
public sealed class AdminRegisterTokenPage(ProviderPage page) : PageObject(page), IPageObject<AdminRegisterTokenPage>
{
    public const string Path = "/admin/hardware-tokens/register";

    public static bool IsAt(string path) => path.Equals(Path, StringComparison.OrdinalIgnoreCase);

    public static AdminRegisterTokenPage Create(ProviderPage page) => new(page);

    public static Task<AdminRegisterTokenPage> OpenAsync(ProviderClient client) => client.OpenAsync<AdminRegisterTokenPage>(Path);

    /// <summary>Registers a token; the seed is hexadecimal unless <paramref name="base32"/>. Lands on the token's page, or here with the refusal.</summary>
    public Task<ProviderPage> RegisterAsync(
        string serial, string seed, string type = "hotp", string algorithm = "SHA1", string digits = "6",
        string periodSeconds = "30", string counter = "0", string? model = null, bool base32 = false) =>
        SubmitAsync(new Dictionary<string, string>
        {
            ["Input.Serial"] = serial,
            ["Input.Model"] = model ?? "",
            ["Input.Type"] = type,
            ["Input.Algorithm"] = algorithm,
            ["Input.Digits"] = digits,
            ["Input.PeriodSeconds"] = periodSeconds,
            ["Input.Counter"] = counter,
            ["Input.Seed"] = seed,
            ["Input.SeedEncoding"] = base32 ? "base32" : "hex",
        }, formSelector: "form#register");
}
