using IdentityProvider.Settings;
using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;

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
                // Why asynchronous: the console sink formats and flushes each event under one lock, so at a few
                // thousand requests/s the request log line made requests queue behind each other (issue 14). A
                // background writer takes the events instead; if it falls behind by 10,000 events, new ones are
                // dropped rather than slowing requests, and disposing the logger at shutdown writes what is queued.
                logger.WriteTo.Async(
                    sink =>
                    {
                        if (settings.Format == LogFormat.Json)
                        {
                            sink.Console(new RenderedCompactJsonFormatter());
                        }
                        else
                        {
                            sink.Console();
                        }
                    },
                    bufferSize: 10_000);
            },
            // Each host keeps its own logger (tests run several hosts in one process), and other logger
            // providers (a test's capture) see every event too.
            preserveStaticLogger: true,
            writeToProviders: true);
        return builder;
    }
}
