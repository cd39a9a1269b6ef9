using System.Net;
using IdentityProvider.Localization;
using IdentityProvider.PersonalAccessTokens;
using IdentityProvider.Testing.Pages;
using IdentityProvider.Testing.Stories;
using Microsoft.AspNetCore.WebUtilities;

namespace IdentityProvider.IntegrationTests.Reliability.HostileInput;

/// <summary>
/// A token in a query string (where proxies, browsers and logs keep it) is never taken as a credential: a PAT or an
/// access token there is refused at the token endpoint, userinfo and the admin API, while the same PAT in the form
/// body works; and neither reaches a log line.
/// </summary>
[Collection(HostileInputCollection.Name)]
public sealed class QueryStringTokenTests(HostileInputFixture provider)
{
    [Fact]
    public async Task TokenInQueryString_RefusedEverywhere_NeverLogged()
    {
        var created = await provider.Factory.WithServiceAsync<UserTokens, ChangeResult<CreatedToken>>(tokens =>
            tokens.CreateAsync(provider.AccountUser.Id, new NewTokenInput("query-string", 30, false, ["api"])));
        var pat = created.Value!.Secret;
        var adminToken = await AdminApiStories.ServiceTokenAsync(provider.Factory);
        using var http = provider.Factory.CreateClient();
        var grant = new Dictionary<string, string?>
        {
            ["grant_type"] = PersonalAccessTokenProtocol.GrantType,
            ["token"] = pat,
            ["client_id"] = HostileInputFixture.TokenClient,
        };

        using var tokenByQuery = await http.PostAsync(QueryHelpers.AddQueryString(HostileEndpoints.Token, grant), new FormUrlEncodedContent([]));
        using var userInfoByQuery = await http.GetAsync(QueryHelpers.AddQueryString(HostileEndpoints.UserInfo, "access_token", pat));
        using var apiByPatQuery = await http.GetAsync(QueryHelpers.AddQueryString(HostileEndpoints.Users, "access_token", pat));
        using var apiByTokenQuery = await http.GetAsync(QueryHelpers.AddQueryString(HostileEndpoints.Users, "access_token", adminToken));
        using var tokenByBody = await http.PostAsync(HostileEndpoints.Token, new FormUrlEncodedContent(grant));

        Assert.Equal(HttpStatusCode.BadRequest, tokenByQuery.StatusCode);
        Assert.DoesNotContain("access_token", await tokenByQuery.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(userInfoByQuery.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized, $"userinfo: {(int)userInfoByQuery.StatusCode}");
        Assert.Equal(HttpStatusCode.Unauthorized, apiByPatQuery.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, apiByTokenQuery.StatusCode);
        Assert.Equal(HttpStatusCode.OK, tokenByBody.StatusCode);
        Assert.DoesNotContain(provider.Factory.Logs.Lines, line => line.Contains(pat, StringComparison.Ordinal) || line.Contains(adminToken, StringComparison.Ordinal));
    }
}
