using System.Text.Json;
using IdentityProvider.Testing;
using IdentityProvider.Testing.Stories;
using static IdentityProvider.IntegrationTests.Connect.ProtocolTestSupport;

namespace IdentityProvider.IntegrationTests.Connect;

/// <summary>
/// The standard claims (OpenID Connect Core 5.1, 5.4) per scope, alike in the id_token and the userinfo answer: <c>profile</c>
/// releases the names, the language, the time zone and <c>updated_at</c>, <c>phone</c> the phone number; none without its
/// scope, and none without a value.
/// </summary>
public sealed class StandardClaimsTests(ProviderFixture provider) : IClassFixture<ProviderFixture>
{
    private static readonly DateTimeOffset ProfileChanged = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    private static readonly string[] ProfileClaims = ["name", "given_name", "family_name", "preferred_username", "locale", "zoneinfo", "updated_at"];

    private static readonly string[] PhoneClaims = ["phone_number", "phone_number_verified"];

    [Fact]
    public async Task ProfileEmailAndPhone_IdTokenAndUserInfo_CarryTheStandardClaims()
    {
        var user = await UserWithFullProfileAsync();

        var (idToken, userInfo) = await ClaimsForAsync(user, "openid profile email phone");

        foreach (var claims in new[] { idToken, userInfo })
        {
            Assert.Equal("Ilse Varga-Moreau", claims.GetProperty("name").GetString());
            Assert.Equal("Ilse", claims.GetProperty("given_name").GetString());
            Assert.Equal("Varga-Moreau", claims.GetProperty("family_name").GetString());
            Assert.Equal(user.Email, claims.GetProperty("preferred_username").GetString());
            // The language the pages were in at this sign-in (English), and the zone the browser once reported.
            Assert.Equal("en", claims.GetProperty("locale").GetString());
            Assert.Equal("Europe/Berlin", claims.GetProperty("zoneinfo").GetString());
            Assert.Equal(JsonValueKind.Number, claims.GetProperty("updated_at").ValueKind);
            Assert.Equal(ProfileChanged.ToUnixTimeSeconds(), claims.GetProperty("updated_at").GetInt64());
            Assert.Equal(user.Email, claims.GetProperty("email").GetString());
            Assert.Equal("+4930123456789", claims.GetProperty("phone_number").GetString());
            Assert.True(claims.GetProperty("phone_number_verified").GetBoolean());
        }
    }

    [Fact]
    public async Task WithoutProfileAndPhoneScopes_NeitherTokenNorUserInfoCarriesTheirClaims()
    {
        var user = await UserWithFullProfileAsync();

        var (idToken, userInfo) = await ClaimsForAsync(user, "openid email");

        foreach (var claims in new[] { idToken, userInfo })
        {
            Assert.Empty(Names(claims).Intersect(ProfileClaims.Concat(PhoneClaims)));
            Assert.Equal(user.Email, claims.GetProperty("email").GetString());
        }
    }

    [Fact]
    public async Task PhoneScopeAlone_ReleasesThePhoneClaimsOnly()
    {
        var user = await UserWithFullProfileAsync();

        var (idToken, userInfo) = await ClaimsForAsync(user, "openid phone");
        var (profileIdToken, profileUserInfo) = await ClaimsForAsync(user, "openid profile");

        foreach (var claims in new[] { idToken, userInfo })
        {
            Assert.Equal("+4930123456789", claims.GetProperty("phone_number").GetString());
            Assert.Empty(Names(claims).Intersect(ProfileClaims));
            Assert.False(claims.TryGetProperty("email", out _), claims.ToString());
        }

        foreach (var claims in new[] { profileIdToken, profileUserInfo })
        {
            Assert.Empty(Names(claims).Intersect(PhoneClaims));
            Assert.Equal("Ilse", claims.GetProperty("given_name").GetString());
        }
    }

    [Fact]
    public async Task UserWithoutNamesOrPhone_ClaimsWithoutValueAreOmitted_NeverEmpty()
    {
        // Created with a display name only: no given or family name, no phone number, no time zone reported yet.
        var user = await UserStories.CreateUserAsync(provider.Factory, displayName: "Oskar Lind");

        var (idToken, userInfo) = await ClaimsForAsync(user, "openid profile email phone");

        foreach (var claims in new[] { idToken, userInfo })
        {
            Assert.Empty(Names(claims).Intersect(["given_name", "family_name", "zoneinfo", .. PhoneClaims]));
            Assert.Equal("Oskar Lind", claims.GetProperty("name").GetString());
            // Never changed: the account's creation stands for the last update.
            Assert.Equal(JsonValueKind.Number, claims.GetProperty("updated_at").ValueKind);
            Assert.DoesNotContain(claims.EnumerateObject(), member => member.Value.ValueKind == JsonValueKind.String && member.Value.GetString()!.Length == 0);
        }
    }

    /// <summary>A user whose profile holds every standard claim the provider serves.</summary>
    private async Task<TestUser> UserWithFullProfileAsync()
    {
        var user = await UserStories.CreateUserAsync(provider.Factory, displayName: "Ilse Varga-Moreau");
        await provider.Factory.UpdateUserAsync(user.Id, stored =>
        {
            stored.GivenName = "Ilse";
            stored.FamilyName = "Varga-Moreau";
            stored.TimeZone = "Europe/Berlin";
            stored.PhoneNumber = "+4930123456789";
            stored.PhoneNumberConfirmed = true;
            stored.ProfileUpdatedAt = ProfileChanged;
        });
        return user;
    }

    /// <summary>Signs <paramref name="user"/> in at the web client for <paramref name="scope"/>: the id_token's payload and the userinfo answer.</summary>
    private async Task<(JsonElement IdToken, JsonElement UserInfo)> ClaimsForAsync(TestUser user, string scope)
    {
        using var client = provider.CreateClient();
        var request = new AuthorizationRequest("web", TestData.WebRedirectUri, scope);
        var tokens = await UserStories.ExchangeCodeAsync(client, request, await UserStories.SignInWithPasswordAsync(client, request, user));
        return (Payload(tokens.IdTokenJwt), await UserInfoAsync(client.Http, tokens.AccessToken!));
    }
}
