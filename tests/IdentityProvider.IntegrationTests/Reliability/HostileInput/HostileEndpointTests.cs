using System.Text.Json;
using IdentityProvider.Testing.Pages;
using IdentityProvider.Testing.Stories;

namespace IdentityProvider.IntegrationTests.Reliability.HostileInput;

/// <summary>
/// The protocol endpoints and the admin API against hand-made requests (<see cref="HostileEndpoints.All"/>): duplicated
/// and missing parameters, wrong content types, invalid UTF-8, over-long and oversized values, control, bidi and
/// zero-width characters, markup and SQL, XML bombs and external entities. Each gets its status (and OAuth error),
/// never a 500 or a stack trace, and changes nothing (a stored name comes back only as JSON, with nosniff).
/// </summary>
[Collection(HostileInputCollection.Name)]
public sealed class HostileEndpointTests(HostileInputFixture provider)
{
    public static TheoryData<string> Rows() => [.. HostileEndpoints.All.Select(attack => attack.Name)];

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task Endpoint_HostileRequest_ClearError_NothingChanged_NoServerError(string name)
    {
        var attack = HostileEndpoints.Named(name);
        using var http = attack.AsAdmin ? await AdminApiStories.ServiceApiClientAsync(provider.Factory) : provider.Factory.CreateClient();
        var before = await ProviderState.FingerprintAsync(provider.Factory);
        var tracesBefore = StackTraces();

        using var response = await HostileForms.SendAsync(http, attack, provider.Values);

        var body = await response.Content.ReadAsStringAsync();
        HostileAnswers.AssertNoServerErrorNorLeak(response.StatusCode, body);
        Assert.True(attack.Statuses.Contains((int)response.StatusCode), $"{name}: {(int)response.StatusCode} {HostileAnswers.Excerpt(body)}");
        Assert.Equal(tracesBefore, StackTraces());
        if (response.Content.Headers.ContentType?.MediaType is { } type && !type.EndsWith("json", StringComparison.Ordinal))
        {
            Assert.DoesNotContain(HostileForms.HtmlPayload, body, StringComparison.Ordinal);
        }

        // JSON with nosniff is data to a browser, never markup, whatever its strings hold.
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.DoesNotContain("root:", body, StringComparison.Ordinal);
        Assert.False(response.Headers.Location?.OriginalString.Contains("evil.example", StringComparison.Ordinal) == true, $"{name} redirected to {response.Headers.Location}");
        if (attack.OAuthError is { } error)
        {
            Assert.Equal(error, JsonDocument.Parse(body).RootElement.GetProperty("error").GetString());
        }

        if (!attack.MayChange)
        {
            Assert.Equal(before, await ProviderState.FingerprintAsync(provider.Factory));
        }
    }

    private int StackTraces() => provider.Factory.Logs.Lines.Count(line => line.Contains("   at ", StringComparison.Ordinal));
}
