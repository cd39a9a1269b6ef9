namespace IdentityProvider.Settings;

public enum LogFormat
{
    Text,
    Json,
}

/// <summary><c>Log:*</c>: the console log's format and level.</summary>
public sealed record LoggingSettings(LogFormat Format, Serilog.Events.LogEventLevel MinimumLevel)
{
    public static LoggingSettings Load(IConfiguration configuration)
    {
        var section = configuration.GetSection("Log");
        return new LoggingSettings(
            SettingsReader.Enum(section, "Format", LogFormat.Text),
            SettingsReader.Enum(section, "MinimumLevel", Serilog.Events.LogEventLevel.Information));
    }
}
