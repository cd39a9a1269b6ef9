using IdentityProvider.Admin.Api;
using IdentityProvider.Connect;
using IdentityProvider.ExternalSignIn;
using IdentityProvider.Hosting;
using IdentityProvider.Settings;

if (args.Contains(CommandLineModes.HealthCheck))
{
    return await CommandLineModes.HealthCheckAsync(args);
}

var builder = WebApplication.CreateBuilder(args);
ProviderSettings settings;
try
{
    settings = ProviderSettings.Load(builder.Configuration, builder.Environment);
}
catch (InvalidConfigurationException error) when (!builder.Configuration.GetValue<bool>(ProviderSettings.ThrowOnInvalidSettingsKey))
{
    // One line naming the key, not a stack trace.
    Console.Error.WriteLine(error.Message);
    return 1;
}

builder.AddProviderLogging(settings.Log);
builder.Services.AddSingleton(settings);
builder.Services.AddProviderServices(settings);

var app = builder.Build();
if (args.Contains(CommandLineModes.Migrate))
{
    return await CommandLineModes.MigrateAsync(app, settings);
}

app.UseProviderPipeline(settings);
app.MapConnectEndpoints();
if (settings.ExternalProviders.Length > 0)
{
    app.MapExternalSignIn();
}

app.MapAdminApi();
app.MapAdminApiDocuments();
app.MapRazorPages();
app.MapProviderHealthChecks();

await app.PrepareAsync(settings);
await app.RunAsync();
return 0;

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
