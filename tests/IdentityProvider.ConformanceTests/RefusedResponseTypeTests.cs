namespace IdentityProvider.ConformanceTests;

/// <summary>
/// The implicit and hybrid plans (<c>oidcc-implicit-certification-test-plan</c>, <c>oidcc-hybrid-certification-test-plan</c>
/// and their form-post twins) expect tokens from the authorization endpoint, which the provider never issues (code flow
/// only). Their first request, for each response type, gets <c>unsupported_response_type</c> back at the client with its
/// state, in the fragment the response type calls for (or posted, in form-post mode), and no code or token.
/// </summary>
[Collection(ConformanceCollection.Name)]
public sealed class RefusedResponseTypeTests(SuiteProvider provider)
{
    [Theory]
    [InlineData("id_token", null)]
    [InlineData("id_token token", null)]
    [InlineData("code id_token", null)]
    [InlineData("code token", null)]
    [InlineData("code id_token token", null)]
    [InlineData("id_token", "form_post")]
    [InlineData("id_token token", "form_post")]
    [InlineData("code id_token", "form_post")]
    [InlineData("code token", "form_post")]
    [InlineData("code id_token token", "form_post")]
    public async Task ImplicitOrHybridResponseType_IsRefusedAsUnsupported(string responseType, string? responseMode)
    {
        await using var run = await SuiteRun.StartAsync(provider, responseMode);
        var request = run.NewRequest().With("response_type", responseType);

        var callback = await run.AuthorizeAsync(request);
        var response = responseMode == "form_post" ? run.ResponseOf(callback) : FragmentOf(run);

        Assert.Equal("unsupported_response_type", SuiteChecks.AuthorizationError(response, request.State, run.Discovery.Issuer));
        Assert.DoesNotContain(response.Keys, key => key is "access_token" or "id_token" or "code");
        Assert.DoesNotContain("error", callback.Query.Keys);
    }

    /// <summary>The fragment of the address the browser landed on (a fragment never reaches a server).</summary>
    private static IReadOnlyDictionary<string, string> FragmentOf(SuiteRun run) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri(run.Browser.Page.Url).Fragment.TrimStart('#'))
            .ToDictionary(pair => pair.Key, pair => pair.Value.ToString());
}
