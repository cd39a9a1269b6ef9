namespace IdentityProvider.Settings;

/// <summary>A configuration value the provider cannot start with; the message names the key.</summary>
public sealed class InvalidConfigurationException(string key, string problem)
    : Exception($"Configuration error: {key} {problem}")
{
    public string Key { get; } = key;
}
