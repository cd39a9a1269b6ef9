namespace IdentityProvider.Policy;

/// <summary>The policy in force, as the rules that depend on it read it (from memory, on every call).</summary>
public interface ICurrentPolicy
{
    ProviderPolicy Current { get; }
}
