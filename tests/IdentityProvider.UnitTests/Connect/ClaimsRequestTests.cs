using IdentityProvider.Connect;
using OpenIddict.Abstractions;

namespace IdentityProvider.UnitTests.Connect;

public class ClaimsRequestTests
{
    [Fact]
    public void TryRead_WithoutTheParameter_AsksForNothing()
    {
        Assert.True(ClaimsRequest.TryRead(new OpenIddictRequest(), out var claims));
        Assert.Empty(claims.IdToken);
        Assert.Empty(claims.UserInfo);
    }

    [Fact]
    public void TryRead_KeepsTheServedClaims_ByWhereTheyGo_AndTheirScopes()
    {
        var request = Request("""{"id_token":{"email":null,"auth_time":{"essential":true}},"userinfo":{"name":{"essential":true},"shoe_size":null,"address":{}}}""");

        Assert.True(ClaimsRequest.TryRead(request, out var claims));

        Assert.Equal(["email"], claims.IdToken);
        Assert.Equal(["name"], claims.UserInfo);
        Assert.Equal(["email", "profile"], claims.Scopes.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{")]
    [InlineData("[]")]
    [InlineData("\"name\"")]
    [InlineData("""{"userinfo":["name"]}""")]
    [InlineData("""{"id_token":{"name":"essential"}}""")]
    [InlineData("""{"id_token":{"name":true}}""")]
    public void TryRead_Malformed_IsRefused(string value)
    {
        Assert.False(ClaimsRequest.TryRead(Request(value), out _));
    }

    [Fact]
    public void TryRead_GivenTwice_IsRefused()
    {
        var request = new OpenIddictRequest();
        request.SetParameter("claims", new OpenIddictParameter(["""{"userinfo":{"name":null}}""", """{"userinfo":{"email":null}}"""]));

        Assert.False(ClaimsRequest.TryRead(request, out _));
    }

    private static OpenIddictRequest Request(string claims)
    {
        var request = new OpenIddictRequest();
        request.SetParameter("claims", claims);
        return request;
    }
}
