using IdentityProvider.Settings;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace IdentityProvider.UnitTests.Hosting;

/// <summary>
/// <see cref="ProviderSettings.Load"/>: the documented defaults, and a bad value stops the start with an
/// <see cref="InvalidConfigurationException"/> whose message names the exact key.
/// </summary>
public sealed class ProviderSettingsTests : IDisposable
{
    private readonly FakeEnvironment environment = new();

    public void Dispose() => environment.Dispose();

    [Fact]
    public void Load_EmptyConfiguration_UsesDocumentedDefaults()
    {
        var settings = Load(new Dictionary<string, string?>());

        Assert.Equal(DatabaseProvider.Sqlite, settings.Database.Provider);
        Assert.True(settings.Database.MigrateOnStart);
        Assert.Null(settings.Server.Issuer);
        Assert.True(settings.Server.RequireHttps);
        Assert.Equal(SigningAlgorithm.RS256, settings.Server.SigningAlgorithm);
        Assert.Equal(5, settings.Lockout.MaxFailedAttempts);
        Assert.Equal(15, settings.Lockout.DurationMinutes);
        Assert.False(settings.Tokens.AllowSignInByToken);
        Assert.Equal(90, settings.Tokens.DefaultLifetimeDays);
        Assert.Equal(365, settings.Tokens.MaxLifetimeDays);
        Assert.Equal(15, settings.Tokens.AccessTokenLifetimeMinutes);
        Assert.Equal(1, settings.TwoStep.TotpWindow);
        Assert.Equal(10, settings.TwoStep.HotpLookAhead);
        Assert.Equal(5, settings.TwoStep.MaxFailedAttempts);
        Assert.Equal(7, settings.TwoStep.GracePeriodDays);
        Assert.Equal(30, settings.TwoStep.RememberBrowserDays);
        Assert.True(settings.TwoStep.RecoveryCodesEnabled);
        Assert.Empty(settings.Seed.Users);
        Assert.Empty(settings.Seed.Clients);
        Assert.Null(settings.Email.Smtp);
        Assert.Equal(Path.Combine(environment.ContentRootPath, "App_Data", "mail"), settings.Email.PickupDirectory);
        Assert.Equal(30, settings.Email.ResetLinkMinutes);
        Assert.Equal("IdentityProvider", settings.Email.ProductName);
        Assert.Equal("no-reply@localhost", settings.Email.From.Address);
    }

    [Theory]
    [InlineData("None", 25)]
    [InlineData("StartTls", 587)]
    [InlineData("SslOnConnect", 465)]
    public void Load_SmtpHost_PortDefaultsToTheSecurityMode(string security, int port)
    {
        var settings = Load(new Dictionary<string, string?> { ["Email:Smtp:Host"] = "mail.example.org", ["Email:Smtp:Security"] = security });

        Assert.Equal("mail.example.org", settings.Email.Smtp!.Host);
        Assert.Equal(port, settings.Email.Smtp.Port);
    }

    [Fact]
    public void Load_SmtpUserNameWithoutPassword_ThrowsNamingPassword()
    {
        var error = Assert.Throws<InvalidConfigurationException>(() => Load(new Dictionary<string, string?>
        {
            ["Email:Smtp:Host"] = "mail.example.org",
            ["Email:Smtp:UserName"] = "idp",
        }));

        Assert.Equal("Email:Smtp:Password", error.Key);
    }

    [Fact]
    public void Load_ProductionWithoutSigningCertificates_ThrowsNamingKeysSigningCertificates()
    {
        environment.EnvironmentName = Environments.Production;

        var error = Assert.Throws<InvalidConfigurationException>(() => Load(new Dictionary<string, string?>()));

        Assert.Equal("Keys:SigningCertificates", error.Key);
        Assert.Contains("Keys:SigningCertificates", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_NoConnectionStringOnSqlite_UsesFileUnderContentRootAppData()
    {
        var settings = Load(new Dictionary<string, string?>());

        var expectedFile = Path.Combine(environment.ContentRootPath, "App_Data", "identityprovider.db");
        Assert.Contains(expectedFile, settings.Database.ConnectionString, StringComparison.Ordinal);
        Assert.True(Directory.Exists(Path.Combine(environment.ContentRootPath, "App_Data")));
    }

    [Fact]
    public void Load_ExplicitValues_AreRead()
    {
        var settings = Load(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "postgres",
            ["Database:MigrateOnStart"] = "false",
            ["ConnectionStrings:Default"] = "Host=db;Database=idp",
            ["Server:Issuer"] = "https://id.example.org/",
            ["Server:SigningAlgorithm"] = "ES256",
            ["Lockout:MaxFailedAttempts"] = "3",
            ["Lockout:DurationMinutes"] = "30",
        });

        Assert.Equal(DatabaseProvider.Postgres, settings.Database.Provider);
        Assert.False(settings.Database.MigrateOnStart);
        Assert.Equal("Host=db;Database=idp;Max Auto Prepare=32;No Reset On Close=True", settings.Database.ConnectionString);
        Assert.Equal(new Uri("https://id.example.org/"), settings.Server.Issuer);
        Assert.Equal(SigningAlgorithm.ES256, settings.Server.SigningAlgorithm);
        Assert.Equal(3, settings.Lockout.MaxFailedAttempts);
        Assert.Equal(30, settings.Lockout.DurationMinutes);
    }

    [Fact]
    public void Load_SeedClient_IsRead()
    {
        var settings = Load(new Dictionary<string, string?>
        {
            ["Seed:Clients:0:ClientId"] = "web",
            ["Seed:Clients:0:ClientSecret"] = "secret",
            ["Seed:Clients:0:RedirectUris:0"] = "https://rp.example/signin-oidc",
            ["Seed:Clients:0:GrantTypes:0"] = "authorization_code",
            ["Seed:Clients:0:GrantTypes:1"] = "refresh_token",
            ["Seed:Clients:0:Scopes:0"] = "openid",
        });

        var client = Assert.Single(settings.Seed.Clients);
        Assert.Equal("web", client.ClientId);
        Assert.Equal("secret", client.ClientSecret);
        Assert.Equal("web", client.DisplayName);
        Assert.Equal("implicit", client.ConsentType);
        Assert.Equal(["authorization_code", "refresh_token"], client.GrantTypes);
        Assert.Equal([new Uri("https://rp.example/signin-oidc")], client.RedirectUris);
        Assert.False(client.RefusesImpersonation);
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("false", false)]
    public void Load_SeedClientRefusesImpersonation_IsRead(string value, bool expected)
    {
        var settings = Load(new Dictionary<string, string?>
        {
            ["Seed:Clients:0:ClientId"] = "service",
            ["Seed:Clients:0:ClientSecret"] = "secret",
            ["Seed:Clients:0:GrantTypes:0"] = "client_credentials",
            ["Seed:Clients:0:RefusesImpersonation"] = value,
        });

        Assert.Equal(expected, Assert.Single(settings.Seed.Clients).RefusesImpersonation);
    }

    [Fact]
    public void Load_SeedClientRefusesImpersonationNotABool_ThrowsNamingTheKey()
    {
        var error = Assert.Throws<InvalidConfigurationException>(() => Load(new Dictionary<string, string?>
        {
            ["Seed:Clients:0:ClientId"] = "service",
            ["Seed:Clients:0:ClientSecret"] = "secret",
            ["Seed:Clients:0:GrantTypes:0"] = "client_credentials",
            ["Seed:Clients:0:RefusesImpersonation"] = "sometimes",
        }));

        Assert.Equal("Seed:Clients:0:RefusesImpersonation", error.Key);
    }

    [Theory]
    [InlineData("Lockout:MaxFailedAttempts", "abc")]
    [InlineData("Lockout:MaxFailedAttempts", "0")]
    [InlineData("Lockout:DurationMinutes", "-5")]
    [InlineData("Database:Provider", "Oracle")]
    [InlineData("Database:Provider", "1")]
    [InlineData("Database:MigrateOnStart", "maybe")]
    [InlineData("Server:Issuer", "not a url")]
    [InlineData("Server:Issuer", "ftp://id.example.org/")]
    [InlineData("Server:SigningAlgorithm", "HS256")]
    [InlineData("RateLimiting:SignInPerMinute", "many")]
    [InlineData("Tokens:AccessTokenLifetimeMinutes", "0")]
    [InlineData("Log:Format", "Xml")]
    [InlineData("TwoStep:TotpWindow", "abc")]
    [InlineData("TwoStep:RecoveryCodesEnabled", "yes please")]
    [InlineData("Email:Smtp:Port", "70000")]
    [InlineData("Email:Smtp:Security", "Tls")]
    [InlineData("Email:From", "not an address")]
    [InlineData("Email:ResetLinkMinutes", "0")]
    [InlineData("Email:ResetLinksPerAccountPerHour", "lots")]
    [InlineData("Email:PollSeconds", "0")]
    [InlineData("Ui:DefaultLanguage", "de")]
    [InlineData("Ui:TimeZone", "Mars/Olympus")]
    public void Load_BadValue_ThrowsNamingTheKey(string key, string value)
    {
        var error = Assert.Throws<InvalidConfigurationException>(() => Load(new Dictionary<string, string?> { [key] = value }));

        Assert.Equal(key, error.Key);
        Assert.Contains(key, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Load_UnknownGrantType_ThrowsNamingTheClientsGrantTypesKey()
    {
        var error = Assert.Throws<InvalidConfigurationException>(() => Load(new Dictionary<string, string?>
        {
            ["Seed:Clients:0:ClientId"] = "legacy",
            ["Seed:Clients:0:ClientSecret"] = "secret",
            ["Seed:Clients:0:GrantTypes:0"] = "password",
        }));

        Assert.StartsWith("Seed:Clients:0:GrantTypes", error.Key, StringComparison.Ordinal);
        Assert.Contains("Seed:Clients:0:GrantTypes", error.Message, StringComparison.Ordinal);
        Assert.Contains("password", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_LanguageWithoutTexts_ThrowsNamingTheListKeyAndValue()
    {
        var error = Assert.Throws<InvalidConfigurationException>(() => Load(new Dictionary<string, string?> { ["Ui:Languages:0"] = "de" }));

        Assert.Equal("Ui:Languages", error.Key);
        Assert.Contains("'de'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_OneLanguageOnly_IsAlsoTheDefault()
    {
        var settings = Load(new Dictionary<string, string?> { ["Ui:Languages:0"] = "ru" });

        Assert.Equal(["ru"], settings.Ui.Languages);
        Assert.Equal("ru", settings.Ui.DefaultLanguage);
    }

    [Fact]
    public void Load_BadKnownProxy_ThrowsNamingTheListKeyAndValue()
    {
        var error = Assert.Throws<InvalidConfigurationException>(() => Load(new Dictionary<string, string?>
        {
            ["ForwardedHeaders:KnownProxies:0"] = "not-an-address",
        }));

        Assert.Equal("ForwardedHeaders:KnownProxies", error.Key);
        Assert.Contains("not-an-address", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_PostgresWithoutConnectionString_ThrowsNamingConnectionStringsDefault()
    {
        var error = Assert.Throws<InvalidConfigurationException>(() => Load(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
        }));

        Assert.Equal("ConnectionStrings:Default", error.Key);
        Assert.Contains("ConnectionStrings:Default", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Host=db;Max Auto Prepare=0", "Host=db;Max Auto Prepare=0;No Reset On Close=True")]
    [InlineData("Host=db;MaxAutoPrepare=0", "Host=db;Max Auto Prepare=0;No Reset On Close=True")]
    [InlineData("Host=db;No Reset On Close=false", "Host=db;No Reset On Close=False;Max Auto Prepare=32")]
    [InlineData("Host=db;NoResetOnClose=false", "Host=db;No Reset On Close=False;Max Auto Prepare=32")]
    public void Load_PostgresConnectionStringChoosingADefaultedKeyword_IsKept(string connectionString, string expected)
    {
        var settings = Load(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:Default"] = connectionString,
        });

        Assert.Equal(expected, settings.Database.ConnectionString);
    }

    [Fact]
    public void Load_PostgresConnectionStringWithUnknownKeyword_ThrowsNamingConnectionStringsDefault()
    {
        var error = Assert.Throws<InvalidConfigurationException>(() => Load(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:Default"] = "Host=db;Pasword=secret",
        }));

        Assert.Equal("ConnectionStrings:Default", error.Key);
        Assert.DoesNotContain("secret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ClientCredentialsWithoutSecret_ThrowsNamingTheClientSecretKey()
    {
        var error = Assert.Throws<InvalidConfigurationException>(() => Load(new Dictionary<string, string?>
        {
            ["Seed:Clients:0:ClientId"] = "service",
            ["Seed:Clients:0:GrantTypes:0"] = "client_credentials",
        }));

        Assert.Equal("Seed:Clients:0:ClientSecret", error.Key);
        Assert.Contains("Seed:Clients:0:ClientSecret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_SecondClientBad_NamesThatClientsIndex()
    {
        var error = Assert.Throws<InvalidConfigurationException>(() => Load(new Dictionary<string, string?>
        {
            ["Seed:Clients:0:ClientId"] = "service",
            ["Seed:Clients:0:ClientSecret"] = "secret",
            ["Seed:Clients:0:GrantTypes:0"] = "client_credentials",
            ["Seed:Clients:1:ClientId"] = "other",
            ["Seed:Clients:1:GrantTypes:0"] = "client_credentials",
        }));

        Assert.Equal("Seed:Clients:1:ClientSecret", error.Key);
    }

    [Theory]
    [InlineData("Seed:Users:0:Password", "Seed:Users:0:Email", "alice@example.com")]
    [InlineData("Seed:Users:0:Email", "Seed:Users:0:Password", "a-password-1")]
    public void Load_SeedUserMissingRequiredField_ThrowsNamingIt(string missingKey, string presentKey, string presentValue)
    {
        var error = Assert.Throws<InvalidConfigurationException>(() => Load(new Dictionary<string, string?>
        {
            [presentKey] = presentValue,
            ["Seed:Users:0:Name"] = "Someone",
        }));

        Assert.Equal(missingKey, error.Key);
    }

    [Fact]
    public void Load_AuthorizationCodeClientWithoutRedirectUri_ThrowsNamingRedirectUris()
    {
        var error = Assert.Throws<InvalidConfigurationException>(() => Load(new Dictionary<string, string?>
        {
            ["Seed:Clients:0:ClientId"] = "web",
            ["Seed:Clients:0:GrantTypes:0"] = "authorization_code",
        }));

        Assert.Equal("Seed:Clients:0:RedirectUris", error.Key);
    }

    private ProviderSettings Load(Dictionary<string, string?> values)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        return ProviderSettings.Load(configuration, environment);
    }

    /// <summary>Just enough of a host environment: a content root in a temporary folder of its own.</summary>
    private sealed class FakeEnvironment : IHostEnvironment, IDisposable
    {
        public FakeEnvironment()
        {
            ContentRootPath = Directory.CreateTempSubdirectory("idp-settings-").FullName;
            ContentRootFileProvider = new NullFileProvider();
        }

        // Why: not Production, where development signing keys are refused without certificates.
        public string EnvironmentName { get; set; } = "Testing";

        public string ApplicationName { get; set; } = "IdentityProvider";

        public string ContentRootPath { get; set; }

        public IFileProvider ContentRootFileProvider { get; set; }

        public void Dispose() => Directory.Delete(ContentRootPath, recursive: true);
    }
}
