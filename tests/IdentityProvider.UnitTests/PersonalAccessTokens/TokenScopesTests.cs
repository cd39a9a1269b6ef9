using IdentityProvider.PersonalAccessTokens;

namespace IdentityProvider.UnitTests.PersonalAccessTokens;

public class TokenScopesTests
{
    private static readonly string[] OnToken = ["api", "reports"];

    [Fact]
    public void Grant_NoScopeRequested_GrantsAllOfTheTokensScopes()
    {
        Assert.Equal(OnToken, Granted(TokenScopes.Grant(OnToken, [], _ => true, out var missing)));
        Assert.Null(missing);
    }

    [Fact]
    public void Grant_Subset_GrantsThatSubset()
    {
        Assert.Equal(["reports"], Granted(TokenScopes.Grant(OnToken, ["reports"], _ => true, out _)));
    }

    [Fact]
    public void Grant_ScopeNotOnToken_RefusedNamingIt()
    {
        Assert.Null(TokenScopes.Grant(OnToken, ["api", "admin"], _ => true, out var missing));
        Assert.Equal("admin", missing);
    }

    [Fact]
    public void Grant_ClientNotPermittedAScope_LeavesItOut()
    {
        Assert.Equal(["api"], Granted(TokenScopes.Grant(OnToken, [], scope => scope == "api", out var missing)));
        Assert.Null(missing);
    }

    [Fact]
    public void SplitAndJoin_RoundTrip_IgnoringExtraSpaces()
    {
        Assert.Equal(["api", "reports"], TokenScopes.Split("  api   reports "));
        Assert.Equal("api reports", TokenScopes.Join(["api", "reports"]));
        Assert.Empty(TokenScopes.Split(""));
    }

    private static string[] Granted(string[]? scopes)
    {
        Assert.NotNull(scopes);
        return scopes;
    }
}
