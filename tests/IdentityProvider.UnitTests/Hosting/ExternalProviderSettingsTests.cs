using IdentityProvider.Settings;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace IdentityProvider.UnitTests.Hosting;

/// <summary><c>ExternalProviders[]</c>: a good provider is read whole; each bad value stops the start naming its key.</summary>
public sealed class ExternalProviderSettingsTests
{
    private static readonly Dictionary<string, string?> Corp = new()
    {
        ["ExternalProviders:0:Id"] = "corp",
        ["ExternalProviders:0:Name"] = "Corp SSO",
        ["ExternalProviders:0:Authority"] = "https://login.corp.example/",
        ["ExternalProviders:0:ClientId"] = "idp",
        ["ExternalProviders:0:ClientSecret"] = "secret",
        ["ExternalProviders:0:Scopes:0"] = "email",
    };

    [Fact]
    public void Load_OpenIdConnectAndNamed_ReadWhole_RegistrationOffByDefault()
    {
        var providers = Load(new Dictionary<string, string?>(Corp)
        {
            ["ExternalProviders:1:Id"] = "yandex",
            ["ExternalProviders:1:Name"] = "Яндекс ID",
            ["ExternalProviders:1:Provider"] = "yandex",
            ["ExternalProviders:1:ClientId"] = "app",
            ["ExternalProviders:1:AllowRegistration"] = "true",
        });

        Assert.Equal(new Uri("https://login.corp.example/"), providers[0].Authority);
        Assert.Equal(["email"], providers[0].Scopes);
        Assert.False(providers[0].AllowRegistration);
        Assert.Equal("/signin/corp/callback", providers[0].CallbackPath);
        Assert.Equal("Yandex", providers[1].Provider);
        Assert.True(providers[1].AllowRegistration);
    }

    [Theory]
    [InlineData("ExternalProviders:0:Id", "Corp SSO")]
    [InlineData("ExternalProviders:0:Id", "")]
    [InlineData("ExternalProviders:0:Name", "")]
    [InlineData("ExternalProviders:0:ClientId", " ")]
    [InlineData("ExternalProviders:0:Authority", "login.corp.example")]
    [InlineData("ExternalProviders:0:Authority", "http://login.corp.example/")]
    [InlineData("ExternalProviders:0:Authority", "")]
    [InlineData("ExternalProviders:0:Provider", "MySpace")]
    [InlineData("ExternalProviders:0:AllowRegistration", "sometimes")]
    public void Load_BadValue_ThrowsNamingTheKey(string key, string value)
    {
        var values = new Dictionary<string, string?>(Corp) { [key] = value };
        if (key.EndsWith(":Provider", StringComparison.Ordinal))
        {
            values.Remove("ExternalProviders:0:Authority");
        }

        var error = Assert.Throws<InvalidConfigurationException>(() => Load(values));

        Assert.Equal(key, error.Key);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Load_BothAuthorityAndProvider_Refused() =>
        Assert.Equal("ExternalProviders:0:Authority",
            Assert.Throws<InvalidConfigurationException>(() => Load(new Dictionary<string, string?>(Corp) { ["ExternalProviders:0:Provider"] = "GitHub" })).Key);

    [Fact]
    public void Load_TheSameIdTwice_Refused()
    {
        var values = new Dictionary<string, string?>(Corp);
        foreach (var (key, value) in Corp)
        {
            values[key.Replace(":0:", ":1:", StringComparison.Ordinal)] = value;
        }

        Assert.Contains("twice", Assert.Throws<InvalidConfigurationException>(() => Load(values)).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Development", null, true)]
    [InlineData("Production", "false", true)]
    [InlineData("Production", null, false)]
    public void Load_PlainHttpLoopback_OnlyWithoutTls(string environment, string? requireHttps, bool allowed)
    {
        var values = new Dictionary<string, string?>(Corp) { ["ExternalProviders:0:Authority"] = "http://127.0.0.1:5001/", ["Server:RequireHttps"] = requireHttps };

        var load = () => Load(values, environment);

        if (allowed)
        {
            Assert.Equal(new Uri("http://127.0.0.1:5001/"), Assert.Single(load()).Authority);
        }
        else
        {
            Assert.Throws<InvalidConfigurationException>(load);
        }
    }

    private static ExternalProvider[] Load(Dictionary<string, string?> values, string environment = "Testing") =>
        ExternalProviderSettings.Load(new ConfigurationBuilder().AddInMemoryCollection(values).Build(), new Environment(environment));

    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;

        public string ApplicationName { get; set; } = "IdentityProvider";

        public string ContentRootPath { get; set; } = Path.GetTempPath();

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
