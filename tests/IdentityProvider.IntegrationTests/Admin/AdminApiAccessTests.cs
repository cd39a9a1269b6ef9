using System.Net;
using IdentityProvider.Testing;
using IdentityProvider.Testing.Stories;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using static IdentityProvider.Testing.Stories.AdminApiStories;

namespace IdentityProvider.IntegrationTests.Admin;

/// <summary>Who may call the admin API: a token of this provider with scope idp.admin, and nobody else.</summary>
public class AdminApiAccessTests(ProviderFixture provider) : IClassFixture<ProviderFixture>
{
    private const string PolicyPath = "/api/admin/policy";

    [Fact]
    public async Task AdminApi_Anonymous_Is401ProblemDocument()
    {
        using var http = ApiClient(provider.Factory, accessToken: null);

        using var response = await http.GetAsync(PolicyPath);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(401, (await response.JsonAsync()).GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task AdminApi_TokenWithoutAdminScope_Is403()
    {
        using var http = ApiClient(provider.Factory, await ServiceTokenAsync(provider.Factory, scope: "api", clientId: "service", secret: TestData.ServiceSecret));

        using var response = await http.GetAsync(PolicyPath);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task AdminApi_ForgedOrGarbageBearer_Is401()
    {
        using var http = ApiClient(provider.Factory, "not-a-token");

        using var response = await http.GetAsync(PolicyPath);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task AdminApi_SessionCookieOfAnAdministrator_IsNotEnough()
    {
        var (client, _) = await UserStories.SignedInAdminAsync(provider);
        using (client)
        {
            using var response = await client.Http.GetAsync(PolicyPath);

            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }
    }

    [Fact]
    public async Task AdminApi_ServiceClientWithAdminScope_ReadsThePolicy()
    {
        using var http = await ServiceApiClientAsync(provider.Factory);

        using var response = await http.GetAsync(PolicyPath);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.True(body.GetProperty("policy").GetProperty("lockoutThreshold").GetInt32() > 0);
    }

    [Fact]
    public async Task OpenApiDocument_DescribesTheAdminApiOnly_AndTheReferencePageIsServedHere()
    {
        using var http = provider.Factory.CreateClient();

        using var document = await http.GetAsync("/openapi/v1.json");
        var paths = (await document.JsonAsync()).GetProperty("paths").EnumerateObject().Select(path => path.Name).ToList();
        using var reference = await http.GetAsync("/api/admin/docs/index.html");

        Assert.Contains(PolicyPath, paths);
        Assert.All(paths, path => Assert.StartsWith("/api/admin/", path, StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, reference.StatusCode);
        Assert.DoesNotContain("https://", await reference.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenApiDocument_ListsEveryAdminEndpointWithItsMethod()
    {
        using var http = provider.Factory.CreateClient();
        var documented = (await (await http.GetAsync("/openapi/v1.json")).JsonAsync()).GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(method => $"{method.Name.ToUpperInvariant()} {path.Name}"))
            .ToHashSet(StringComparer.Ordinal);

        var mapped = provider.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(endpoint => endpoint.RoutePattern.RawText?.StartsWith("/api/admin/", StringComparison.Ordinal) == true
                && !endpoint.RoutePattern.RawText.StartsWith("/api/admin/docs", StringComparison.Ordinal))
            .SelectMany(endpoint => (endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(method =>
                $"{method} {endpoint.RoutePattern.RawText!.TrimEnd('/')}"))
            .ToList();

        Assert.True(mapped.Count >= 25, $"Only {mapped.Count} admin endpoints found: {string.Join(", ", mapped)}");
        Assert.All(mapped, endpoint => Assert.Contains(endpoint, documented));
    }
}
