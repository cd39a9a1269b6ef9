using System.Globalization;
using IdentityProvider.Settings;
using Serilog;
using Serilog.Events;
using Serilog.Formatting;
using Serilog.Formatting.Compact;
using Serilog.Formatting.Display;

namespace IdentityProvider.Hosting;

public static class LoggingSetup
{
    /// <summary>
    /// Serilog to the console, as text or JSON. Warning: framework categories that print full URLs
    /// (query strings can hold an id_token_hint) stay at Warning; request logging prints paths only.
    /// </summary>
    public static WebApplicationBuilder AddProviderLogging(this WebApplicationBuilder builder, LoggingSettings settings)
    {
        builder.Logging.ClearProviders();
        builder.Services.AddSerilog(
            logger =>
            {
                logger.MinimumLevel.Is(settings.MinimumLevel)
                    .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
                    .MinimumLevel.Override("Microsoft.EntityFrameworkCore", LogEventLevel.Warning)
                    .MinimumLevel.Override("OpenIddict", LogEventLevel.Warning)
                    .Enrich.FromLogContext()
                    .Enrich.With<EscapeControlCharacters>();
                // The console sink's default line, without colours (the batches go to a stream, not a terminal).
                ITextFormatter formatter = settings.Format == LogFormat.Json
                    ? new RenderedCompactJsonFormatter()
                    : new MessageTemplateTextFormatter("[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj}{NewLine}{Exception}", CultureInfo.InvariantCulture);
                logger.WriteTo.Sink(new BatchedConsoleSink(formatter), BatchedConsoleSink.Options);
            },
            // Each host keeps its own logger (tests run several hosts in one process), and other logger
            // providers (a test's capture) see every event too.
            preserveStaticLogger: true,
            writeToProviders: true);
        return builder;
    }
}
