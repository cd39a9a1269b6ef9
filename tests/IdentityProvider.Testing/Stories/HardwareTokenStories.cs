using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using IdentityProvider.HardwareTokens;
using IdentityProvider.TwoStep;

namespace IdentityProvider.Testing.Stories;

/// <summary>Hardware tokens as a help desk handles them: imported through the admin API, assigned, acted on; and the token in the user's hand.</summary>
public static class HardwareTokenStories
{
    public const string ApiPath = "/api/admin/hardware-tokens";

    /// <summary>The token of RFC 6030's examples in the user's hand: 8-digit HOTP codes of RFC 4226's secret.</summary>
    public static readonly TestDevice RfcToken = new(Guid.Empty, SeedFileSamples.Rfc4226Secret, new OtpParameters(OtpType.Hotp, OtpHashAlgorithm.Sha1, 8));

    public static string TokenPath(string serial) => $"{ApiPath}/{Uri.EscapeDataString(serial)}";

    /// <summary>Posts a seed file to the import endpoint as <paramref name="mediaType"/>, with the pre-shared key as <c>psk</c> when given.</summary>
    public static Task<HttpResponseMessage> ImportAsync(HttpClient http, string file, string mediaType, string? psk = null)
    {
        var content = new StringContent(file, Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(mediaType);
        return http.PostAsync(ApiPath + "/import" + (psk is null ? "" : $"?psk={psk}"), content);
    }

    /// <summary>Imports RFC 6030's encrypted example under a new serial (asserting it was added); the serial.</summary>
    public static async Task<string> ImportRfcTokenAsync(HttpClient http)
    {
        var serial = SeedFileSamples.UniqueSerial();
        using var response = await ImportAsync(http, SeedFileSamples.WithSerial(SeedFileSamples.PreSharedKeyHotp, serial), SeedFiles.PskcMediaType, SeedFileSamples.PreSharedKeyHex);
        var report = await response.AssertOkJsonAsync();
        Xunit.Assert.Equal(1, report.GetProperty("added").GetInt32());
        return serial;
    }

    /// <summary>Imports one token with a fresh random seed from a CSV file (asserting it was added); the serial and the token to play.</summary>
    public static async Task<(string Serial, TestDevice Token)> ImportRandomTokenAsync(HttpClient http, OtpType type, int digits = 6, long counter = 0)
    {
        var serial = SeedFileSamples.UniqueSerial();
        var seed = OtpSecret.Generate(OtpHashAlgorithm.Sha1);
        var row = $"{serial},{Convert.ToHexString(seed)},{(type == OtpType.Totp ? "totp" : "hotp")},{digits},{(type == OtpType.Totp ? 30 : counter)}";
        using var response = await ImportAsync(http, SeedFileSamples.Csv(row), SeedFiles.CsvMediaType);
        Xunit.Assert.Equal(1, (await response.AssertOkJsonAsync()).GetProperty("added").GetInt32());
        return (serial, new TestDevice(Guid.Empty, seed, new OtpParameters(type, OtpHashAlgorithm.Sha1, digits)));
    }

    /// <summary>Assigns the token to the user (id or e-mail address), asserting it worked; the answer (with <c>recoveryCodes</c> for a first device).</summary>
    public static async Task<JsonElement> AssignAsync(HttpClient http, string serial, string user)
    {
        using var response = await http.PostAsJsonAsync(TokenPath(serial) + "/assign", new { user });
        return await response.AssertOkJsonAsync();
    }

    /// <summary>Posts an action without a body (<c>unassign</c>, <c>disable</c>, <c>enable</c>, <c>lost</c>).</summary>
    public static Task<HttpResponseMessage> ActAsync(HttpClient http, string serial, string action) =>
        http.PostAsync($"{TokenPath(serial)}/{action}", content: null);

    /// <summary>The token as the API lists it.</summary>
    public static async Task<JsonElement> GetAsync(HttpClient http, string serial)
    {
        using var response = await http.GetAsync(TokenPath(serial));
        return await response.AssertOkJsonAsync();
    }

    /// <summary>The body of a 200 answer; any other status fails the test with the body.</summary>
    public static async Task<JsonElement> AssertOkJsonAsync(this HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Xunit.Assert.True(response.StatusCode == HttpStatusCode.OK, $"Expected 200, got {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
